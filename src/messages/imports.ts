/** #导入 in words: the preview on one phone screen, the outcome, and the one sentence for a bad file. */
import type { Month } from '../domain/calendar.js'
import type { SheetReading } from '../domain/import-sheet.js'
import { fullMonthLabel, listed, monthLabel } from './format.js'
import { quote } from './quote.js'

export type ImportProblem =
  'notSpreadsheet' | 'tooLarge' | 'tooBig' | 'unreadable' | 'noMonth' | 'noSite' | { future: Month }

/** 2026年7月至10月: the months of an import. */
export const span = (ms: readonly Month[]) =>
  ms.length === 0
    ? ''
    : ms.length === 1
      ? fullMonthLabel(ms[0]!)
      : `${fullMonthLabel(ms[0]!)}至${monthLabel(ms.at(-1)!)}`

export interface ImportPreview {
  fileName: string
  reading: SheetReading
  /** Per month: sites with at least one report, and pieces. */
  perMonth: { month: Month; sites: number; pieces: number }[]
  /** Months that already hold reports the bot collected (those win). */
  inBot: Month[]
  /** Rows of sites outside the importer's scope, left out. */
  outOfScope: number
}

const MAX_LINES = 4

export const IMPORT = {
  usage: '#导入（先分享表格文件）｜#导入 确认｜#导入 撤销｜#导入 取消',
  waiting: (minutes: number) =>
    `请在 ${minutes} 分钟内分享要导入的表格文件（.xlsx 或 .csv）：每行一个示范点，每列一个月份。`,
  problem: (p: ImportProblem, name: string): string => {
    const file = `“${quote(name)}”`
    if (typeof p === 'object')
      return `${file}中有${fullMonthLabel(p.future)}的数据，该月尚未到来，未导入任何数据。`
    const say: Record<Exclude<ImportProblem, object>, string> = {
      notSpreadsheet: `${file}不是表格文件，请分享 .xlsx 或 .csv 文件，未导入任何数据。`,
      tooLarge: `${file}超过 5MB，请只保留示范点和各月数据后再分享，未导入任何数据。`,
      tooBig: `${file}展开后过大（工作表、行或单元格过多），请只保留示范点和各月数据后再分享，未导入任何数据。`,
      unreadable: `${file}无法打开，可能已损坏，请用 Excel 另存为 .xlsx 后再分享，未导入任何数据。`,
      noMonth: `${file}中没有找到月份表头（如 2026年7月、7月、2026-07），未导入任何数据。`,
      noSite: `${file}中没有找到示范点名称列（全称、简称或编号），未导入任何数据。`,
    }
    return say[p]
  },
  preview: (p: ImportPreview): string => {
    const r = p.reading
    const lines = [
      `导入预览：${p.fileName}（${r.sheet}）`,
      `${r.orgIds.length} 个示范点 × ${r.months.length} 个月（${span(r.months)}）`,
      `各月已报示范点/篇数：${p.perMonth.map((m) => `${Number(m.month.slice(5))}月 ${m.sites}/${m.pieces}`).join('，')}`,
    ]
    if (r.unplaced.length > 0) {
      const names = r.unplaced
        .slice(0, MAX_LINES)
        .map((u) => (u.guesses.length > 0 ? `${u.text}（是否为${listed(u.guesses)}？）` : u.text))
      const more = r.unplaced.length > MAX_LINES ? `等 ${r.unplaced.length} 个` : ''
      lines.push(`未能识别的单位（不导入）：${listed(names)}${more}`)
    }
    if (r.unreadable.length > 0) {
      const cells = r.unreadable.slice(0, MAX_LINES).map((c) => `${c.cell}“${quote(c.text)}”`)
      const more = r.unreadable.length > MAX_LINES ? `等 ${r.unreadable.length} 格` : ''
      lines.push(`无法读取的单元格（按未报）：${listed(cells)}${more}`)
    }
    if (r.emptyMonths.length > 0)
      lines.push(`空白的月份列（不导入）：${r.emptyMonths.map((m) => monthLabel(m)).join('、')}`)
    if (p.outOfScope > 0) lines.push(`不在您负责范围内的示范点 ${p.outOfScope} 个，不导入。`)
    if (p.inBot.length > 0)
      lines.push(
        `机器人已有上报的月份：${p.inBot.map((m) => monthLabel(m)).join('、')}，已上报的示范点以机器人记录为准。`,
      )
    lines.push('发送 #导入 确认 写入，发送 #导入 取消 放弃。')
    return lines.join('\n')
  },
  nothingPending: '没有待确认的导入，请先分享表格文件并发送 #导入。',
  applied: (months: readonly Month[], sites: number, pieces: number) =>
    `已导入${span(months)}的上报情况：${sites} 个示范点，共 ${pieces} 篇。各项统计和考核已计入；如需撤回，发送 #导入 撤销。`,
  cancelled: '已取消本次导入，未写入任何数据。',
  nothingToUndo: '没有可撤回的导入。',
  undone: (fileName: string, months: readonly Month[]) =>
    `已撤回导入“${quote(fileName)}”（${span(months)}），相关统计已恢复。`,
  wordUnknown: (w: string) => `“${quote(w)}”不是 #导入 的选项，可发送 #导入 确认、#导入 撤销 或 #导入 取消。`,
  /** How an imported count is marked in lists: no text, no number. */
  mark: '导入',
}
