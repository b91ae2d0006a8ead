/** #指导: liaisons and group leaders log a visit or guidance to a site. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { guidanceIn, periodOfMonth } from '../../src/domain/records.js'
import { REC } from '../../src/messages/records.js'
import { actorOf, recordsOf } from './record-site.js'

export const guidance = defineCommand({
  name: '指导',
  aliases: ['指导记录', '走访'],
  usage: REC.guidanceUsage,
  summary: '记录对示范点的走访指导（按半年统计次数）',
  details: ['联络员、组长记录负责范围内的示范点，管理员可记录全部。'],
  examples: ['#指导 日新街道 现场指导阵地建设和台账整理'],
  category: 'records',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => a.tokens),
  async run(ctx, tokens) {
    const { deps, sender } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const site = ctx.site(tokens[0] ?? '')
    if (!site.ok) return site.reply
    const may = ctx.actFor(site.value)
    if (!may.ok) return may.reply
    const content = tokens.slice(1).join(' ')
    if (!content) return [{ text: REC.guidanceContentMissing }]
    const today = ctx.today
    const g = await rec.value.records.addGuidance(
      site.value.id,
      content,
      today,
      actorOf(sender),
      deps.clock(),
    )
    const period = periodOfMonth(today.slice(0, 7))
    const count = guidanceIn(rec.value.records.guidance(), site.value.id, period).length
    return [{ text: REC.guidanceSaved(site.value, g, count, period) }]
  },
})
