import { builtinCommands, SHARE_CLAIMANTS } from '../../commands/index.js'
import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { createCore } from '../../src/core/handle.js'
import type { Incoming } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import { openRepository } from '../../storage/repository.js'
import { ROOM } from './core.js'

/** A core with the records wired into the repository, and people in every role. */
export async function makeRecordsCore(start = '2026-11-24T02:00:00Z') {
  let now = new Date(start)
  const repo = await openRepository(null, now)
  const core = createCore(
    {
      repo,
      clock: () => now,
      logger: memoryLogger(),
      directory: { roomMembers: async () => [] },
      calendar: holidayCalendar(repo.holidays),
    },
    builtinCommands(),
    SHARE_CLAIMANTS,
  )
  let n = 0
  const incoming = (senderId: string, text: string): Incoming => ({
    id: `m${++n}`,
    conversation: { kind: 'room', id: ROOM },
    senderId,
    senderName: `昵称${senderId}`,
    text,
    kind: 'text',
    mentionSelf: false,
    mentions: [],
    at: now,
  })
  const ask = async (senderId: string, text: string) =>
    (await core.handle(incoming(senderId, text))).map((r) => r.text).join('\n---\n')
  // 张三 of 日新街道 (S06, 第二组, 西岗区); 李四 of 大船 (S04, 第一组, 西岗区).
  await ask('zhang', '#注册 张三 日新街道')
  await ask('li', '#注册 李四 大船')
  await repo.grant('admin', { role: 'admin' }, 'test', now)
  await repo.grant('lead2', { role: 'leader', group: 2 }, 'test', now)
  await repo.grant('lead1', { role: 'leader', group: 1 }, 'test', now)
  await repo.grant('liaXG', { role: 'liaison', district: '西岗区' }, 'test', now)
  await repo.grant('liaZS', { role: 'liaison', district: '中山区' }, 'test', now)
  return { core, repo, ask, incoming, setNow: (d: string) => (now = new Date(d)) }
}
