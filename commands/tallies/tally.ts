import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { tallyMonth } from '../../src/domain/reports.js'
import { monthOf, parseMonth } from '../../src/domain/calendar.js'
import { isTracked } from '../../src/domain/tracking.js'
import { inScope, parseScope } from '../../src/domain/authority.js'
import { MISSING, TALLIES } from './sentences.js'
import { pickMonth, splitDetail } from './month-asked.js'
import { CORE } from '../../src/messages/core.js'

export const tally = defineCommand({
  name: '统计',
  aliases: ['本月统计', '月度统计'],
  usage: '#统计 [月份] [范围] [详细]',
  summary: '查看某月创建信息上报情况（默认本月、全市）',
  details: [
    '先给出已报数、省级和市级、各组的已报数，再按组列出未报的示范点。',
    '可加范围（第一组、西岗区、省级、市级），月份和范围可任意顺序；任何范围都可以查看。',
    '加“详细”按工作组逐个列出示范点：✅ 已报及篇数，❌ 未报。',
  ],
  examples: ['#统计', '#统计 2026-10', '#统计 西岗区', '#统计 详细'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => splitDetail(a.tokens)),
  run(ctx, { words, detail }) {
    const { deps } = ctx
    const asked = monthAndScope(words, ctx.now)
    if (!asked.ok) return [{ text: asked.text }]
    const m = pickMonth(deps, asked.month ?? '')
    if (!m.ok) return [{ text: m.text }]
    if (m.month > monthOf(deps.clock())) return [{ text: TALLIES.tallyFuture(m.month) }]
    if (!isTracked(deps.repo.tracking(), m.month))
      return [{ text: TALLIES.tallyBeforeTracking(m.month, deps.repo.trackingSince()) }]
    // Reading a tally is open to every registered member for any scope; 全市 unless one is named.
    const scope = asked.scope ? ctx.scope(asked.scope, 'read') : null
    if (scope && !scope.ok) return scope.reply
    const sites = deps.repo.rosterHistory
      .activeSitesFor(m.month)
      .filter((s) => !scope || scope.value.scopes.some((sc) => inScope(sc, s)))
    if (sites.length === 0) return [{ text: TALLIES.tallyNoSites(scope?.value.label) }]
    const t = tallyMonth(sites, deps.repo.reports.ofMonth(m.month), m.month)
    const label = scope ? scope.value.label : undefined
    return [{ text: detail ? TALLIES.tally(t, label) : TALLIES.tallyBrief(t, words.join(' '), label) }]
  },
})

/** The month word and the scope word of #统计, in any order, as #未报 reads them; a reply for a word that is neither. */
function monthAndScope(
  words: readonly string[],
  now: Date,
): { ok: true; month?: string; scope?: string } | { ok: false; text: string } {
  let month: string | undefined
  let scope: string | undefined
  for (const w of words) {
    if (parseMonth(w, now)) month = w
    else if (parseScope(w)) scope = w
    else if (/\d|月/.test(w)) return { ok: false, text: CORE.monthInvalid(w, monthOf(now)) }
    else return { ok: false, text: MISSING.wordUnknown(w) }
  }
  return { ok: true, ...(month === undefined ? {} : { month }), ...(scope === undefined ? {} : { scope }) }
}
