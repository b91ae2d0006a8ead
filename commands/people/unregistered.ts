import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { W } from '../../src/messages/first-week.js'
import { M } from '../../src/messages/zh.js'
import { splitDetail } from '../tallies/month-asked.js'

export const unregistered = defineCommand({
  name: '未注册',
  aliases: ['未实名', '注册情况'],
  usage: '#未注册 [详细]',
  summary: '列出群内尚未实名注册的成员和无人注册的示范点',
  details: ['示范点按工作组归并列出简称；加“详细”逐个列出编号和全称。私聊机器人发送也可以，结果只发给您。'],
  examples: ['#未注册', '#未注册 详细'],
  category: 'manage',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => splitDetail(a.tokens).detail),
  async run({ deps }, detail) {
    const members = await deps.directory.roomMembers()
    const room = deps.repo.room()
    if (!members) return [{ text: M.roomUnknown(room?.topic ?? '') }]
    const missing = members.filter((m) => !deps.repo.member(m.id))
    const registeredOrgs = new Set(deps.repo.members().map((m) => m.orgId))
    const emptySites = deps.repo
      .roster()
      .sites()
      .filter((s) => !registeredOrgs.has(s.id))
    return [{ text: detail ? M.unregistered(missing, emptySites) : W.unregistered(missing, emptySites) }]
  },
})
