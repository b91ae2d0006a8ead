/** 动态管理: admins bring a retired site back, from today. */
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { EXIT, ROSTER } from './sentences.js'
import { changeFromToday, findSite, siteAndReason, siteCount } from './roster-change.js'

export const restoreSite = defineCommand({
  name: '恢复示范点',
  aliases: [],
  usage: EXIT.restoreUsage,
  summary: '把退出的示范点恢复到名单中',
  details: ['单位写全称、简称或编号，可附原因。自当天起恢复，下个整月起计入统计。'],
  examples: ['#恢复示范点 日新街道 整改完成'],
  category: 'manage',
  requires: [role('admin')],
  args: siteAndReason,
  async run(ctx, args) {
    const { deps, sender } = ctx
    const s = findSite(ctx, args.site, EXIT.restoreUsage)
    if (!s.ok) return s.reply
    if (!s.site.retired) return [{ text: EXIT.notRetired(s.site) }]
    const { result } = await changeFromToday(deps, sender, {
      kind: 'restore',
      orgId: s.site.id,
      reason: args.reason,
    })
    if (!result.ok) return [{ text: ROSTER.rosterError(result.error) }]
    return [{ text: EXIT.restored(s.site, siteCount(deps)) }]
  },
})
