import { rawArgs } from '../src/core/args.js'
import { role } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { monthOf } from '../src/domain/calendar.js'
import { siteYear, tallyMonth } from '../src/domain/reports.js'
import { R } from '../src/messages/reports.js'
import { summaryScope, yearStart } from './tally-support.js'

export const summary = defineCommand({
  name: '汇总',
  aliases: ['领导汇总', '总览'],
  usage: '#汇总 [第N组|省级|市级|区名|全市]',
  summary: '本月与今年的上报汇总，列出需关注的示范点',
  details: ['不写范围时：管理员看全市，组长看本组，联络员看本区。建议私聊机器人发送。'],
  examples: ['#汇总', '#汇总 第一组', '#汇总 西岗区'],
  category: 'query',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => a.tokens[0] ?? ''),
  run({ deps, sender }, word) {
    const scope = summaryScope(deps, sender, word)
    if (!scope.ok) return [{ text: scope.text }]
    const current = monthOf(deps.clock())
    const from = yearStart(deps, current)
    const reports = deps.repo.reports.all()
    const t = tallyMonth(scope.sites, deps.repo.reports.ofMonth(current), current)
    const years = scope.sites.map((s) => siteYear(s, reports, from, current, current))
    const pieces = years.reduce((n, y) => n + y.total, 0)
    return [{ text: R.summary(scope.label, t, from, years, pieces) }]
  },
})
