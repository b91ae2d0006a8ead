import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtinCommands } from '../../commands/index.js'
import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { createCore } from '../../src/core/handle.js'
import { memoryLogger } from '../../src/logger.js'
import { PEOPLE } from '../../commands/people/sentences.js'
import { openRepository } from '../../storage/repository.js'

/** The core on a store in `dir`, as a fresh process opens it. */
async function boot(dir: string, clock: () => Date) {
  const repo = await openRepository(dir, clock())
  const core = createCore(
    {
      repo,
      clock,
      logger: memoryLogger(),
      directory: { roomMembers: async () => [] },
      calendar: holidayCalendar(repo.holidays),
    },
    builtinCommands(),
  )
  let n = 0
  const say = async (text: string) => {
    const replies = await core.handle({
      id: `lock-${dir}-${++n}-${clock().getTime()}`,
      conversation: { kind: 'private', id: 'guesser' },
      senderId: 'guesser',
      senderName: '猜码人',
      text,
      kind: 'text',
      mentionSelf: false,
      mentions: [],
      at: clock(),
    })
    return replies.map((r) => r.text)
  }
  return { repo, say }
}

describe('the admin-code lockout survives a restart', () => {
  it('five wrong codes lock the contact out; a restart keeps the lock until ten minutes have passed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-lockout-'))
    let now = new Date('2026-11-24T02:00:00Z')
    const clock = () => now
    const first = await boot(dir, clock)
    await first.repo.ensureAdminCode('RIGHT-CODE-1', now)
    for (let i = 0; i < 5; i++) expect(await first.say('#认证管理员 WRONG-CODE')).toEqual([PEOPLE.adminWrong])
    expect(await first.say('#认证管理员 RIGHT-CODE-1')).toEqual([PEOPLE.adminLocked])

    // A new process on the same folder: still locked, even with the right code.
    now = new Date('2026-11-24T02:05:00Z')
    const second = await boot(dir, clock)
    expect(await second.say('#认证管理员 RIGHT-CODE-1')).toEqual([PEOPLE.adminLocked])
    expect(second.repo.roles('guesser')).toEqual([])

    // Ten minutes after the first wrong try the lock is over, across another restart.
    now = new Date('2026-11-24T02:10:01Z')
    const third = await boot(dir, clock)
    expect(await third.say('#认证管理员 RIGHT-CODE-1')).toEqual([PEOPLE.adminOk])
    expect(third.repo.roles('guesser').map((g) => g.role)).toEqual(['admin'])
    // The log says what happened: the code was redeemed, not that someone appointed an admin.
    expect(third.repo.audit.entries().map((e) => e.action)).toEqual(['admin.redeem'])
    expect((await third.say('#日志')).join('\n')).toMatch(/认证管理员/)
  })
})
