/** 考核退出、动态管理: admins take a site out of the network. */
import { rawArgs } from '../src/core/args.js'
import { role } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { EXIT } from '../src/messages/reports.js'
import { findSite } from './site-support.js'

export const retireSite = defineCommand({
  name: '退出示范点',
  aliases: ['调出示范点'],
  usage: EXIT.usage,
  summary: '考核退出：把一个示范点移出名单',
  details: ['移出后不再计入统计和提醒，其成员不能再上报；历史上报保留。可用 #恢复示范点 恢复。'],
  examples: ['#退出示范点 日新街道'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run({ deps }, input) {
    const s = findSite(deps, input, EXIT.usage)
    if (!s.ok) return s.reply
    if (s.site.retired) return [{ text: EXIT.alreadyRetired(s.site) }]
    await deps.repo.setRetired(s.site.id, true)
    return [{ text: EXIT.retired(s.site, deps.repo.roster().sites().length) }]
  },
})
