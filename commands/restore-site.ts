/** 动态管理: admins bring a retired site back. */
import { rawArgs } from '../src/core/args.js'
import { role } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { EXIT } from '../src/messages/reports.js'
import { findSite } from './site-support.js'

export const restoreSite = defineCommand({
  name: '恢复示范点',
  aliases: [],
  usage: EXIT.restoreUsage,
  summary: '把退出的示范点恢复到名单中',
  details: ['单位写全称、简称或编号。'],
  examples: ['#恢复示范点 日新街道'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run({ deps }, input) {
    const s = findSite(deps, input, EXIT.restoreUsage)
    if (!s.ok) return s.reply
    if (!s.site.retired) return [{ text: EXIT.notRetired(s.site) }]
    await deps.repo.setRetired(s.site.id, false)
    return [{ text: EXIT.restored(s.site, deps.repo.roster().sites().length) }]
  },
})
