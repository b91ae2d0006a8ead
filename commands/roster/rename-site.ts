/** 动态管理: admins rename a site, from today; the old name stays findable as an alias. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { aliasesAfterRename } from '../../src/domain/roster-history.js'
import { REC } from '../../src/messages/records.js'
import { M } from '../../src/messages/zh.js'
import { findSite, changeFromToday } from './roster-change.js'

export const renameSite = defineCommand({
  name: '更名示范点',
  aliases: ['示范点更名'],
  usage: REC.renameUsage,
  summary: '动态管理：示范点更名，原名仍可查找',
  details: [
    '自当天起使用新名称；原名称和原简称保留为简称，历史上报和统计不受影响。',
    '新名称与其他单位的名称或简称重复时不保存。每次变动记入 #日志。',
  ],
  examples: ['#更名示范点 大连大学 大连大学工会'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => ({ site: a.tokens[0] ?? '', name: a.tokens.slice(1).join('') })),
  async run(ctx, args) {
    const { deps, sender } = ctx
    if (!args.site || args.name.length < 2)
      return [{ text: M.badArgs(undefined, REC.renameUsage, undefined) }]
    const s = findSite(ctx, args.site, REC.renameUsage)
    if (!s.ok) return s.reply
    const { from, result } = await changeFromToday(deps, sender, {
      kind: 'rename',
      orgId: s.site.id,
      name: args.name,
      aliases: aliasesAfterRename(s.site, args.name),
      reason: '',
    })
    if (!result.ok) return [{ text: REC.rosterError(result.error) }]
    return [{ text: REC.renamed(s.site.name, args.name, from) }]
  },
})
