/**
 * Sentences of issue 10 (a coordinator's first week): months and numbers as people write them,
 * hints that fit the command, plain-language questions, duplicate reports, phone-length lists.
 */
import { quote } from './quote.js'
import type { Month } from '../domain/calendar.js'
import { fullMonthLabel, monthLabel, scopeLabel } from './format.js'
import type { Org, Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { shortName } from './reports.js'

export const U = {
  duplicate: (no: number) => `这篇已经报过了，编号${no}，不再重复计入。`,
  similar: (no: number, minutes: number) =>
    `这篇和编号${no}很相似，暂未计入。如确需再报一篇，请 ${minutes} 分钟内把同样的内容再发一次。`,
  tallyFuture: (month: Month) => `${fullMonthLabel(month)}还没到，没有可统计的上报。`,
  tallyBeforeTracking: (month: Month, since: Month) =>
    `机器人从${fullMonthLabel(since)}起统计上报，${fullMonthLabel(month)}没有记录。`,
  progressNotASite: (org: Org) =>
    `${org.name}不是示范点：区市县和市级工会、团委、妇联没有每月上报任务。查看一个区的示范点请用 #汇总 区名，例如：#汇总 ${org.kind === 'district' ? org.district : '西岗区'}`,
  /** A # word that is no command, with up to three close ones. */
  unknownCommand: (word: string, suggestions: string[]) =>
    `没有“#${quote(word)}”这个命令。` +
    (suggestions.length > 0 ? `您是不是要用 ${suggestions.map((s) => `#${s}`).join('、')}？` : '') +
    '发送 #帮助 查看全部命令。',
  /** A bare #上报 / #补报 / #代报 waiting for its share; the way to write it as text fits the command. */
  waitingForShare: (site: Site, month: Month, minutes: number, how: { late: boolean; onBehalf: boolean }) =>
    `请在 ${minutes} 分钟内发送${shortName(site)}的${monthLabel(month)}创建信息（文章链接、文件或图片），或写成：` +
    (how.onBehalf
      ? `#代报 ${shortName(site)}${how.late ? ` ${month}` : ''} 正文`
      : how.late
        ? `#补报 ${month} 正文`
        : '#上报 正文'),
  /** A word that is no month; `example` is a month the command would accept. */
  monthInvalid: (word: string, example: Month) =>
    `“${quote(word)}”不是有效的月份，请写成 ${example} 或 ${monthLabel(example)} 这样的格式。`,
  /** A 编号 that is no number. */
  noInvalid: (word: string) => `“${quote(word)}”不是有效的编号，可写 6、6号、第6 或 No.6。`,
  /** A 编号 left out. */
  noMissing: '请写上编号（见上报回执或列表）。',
}

/** 第一组, 西岗区, 省级, 全市. */
export { scopeLabel }

/** Marks a site nobody has registered for (nobody to @-mention). */
const NOBODY_MARK = '*'

/**
 * The sites behind, one line per working group, each site once: `第一组（3）：A、B*、C`, a site
 * marked * when nobody has registered for it; with `names`, the people of each site in brackets.
 */
export function behindLines(unreported: Site[], nobody: Site[], names?: Map<string, string[]>): string[] {
  const empty = new Set(nobody.map((s) => s.id))
  const lines: string[] = []
  for (const g of GROUP_NOS) {
    const inGroup = unreported.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    const shown = inGroup.map((s) => {
      if (empty.has(s.id)) return shortName(s) + NOBODY_MARK
      const who = names?.get(s.id)
      return who && who.length > 0 ? `${shortName(s)}（${who.join('、')}）` : shortName(s)
    })
    lines.push(`${GROUP_NAMES[g]}（${inGroup.length}）：${shown.join('、')}`)
  }
  if (nobody.length > 0) lines.push(`${NOBODY_MARK} 尚无人注册，无法 @`)
  return lines
}

export const MISSING = {
  /** #未报: `names` (site id → people) in private, where nobody is @-mentioned. */
  list(
    month: Month,
    label: string,
    unreported: Site[],
    nobody: Site[],
    names: Map<string, string[]> | null,
    due: string | null,
  ): string {
    if (unreported.length === 0) return `${label} ${fullMonthLabel(month)}示范点均已上报创建信息。`
    const lines = [
      `${label} ${fullMonthLabel(month)}尚未上报创建信息的示范点 ${unreported.length} 个：`,
      ...behindLines(unreported, nobody, names ?? undefined),
    ]
    if (due) lines.push(names ? `（${due}）` : `请抓紧上报（${due}）。`)
    return lines.join('\n')
  },
  wordUnknown: (word: string) =>
    `“${quote(word)}”既不是月份也不是范围。可写月份（10月、上月、2026-10）或范围（第一组、西岗区、全市）。`,
  outOfScope: (label: string, mine: string[]) =>
    `#未报 会 @ 相关人员，只能用于您负责的${mine.join('、')}。查看${label}的上报情况请用 #统计 或 #汇总 ${label}。`,
}
