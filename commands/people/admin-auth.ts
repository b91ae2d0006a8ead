import { rawArgs } from '../../src/core/args.js'
import { auditNote } from '../operations/audited.js'
import { defineCommand, type Deps, type Reply } from '../../src/core/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { missingYears } from '../../src/domain/holidays.js'
import { HOL } from '../../src/messages/holidays.js'
import { isAdmin } from '../../src/domain/authority.js'
import { roleLabel } from '../../src/messages/sites.js'
import { PEOPLE } from './sentences.js'

/** #认证管理员: redeems the one-time code printed in the log at first start. */
export const adminAuth = defineCommand({
  name: '认证管理员',
  aliases: ['管理员认证'],
  usage: '#认证管理员 认证码',
  summary: '用机器人首次启动时屏幕上显示的一次性认证码成为管理员',
  details: ['认证码只能用一次，建议私聊机器人发送。'],
  examples: ['#认证管理员 ABCD-2345'],
  category: 'start',
  requires: [],
  args: rawArgs
    .refine((a) => a.tokens.length > 0, { message: PEOPLE.adminMissing })
    .transform((a) => a.tokens.join('')),
  async run({ deps, sender }, code) {
    if (isAdmin(sender.roles)) return [{ text: PEOPLE.adminAlready }]
    // Wrong tries are kept in the store (lockout.json): a restart does not lift a lockout.
    const lockouts = deps.repo.lockouts
    const now = deps.clock()
    if (lockouts.isLocked(sender.id, now)) return [{ text: PEOPLE.adminLocked }]
    const note = auditNote(deps, sender, 'admin.redeem', sender.id, { role: roleLabel({ role: 'admin' }) })
    const result = await deps.repo.redeemAdminCode(code, sender.id, now, note)
    if (result === 'wrong') {
      await lockouts.fail(sender.id, now)
      deps.logger.warn('admin code rejected', { from: sender.id })
      return [{ text: PEOPLE.adminWrong }]
    }
    await lockouts.clear(sender.id)
    if (result === 'ok') deps.logger.info('admin code redeemed', { by: sender.id })
    const reply = {
      text: result === 'ok' ? PEOPLE.adminOk : result === 'used' ? PEOPLE.adminUsed : PEOPLE.adminNone,
    }
    return result === 'ok' ? [reply, ...(await holidayNotices(deps, sender.id, now))] : [reply]
  },
})

/**
 * The notice asking for the official holiday schedule, when it is already due: to the first admin
 * at once (the scheduler would wait for its next run), recorded so it is not sent twice.
 */
async function holidayNotices(deps: Deps, to: string, now: Date): Promise<Reply[]> {
  const out: Reply[] = []
  for (const y of missingYears(shanghaiDate(now), deps.calendar)) {
    const id = `holiday-data:${y}`
    const state = deps.repo.reminders.state(id)
    if (state !== undefined && state !== 'failed') continue
    await deps.repo.reminders.record(id, 'sent', now)
    out.push({ to: { kind: 'private', id: to }, text: HOL.missing(y) })
  }
  return out
}
