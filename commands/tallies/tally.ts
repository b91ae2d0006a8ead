import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { tallyMonth } from '../../src/domain/reports.js'
import { monthOf } from '../../src/domain/calendar.js'
import { isTracked } from '../../src/domain/tracking.js'
import { TALLIES } from './sentences.js'
import { pickMonth, splitDetail } from './month-asked.js'

export const tally = defineCommand({
  name: '统计',
  aliases: ['本月统计', '月度统计'],
  usage: '#统计 [月份] [详细]',
  summary: '查看某月全市创建信息上报情况（默认本月）',
  details: [
    '先给出全市、省级、市级和各组的已报数，再按组列出未报的示范点。',
    '加“详细”按工作组逐个列出示范点：✅ 已报及篇数，❌ 未报。',
  ],
  examples: ['#统计', '#统计 2026-10', '#统计 详细'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => splitDetail(a.tokens)),
  run({ deps }, { words, detail }) {
    const word = words[0] ?? ''
    const m = pickMonth(deps, word)
    if (!m.ok) return [{ text: m.text }]
    if (m.month > monthOf(deps.clock())) return [{ text: TALLIES.tallyFuture(m.month) }]
    if (!isTracked(deps.repo.tracking(), m.month))
      return [{ text: TALLIES.tallyBeforeTracking(m.month, deps.repo.trackingSince()) }]
    const t = tallyMonth(
      deps.repo.rosterHistory.activeSitesFor(m.month),
      deps.repo.reports.ofMonth(m.month),
      m.month,
    )
    return [{ text: detail ? TALLIES.tally(t) : TALLIES.tallyBrief(t, word) }]
  },
})
