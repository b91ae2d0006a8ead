import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { siteYear, tallyMonth, type MonthTally, type SiteYear } from '../../src/domain/reports.js'
import { TALLIES } from './sentences.js'
import { splitDetail, yearStart } from './month-asked.js'
import { inScope } from '../../src/domain/authority.js'

export const summary = defineCommand({
  name: '汇总',
  aliases: ['领导汇总', '总览'],
  usage: '#汇总 [第N组|省级|市级|区名|全市] [详细]',
  summary: '本月与今年的上报汇总，列出需关注的示范点',
  details: [
    '不写范围时：管理员看全市，组长看所带的各组，联络员看本区，其他成员看全市。任何范围都可以查看。建议私聊机器人发送。',
    '需关注的示范点按缺报情况归并成几行；加“详细”逐个列出。',
  ],
  examples: ['#汇总', '#汇总 第一组', '#汇总 西岗区', '#汇总 详细'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => splitDetail(a.tokens)),
  run(ctx, { words, detail }) {
    const { deps } = ctx
    const word = words[0] ?? ''
    const scope = ctx.scope(word, 'read')
    if (!scope.ok) return scope.reply
    const { label, scopes } = scope.value
    const current = monthOf(ctx.now)
    const sites = deps.repo.rosterHistory
      .activeSitesFor(current)
      .filter((s) => scopes.some((sc) => inScope(sc, s)))
    const from = yearStart(deps, current)
    const reports = deps.repo.reports.all()
    const t = tallyMonth(sites, deps.repo.reports.ofMonth(current), current)
    const tracking = deps.repo.tracking()
    const years = sites.map((s) => siteYear(s, reports, from, current, current, tracking))
    const pieces = years.reduce((n, y) => n + y.total, 0)
    if (detail) return [{ text: TALLIES.summary(label, t, from, years, pieces) }]
    return [{ text: brief(label, word, t, from, years, pieces) }]
  },
})

/** The phone-length summary: figures, then the sites behind with equal lines as one. */
function brief(label: string, word: string, t: MonthTally, from: string, years: SiteYear[], pieces: number) {
  const closed = years[0] ? years[0].months.filter((m) => m.month < t.month && m.tracked).length : 0
  const hits = years.reduce((n, y) => n + y.months.filter((m) => m.month < t.month && m.count > 0).length, 0)
  const rate = closed > 0 ? Math.round((hits / (closed * years.length)) * 100) : null
  const behind = years
    .map((y) => ({
      site: y.site,
      missed: y.missed,
      now: (t.sites.find((s) => s.site.id === y.site.id)?.count ?? 0) === 0,
    }))
    .filter((r) => r.missed.length > 0 || r.now)
    .sort((a, b) => b.missed.length - a.missed.length || a.site.no - b.site.no)
  const lines = TALLIES.summaryHead(label, t, from, pieces, rate)
  if (behind.length === 0) lines.push(TALLIES.summaryNone)
  else
    lines.push(
      TALLIES.summaryCount(behind.length),
      ...TALLIES.summaryBehind(behind),
      TALLIES.summaryMore(word),
    )
  return lines.join('\n')
}
