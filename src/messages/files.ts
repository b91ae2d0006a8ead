/**
 * Every sentence of #导出, #图表 and #周报, the weekly digest, the half-year notice, the 六有 sheet
 * of the export, and what the bot says when a file could not be sent.
 */
import { quote } from './quote.js'
import { dayMonthLabel, fullMonthLabel } from './format.js'
import type { DigestData } from '../domain/digest.js'
import type { Period } from '../domain/periods.js'
import { SIX_ITEMS } from '../domain/records.js'
import type { GroupNo, Site } from '../domain/types.js'
import { periodLabel } from './export.js'
import { shortName } from './records.js'
import { scopeLabel as scopeLabelOf, scopesLabel } from './format.js'

/** Words people type after #周报. */
export const WEEKLY_WORDS: Readonly<Record<string, 'on' | 'off'>> = {
  开启: 'on',
  打开: 'on',
  开: 'on',
  恢复: 'on',
  关闭: 'off',
  关: 'off',
  停止: 'off',
  暂停: 'off',
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`

/** Who a file covers: 全市, 第一组, 西岗区…. */
export function scopeLabel(
  scope: { all: true } | { groups: readonly GroupNo[]; districts: readonly string[] },
) {
  if ('all' in scope) return scopeLabelOf({ kind: 'all' })
  return scopesLabel([
    ...scope.groups.map((group) => ({ kind: 'group' as const, group })),
    ...scope.districts.map((district) => ({ kind: 'district' as const, district })),
  ])
}

export const FILES = {
  exportUsage: '#导出 [2026-11|2026上半年|2026下半年|2026年]',
  chartUsage: '#图表 [2026年|2026上半年]',
  periodBad: (w: string) =>
    `“${quote(w)}”不是可以导出的期间。请写如 2026-11、2026上半年、2026下半年 或 2026年。`,
  periodFuture: (p: Period) => `${periodLabel(p)}尚未开始，没有可导出的数据。`,
  noSites: '你负责的范围内没有示范点。',
  exportSent: (file: string, scope: string, sites: number, reports: number) =>
    `已发送 ${file}（${scope}，${sites} 个示范点，${reports} 篇上报）。`,
  chartSent: (file: string, scope: string) => `已发送 ${file}（${scope}）。`,
  sentPrivately: (what: string) => `${what}已私信发给你，请查收。`,
  exportWhat: 'Excel 表格',
  chartWhat: '热力图',
  chartFailed: '热力图生成失败，请稍后再试。',

  /** When the outbox could not deliver a command's file. */
  fileTooLarge: (name: string, size: number, max: number) =>
    `文件 ${name} 有 ${mb(size)}，超过机器人可发送的上限 ${mb(max)}，未能发送。请缩短期间后重试。`,
  fileFailed: (name: string) => `文件 ${name} 发送失败，请稍后再试。`,

  sixSheet: {
    name: '六有',
    columns: ['编号', '单位', '工作组', '区', ...SIX_ITEMS, '已达标项数'],
    missingState: '未达标',
  },
  auditSheetName: '日志',
}

export const WEEKLY = {
  usage: '#周报 [关闭|开启]',
  bad: (w: string) => `“${quote(w)}”看不懂。发送 #周报 查看本周周报，#周报 关闭 或 #周报 开启 切换每周私信。`,
  off: '已关闭每周周报私信。发送 #周报 开启 可恢复；随时发送 #周报 可查看。',
  on: '已开启每周周报私信：每周第一个工作日上午发送（逢节假日顺延）。',
  alreadyOff: '每周周报私信本来就是关闭的。',
  alreadyOn: '每周周报私信本来就是开启的。',
}

/** The digest as one private message. */
export function digestText(d: DigestData, scope: string): string {
  const lines = [
    `【周报】${scope}｜${dayMonthLabel(d.since)}—${dayMonthLabel(d.until)}`,
    d.newReports.length > 0 ? `新上报 ${d.newReports.length} 篇：` : '这段时间没有新的上报。',
    ...d.newReports.slice(0, 20).map(({ site, report }) => `· ${shortName(site)}：${titleOf(report)}`),
    ...(d.newReports.length > 20 ? [`……另有 ${d.newReports.length - 20} 篇`] : []),
    d.missing.length > 0
      ? `${fullMonthLabel(d.month)}尚未上报（${d.missing.length}/${d.total}）：${d.missing
          .slice(0, 30)
          .map((s: Site) => shortName(s))
          .join('、')}${d.missing.length > 30 ? '…' : ''}`
      : `${fullMonthLabel(d.month)}全部 ${d.total} 个示范点均已上报。`,
    ...(d.deadline ? [`本月截止：${dayMonthLabel(d.deadline)}（最后一个工作日）。`] : []),
    ...(d.lateUntil
      ? [`${fullMonthLabel(d.lateUntil.month)}补报截止：${dayMonthLabel(d.lateUntil.date)}。`]
      : []),
    '不想收到周报请发送 #周报 关闭。',
  ]
  return lines.join('\n')
}

function titleOf(r: { title: string; text: string; links: readonly { title: string }[] }): string {
  const t = r.title.trim() || r.links[0]?.title.trim() || r.text.replace(/\s+/g, ' ').trim()
  return [...t].length > 30 ? `${[...t].slice(0, 29).join('')}…` : t
}
