/** 考核退出、动态管理: admins take a site out of the network, with the reason, from today. */
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { EXIT, ROSTER } from './sentences.js'
import { CORE } from '../../src/messages/core.js'
import { changeFromToday, findSite, siteAndReason, siteCount } from './roster-change.js'

export const retireSite = defineCommand({
  name: '退出示范点',
  aliases: ['调出示范点'],
  usage: EXIT.usage,
  summary: '考核退出：把一个示范点移出名单，记下原因',
  details: [
    '自当天起退出：当月起不再计入统计和提醒，此前月份的统计保持不变；其成员不能再上报，历史上报保留。',
    '可用 #恢复示范点 恢复。每次变动记入 #日志。',
  ],
  examples: ['#退出示范点 日新街道 连续三个月未报送，考核不合格'],
  category: 'manage',
  requires: [role('admin')],
  args: siteAndReason,
  async run(ctx, args) {
    const { deps, sender } = ctx
    const s = findSite(ctx, args.site, EXIT.usage)
    if (!s.ok) return s.reply
    if (s.site.retired) return [{ text: EXIT.alreadyRetired(s.site) }]
    if (!args.reason) return [{ text: CORE.badArgs(EXIT.reasonMissing, EXIT.usage, undefined) }]
    const { from, result } = await changeFromToday(deps, sender, {
      kind: 'retire',
      orgId: s.site.id,
      reason: args.reason,
    })
    if (!result.ok) return [{ text: ROSTER.rosterError(result.error) }]
    return [{ text: EXIT.retired(s.site, siteCount(deps), from) }]
  },
})
