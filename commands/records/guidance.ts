/** #指导: liaisons and group leaders log a visit or guidance to a site. */
import { restAfter } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { guidanceIn, periodOfMonth } from '../../src/domain/records.js'
import { RECORDS } from './sentences.js'
import { actorOf, recordArgs, recordTarget } from './record-site.js'

export const guidance = defineCommand({
  name: '指导',
  aliases: ['指导记录', '走访'],
  usage: RECORDS.guidanceUsage,
  summary: '记录对示范点的走访指导（按半年统计次数）',
  details: ['联络员、组长记录负责范围内的示范点，管理员可记录全部。'],
  examples: ['#指导 日新街道 现场指导阵地建设和台账整理'],
  category: 'records',
  requires: [role('liaison', 'leader', 'admin')],
  args: recordArgs,
  async run(ctx, { tokens, rest }) {
    const { deps, sender } = ctx
    const { records } = deps.repo
    const site = recordTarget(ctx, tokens[0] ?? '', { named: true })
    if (!site.ok) return site.reply
    const content = restAfter(rest, 1)
    if (!content) return [{ text: RECORDS.guidanceContentMissing }]
    const today = ctx.today
    const g = await records.addGuidance(site.value.id, content, today, actorOf(sender), deps.clock())
    const period = periodOfMonth(today.slice(0, 7))
    const count = guidanceIn(records.guidance(), site.value.id, period).length
    return [{ text: RECORDS.guidanceSaved(site.value, g, count, period) }]
  },
})
