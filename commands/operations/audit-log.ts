/** #日志: admins read the audit trail, the newest first, or the entries of one site. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { selectEntries } from '../../src/domain/audit.js'
import { auditTarget, REC } from '../../src/messages/records.js'
import { recordsOf } from '../records/record-site.js'

export const auditLog = defineCommand({
  name: '日志',
  aliases: ['操作日志', '审计日志'],
  usage: REC.auditUsage,
  summary: '查看操作日志：名单、角色、撤回、设置、六有、项目、计划、评分等每一次改动',
  details: [
    '#日志 显示最近 10 条；#日志 30 显示最近 30 条；#日志 单位 显示与该示范点有关的记录。日志只增不改。',
  ],
  examples: ['#日志', '#日志 30', '#日志 日新街道'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  run(ctx, word) {
    const { deps } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const all = rec.value.audit.entries()
    const nameOf = (target: string) => {
      const org = deps.repo.roster().get(target)
      return auditTarget(target, org?.kind === 'site' ? org : undefined, deps.repo.member(target)?.name)
    }
    if (all.length === 0) return [{ text: REC.auditEmpty }]
    if (word === '' || /^\d+$/.test(word)) {
      const n = Math.min(Number(word || 10), 50)
      return [{ text: REC.auditLines(selectEntries(all, { n }), all.length, nameOf) }]
    }
    const site = ctx.site(word, { includeRetired: true })
    if (!site.ok) return site.reply
    return [
      { text: REC.auditLines(selectEntries(all, { target: site.value.id, n: 10 }), all.length, nameOf) },
    ]
  },
})
