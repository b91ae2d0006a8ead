/**
 * Every Chinese word of the Excel export and the heatmap picture: sheet names, headers, labels,
 * notes, legend and title.
 */
import type { Month } from '../domain/calendar.js'
import { addMonths, shanghaiDate } from '../domain/calendar.js'
import { dayMonthLabel, fullMonthLabel, periodLabel } from './format.js'
import type { Period } from '../domain/periods.js'
import type { GroupNo, Line } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'

export { periodLabel }

/** 2026年11月 / 2026年7–12月 / 2026年 / 2017—2026年: the months a title covers. */
export function periodSpan(p: Period): string {
  if (p.kind !== 'half') return periodLabel(p)
  return `${p.from.slice(0, 4)}年${Number(p.from.slice(5))}–${Number(p.to.slice(5))}月`
}

/** Between the parts of a sheet's scope line: an ideographic space (the line breaks there when narrow). */
export const SUBTITLE_SEP = '\u3000'

/** 2026-12-01 10:05, Shanghai wall time. */
const madeAt = (now: Date) =>
  new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/** What each sheet is called in its title row, by sheet name. */
const SHEET_TITLES: Readonly<Record<string, string>> = {
  月度统计: '示范点创建信息统计',
  上报明细: '示范点创建信息上报明细',
  未报名单: '示范点未报名单',
  成员: '示范点注册成员名单',
  六有: '示范点“六有”建设情况',
  日志: '操作日志',
}

/** 工青妇示范点创建信息_2026年11月.xlsx. */
export function exportFileName(p: Period): string {
  return `工青妇示范点创建信息_${periodLabel(p)}.xlsx`
}

/** 工青妇示范点创建信息_2026年_明细.xlsx: the lists too long for the workbook. */
export function exportListsFileName(p: Period): string {
  return `工青妇示范点创建信息_${periodLabel(p)}_明细.xlsx`
}

/** 工青妇示范点上报情况_2026年.png. */
export function heatmapFileName(p: Period): string {
  return `工青妇示范点上报情况_${periodLabel(p)}.png`
}

/** A missed month, and why it is not closed yet (可补报至12月5日, 本月进行中) where it is not. */
export interface MissedMonth {
  month: Month
  note?: string | null
}

/**
 * The months a site missed as one cell: closed runs as ranges (1–3月、7月), open months with their
 * note (11月（可补报至12月5日）); the year is written where the months span more than one.
 */
export function missedMonths(list: readonly MissedMonth[], withYear: boolean): string {
  const label = (m: Month) => (withYear ? fullMonthLabel(m) : `${Number(m.slice(5))}月`)
  const parts: string[] = []
  for (let i = 0; i < list.length; i++) {
    const { month, note } = list[i]!
    if (note) {
      parts.push(`${label(month)}（${note}）`)
      continue
    }
    let j = i
    while (j + 1 < list.length && !list[j + 1]!.note && list[j + 1]!.month === addMonths(list[j]!.month, 1))
      j++
    const last = list[j]!.month
    if (j === i) parts.push(label(month))
    else if (!withYear || last.slice(0, 4) === month.slice(0, 4))
      parts.push(
        `${withYear ? `${month.slice(0, 4)}年` : ''}${Number(month.slice(5))}–${Number(last.slice(5))}月`,
      )
    else parts.push(`${label(month)}–${label(last)}`)
    i = j
  }
  return parts.join('、')
}

/** 2026年11月 in cells. */
export const monthCell = (m: Month) => fullMonthLabel(m)
/** 2026年 over 11月 in the 月度统计 header: read back as 2026年11月 (line breaks are whitespace). */
export const monthHeader = (m: Month) => `${m.slice(0, 4)}年\n${Number(m.slice(5))}月`

export type Way = 'text' | 'article' | 'file' | 'image' | 'onBehalf' | 'late' | 'imported'
const WAYS: Record<Way, string> = {
  text: '文字',
  article: '文章',
  file: '文件',
  image: '图片',
  onBehalf: '代报',
  late: '补报',
  imported: '导入',
}
export const waysLabel = (ways: readonly Way[]) => ways.map((w) => WAYS[w]).join('、')

