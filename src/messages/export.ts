/**
 * Every Chinese word of the Excel export and the heatmap picture: sheet names, headers, labels,
 * notes, legend and title.
 */
import type { Month } from '../domain/calendar.js'
import { shanghaiDate } from '../domain/calendar.js'
import { dayMonthLabel, fullMonthLabel, periodLabel } from './format.js'
import type { Period } from '../domain/periods.js'
import type { Line } from '../domain/types.js'

export { periodLabel }

/** 工青妇示范点创建信息_2026年11月.xlsx. */
export function exportFileName(p: Period): string {
  return `工青妇示范点创建信息_${periodLabel(p)}.xlsx`
}

/** 工青妇示范点上报情况_2026年.png. */
export function heatmapFileName(p: Period): string {
  return `工青妇示范点上报情况_${periodLabel(p)}.png`
}

/** 2026年11月 in headers and cells. */
export const monthCell = (m: Month) => fullMonthLabel(m)

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
  },
  monthly: {
    headers: ['编号', '单位', '级别', '工作组', '区'],
    total: '合计',
    remark: '备注',
    retired: '已退出',
    retiredNote: '已退出示范点，不计入合计',
    lateNote: (n: number) => `含补报 ${n} 篇`,
    lateRemark: (n: number) => `补报 ${n} 篇`,
    beforeTracking: '统计开始前，无数据',
    currentMonth: (asOf: Date) => `本月进行中，截至${dayMonthLabel(shanghaiDate(asOf))}`,
    levelSites: (level: string, total: number) => `${level}小计：已报示范点（共${total}个）`,
    levelPieces: (level: string) => `${level}小计：篇数`,
    allSites: (total: number) => `全市：已报示范点（共${total}个）`,
    allPieces: '全市：篇数',
  },
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
  },
  missing: {
    headers: ['月份', '编号', '单位', '工作组', '区', '已注册人员', '说明'],
    nobody: '（无人注册）',
    running: '本月进行中',
    lateUntil: (deadlineDate: string) => `可补报至${dayMonthLabel(deadlineDate)}`,
    none: '全部示范点均已上报',
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
      retired: '已退出',
      beforeTracking: '统计开始前',
    },
    lateMark: '补',
    lateLegend: '“补”：含补报',
    retiredSuffix: '（已退出）',
    empty: '所选期间尚未开始',
  },
}
