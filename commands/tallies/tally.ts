import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { inScope, parseScope } from '../../src/domain/authority.js'
import { tallyMonth } from '../../src/domain/reports.js'
import { monthOf } from '../../src/domain/calendar.js'
import { isTracked } from '../../src/domain/tracking.js'
import { SCOPE_WORDS } from '../../src/domain/vocabulary.js'
import { MISSING, TALLIES } from './sentences.js'
import { pickMonth, splitDetail } from './month-asked.js'

export const tally = defineCommand({
  name: '统计',
  aliases: ['本月统计', '月度统计'],
  usage: '#统计 [第N组|区名|省级|市级] [月份] [详细]',
  summary: '查看某月创建信息上报情况（默认本月、全市）',
  details: [
    '先给出已报数（全市时含省级、市级和各组），再按组列出未报的示范点。范围和月份可任意顺序，任何成员都可以查看任何范围。',
    '加“详细”按工作组逐个列出示范点：✅ 已报及篇数，❌ 未报。',
  ],
  examples: ['#统计', '#统计 2026-10', '#统计 第二组', '#统计 西岗区 上月', '#统计 详细'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => {
    const { words, detail } = splitDetail(a.tokens)
    // A scope word anywhere; the rest is the month.
    const scopeWord = words.find((w) => parseScope(w) !== null)
    return { scopeWord, monthWord: words.filter((w) => w !== scopeWord).join(' '), words, detail }
  }),
  run(ctx, { scopeWord, monthWord, words, detail }) {
    const { deps } = ctx
    const m = pickMonth(deps, monthWord)
    if (!m.ok) return [{ text: /\d|月/.test(monthWord) ? m.text : MISSING.wordUnknown(monthWord) }]
    if (m.month > monthOf(deps.clock())) return [{ text: TALLIES.tallyFuture(m.month) }]
    if (!isTracked(deps.repo.tracking(), m.month))
      return [{ text: TALLIES.tallyBeforeTracking(m.month, deps.repo.trackingSince()) }]
    // Reading is open to every member for any scope; without a word, #统计 is the city's tally.
    const scope = ctx.scope(scopeWord ?? SCOPE_WORDS.all[0], 'read')
    if (!scope.ok) return scope.reply
    const { scopes, label } = scope.value
    const t = tallyMonth(
      deps.repo.rosterHistory.activeSitesFor(m.month).filter((s) => scopes.some((sc) => inScope(sc, s))),
      deps.repo.reports.ofMonth(m.month),
      m.month,
    )
    return [{ text: detail ? TALLIES.tally(t, label) : TALLIES.tallyBrief(t, label, words.join(' ')) }]
  },
})
