/** 动态管理: admins move a site to another working group, from today. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { parseGroup } from '../../src/domain/roles.js'
import { REC } from '../../src/messages/records.js'
import { M } from '../../src/messages/zh.js'
import { findSite, changeFromToday } from './roster-change.js'

export const moveSite = defineCommand({
  name: '调整示范点',
  aliases: ['调整工作组', '示范点调组'],
  usage: REC.moveUsage,
  summary: '动态管理：把示范点调整到另一个工作推进组',
  details: [
    '自当天起生效：本月起按新组统计、由新组组长查看；此前月份仍按原组统计。组后可写原因。',
    '每次变动记入 #日志。',
  ],
  examples: ['#调整示范点 大连大学 第三组', '#调整示范点 日新街道 第一组 分片调整'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => {
    const at = a.tokens.findIndex((t) => parseGroup(t) !== null)
    return at < 0
      ? { site: a.tokens.join(''), group: null, word: a.tokens.at(-1) ?? '', reason: '' }
      : {
          site: a.tokens.slice(0, at).join(''),
          group: parseGroup(a.tokens[at]!),
          word: a.tokens[at]!,
          reason: a.tokens.slice(at + 1).join(' '),
        }
  }),
  async run(ctx, args) {
    const { deps, sender } = ctx
    if (args.group === null) {
      return [{ text: args.word ? REC.groupBad(args.word) : M.badArgs(undefined, REC.moveUsage, undefined) }]
    }
    const s = findSite(ctx, args.site, REC.moveUsage)
    if (!s.ok) return s.reply
    const { from, result } = await changeFromToday(deps, sender, {
      kind: 'move',
      orgId: s.site.id,
      group: args.group,
      reason: args.reason,
    })
    if (!result.ok) return [{ text: REC.rosterError(result.error) }]
    return [{ text: REC.moved(s.site, args.group, from) }]
  },
})
