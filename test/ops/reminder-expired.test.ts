/** A reminder that expired unsent reaches the operators (the scheduler's onExpired → the alert). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Occurrence } from '../../src/domain/reminders.js'
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders.js'
import { memoryLogger } from '../../src/logger.js'
import { ReminderScheduler } from '../../src/scheduler/reminders.js'
import { openRepository } from '../../storage/repository.js'

/** Beijing 'MM-DD HH:MM' in 2026 as a Date. */
const at = (md: string) => {
  const [, mo, d, h, mi] = /^(\d\d)-(\d\d) (\d\d):(\d\d)$/.exec(md)!.map(Number)
  return new Date(Date.UTC(2026, mo! - 1, d!, h! - 8, mi!))
}

async function setup(start: string) {
  vi.setSystemTime(at(start))
  const repo = await openRepository(null, new Date())
  await repo.bindRoom('coord@chatroom', '大连市工青妇基层组织协同创新发展', new Date())
  await repo.register('u-boss', { name: '王强', orgId: 'O31', line: '工会', wechatName: '王' }, new Date())
  await repo.grant('u-boss', { role: 'admin' }, 'test', new Date())
  const expired: Occurrence[] = []
  const scheduler = new ReminderScheduler({
    repo,
    clock: () => new Date(),
    logger: memoryLogger(),
    defaults: DEFAULT_REMINDER_SETTINGS,
    lateDays: 5,
    send: async () => ({ ok: true }),
    onExpired: (o) => expired.push(o),
  })
  return { scheduler, expired }
}

describe('reminders that expire unsent', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('are told when the bot was away past their deadline', async () => {
    const { scheduler, expired } = await setup('11-29 12:00')
    vi.setSystemTime(at('12-01 08:00'))
    await scheduler.start()
    await scheduler.idle()
    scheduler.stop()
    expect(expired.map((o) => o.id)).toContain('final:2026-11')
  })

  it('are not told on a first start, for reminders older than the bot', async () => {
    const { scheduler, expired } = await setup('12-01 08:00')
    await scheduler.start()
    await scheduler.idle()
    scheduler.stop()
    expect(expired).toEqual([])
  })
})