export const X = {
  /** Between clauses of one cell: 补报 2 篇，已退出. */
  clauseSep: '，',
  sheets: {
    monthly: '月度统计',
    details: '上报明细',
    missing: '未报名单',
    members: '成员',
    log: '日志',
  },
  monthly: {
    headers: ['编号', '单位', '级别', '工作组', '区'],
    total: '合计',
    remark: '备注',
    retired: '已退出',
    retiredNote: '已退出示范点，退出后不计入合计',
    notYet: '尚未列入示范点，当月不计',
    lateNote: (n: number) => `含补报 ${n} 篇`,
    lateRemark: (n: number) => `补报 ${n} 篇`,
    beforeTracking: '统计开始前，无数据',
    currentMonth: (asOf: Date) => `本月进行中，截至${dayMonthLabel(shanghaiDate(asOf))}`,
    levelSites: (level: string, total: number) => `${level}小计：已报示范点（共${total}个）`,
    levelPieces: (level: string) => `${level}小计：篇数`,
    allSites: (scope: string, total: number) => `${scope}合计：已报示范点（共${total}个）`,
    allPieces: (scope: string) => `${scope}合计：篇数`,
  },
  /** The title row of a sheet: 第二组示范点创建信息统计（2026年7–12月）. */
  sheetTitle: (sheet: string, scope: string, p: Period) => {
    // 2026下半年考核: the sheet's own half-year is its period (全市示范点2026年下半年考核结果).
    if (sheet.endsWith('考核')) return `${scope}示范点${sheet.replace(/^(\d{4})(?=[上下]半年)/, '$1年')}结果`
    return `${scope}${SHEET_TITLES[sheet] ?? `示范点${sheet}`}（${periodSpan(p)}）`
  },
  /** The line under it: 范围：第二组（12 个示范点）, 期间, 制表时间, separated by ideographic spaces. */
  sheetSubtitle: (scope: string, sites: number, p: Period, now: Date) =>
    [
      `范围：${scope}（${sites} 个示范点）`,
      `期间：${periodSpan(p)}`,
      `制表时间：${madeAt(now)}`,
      '工青妇协同助手',
    ].join(SUBTITLE_SEP),
  /** On the workbook's first sheet when lists went to the companion file. */
  listsElsewhere: (sheets: readonly string[], file: string) => `${sheets.join('、')}另见 ${file}`,
  details: {
    headers: [
      '编号',
      '单位',
      '工作组',
      '月份',
      '提交时间',
      '提交人',
      '方式',
      '标题或摘要',
      '链接',
      '附件名',
      '状态',
    ],
    valid: '有效',
    withdrawn: '已撤回',
    openLink: '查看原文',
    /** One row for a site's month of counts taken from a ledger by #导入. */
    imported: (n: number) => `台账导入 ${n} 篇（无原文）`,
    openLinks: (n: number) => `查看原文（共${n}篇）`,
  },
  missing: {
    headers: ['编号', '单位', '工作组', '区', '未报月份', '未报\n月数', '尚可上报', '已注册人员'],
    nobody: '（无人注册）',
    running: '进行中',
    lateUntil: (deadlineDate: string) => `补报至${dayMonthLabel(deadlineDate)}`,
    none: '全部示范点均已上报',
    /** A site that has withdrawn since: its missed months while it counted are kept. */
    retired: (name: string) => `${name}（已退出）`,
  },
  members: {
    headers: ['姓名', '单位', '条线', '角色', '注册时间'],
    noLine: (line: Line | null) => line ?? '',
  },
  heatmap: {
    title: (p: Period) => `工青妇示范点创建信息上报情况 · ${periodLabel(p)}`,
    subtitle: (asOf: Date) => `数字为当月有效篇数（已撤回的不计）｜截至${shanghaiDate(asOf)}`,
    pieces: {
      missed: '未报',
      one: '1篇',
      two: '2篇',
      many: '3篇及以上',
      running: '本月未报（进行中）',
      imported: '导入的历史数据',
      noData: '无数据',
      notYet: '尚未列入',
      retired: '已退出',
      beforeTracking: '统计开始前',
    },
    lateMark: '补',
    noDataMark: '无',
    lateLegend: '“补”：含补报',
    retiredSuffix: '（已退出）',
    empty: '所选期间尚未开始',
  },
}

/** Who did a logged change, as people know them: the registered name and the site. */
export interface LogPerson {
  name: string
  org: string
}

const PROJECT_STATUS: Readonly<Record<string, string>> = {
  active: '进行中',
  done: '已完成',
  stopped: '已停止',
}
/** How a detail of a logged change reads, by its key. */
const LOG_DETAIL: Readonly<Record<string, (v: string) => string>> = {
  from: (v) => `${v}起生效`,
  group: (v) => `调至${GROUP_NAMES[Number(v) as GroupNo] ?? v}`,
  status: (v) => PROJECT_STATUS[v] ?? v,
  no: (v) => `编号${v}`,
  period: (v) => halfLabel(v),
  score: (v) => `${v}分`,
  year: (v) => `${v}年`,
  name: (v) => `名称：${v}`,
  kind: (v) => v || '取消类别',
  comment: (v) => `评语：${v}`,
  reason: (v) => `理由：${v}`,
  content: (v) => `内容：${v}`,
  description: (v) => `说明：${v}`,
}
/** Values that mean nothing to a reader (hashes, contact ids) are left out. */
const MACHINE = /^(?:[0-9a-f]{32,}|wxid_\w+|\w+@chatroom|[\w-]+@im\.wechat)$/i

/** 2026-H1 → 2026年上半年. */
const halfLabel = (v: string) =>
  /^\d{4}-H[12]$/.test(v) ? `${v.slice(0, 4)}年${v.endsWith('H1') ? '上' : '下'}半年` : v

/** The details of a logged change in words, in the order they were written. */
export function logDetail(
  detail: Readonly<Record<string, string>>,
  settingLabel: (k: string) => string | undefined,
) {
  return Object.entries(detail)
    .filter(([, v]) => v !== '' && !MACHINE.test(v))
    .map(([k, v]) => {
      const setting = settingLabel(k)
      if (setting) return `${setting}改为${v}`
      return LOG_DETAIL[k]?.(v) ?? v
    })
    .join('，')
}

export const LOG = {
  headers: ['时间', '操作人', '所在单位', '操作', '对象', '内容', '原因'],
  system: '系统',
  unknownPerson: '（未注册）',
}
