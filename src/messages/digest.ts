/** The weekly digest as one private message, and the scope a file or a digest covers. */
import { dayMonthLabel, fullMonthLabel } from './format.js'
import type { DigestData } from '../domain/digest.js'
import type { Site } from '../domain/types.js'
import { shortName } from './records.js'

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
