import { rawArgs } from '../src/core/args.js'
import { audited } from './audit-support.js'
import { defineCommand, localKey } from '../src/core/types.js'
import { isAdmin } from '../src/domain/authority.js'
import { M, roleLabel } from '../src/messages/zh.js'

const MAX_FAILURES = 5
const LOCK_MS = 10 * 60_000

/** Wrong tries per contact (memory only for now). */
const FAILURES = localKey('admin-code-failures', () => new Map<string, { count: number; since: number }>())

/** #认证管理员: redeems the one-time code printed in the log at first start. */
export const adminAuth = defineCommand({
  name: '认证管理员',
  aliases: ['管理员认证'],
  usage: '#认证管理员 认证码',
  summary: '用启动日志中的一次性认证码成为管理员',
  details: ['认证码只能用一次，建议私聊机器人发送。'],
  examples: ['#认证管理员 ABCD-2345'],
  category: 'start',
  requires: [],
  args: rawArgs
    .refine((a) => a.tokens.length > 0, { message: M.adminMissing })
    .transform((a) => a.tokens.join('')),
  async run({ deps, sender }, code) {
    if (isAdmin(sender.roles)) return [{ text: M.adminAlready }]
    const failures = deps.local(FAILURES)
    const now = deps.clock()
    const f = failures.get(sender.id)
    if (f && f.count >= MAX_FAILURES && now.getTime() - f.since < LOCK_MS) return [{ text: M.adminLocked }]
    const result = await deps.repo.redeemAdminCode(code, sender.id, now)
    if (result === 'wrong') {
      const fresh = !f || now.getTime() - f.since >= LOCK_MS
      failures.set(sender.id, { count: fresh ? 1 : f.count + 1, since: fresh ? now.getTime() : f.since })
      deps.logger.warn('admin code rejected', { from: sender.id })
      return [{ text: M.adminWrong }]
    }
    failures.delete(sender.id)
    if (result === 'ok') {
      deps.logger.info('admin code redeemed', { by: sender.id })
      await audited(deps, sender, 'role.grant', sender.id, { role: roleLabel({ role: 'admin' }) })
    }
    return [{ text: result === 'ok' ? M.adminOk : result === 'used' ? M.adminUsed : M.adminNone }]
  },
})
