import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { builtinCommands, SHARE_CLAIMANTS } from '../../commands/index.js'
import { createCore } from '../../src/core/handle.js'
import type { Incoming, RoomMember } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import type { VerifyCodePort } from '../../src/core/verify-code-port.js'
import { openRepository } from '../../storage/repository.js'

export const ROOM = 'coord@chatroom'

/** The core with an in-memory store (or `dataDir`) and a fixed clock: most tests go through `handle()`. */
export async function makeCore(
  opts: {
    now?: Date
    roomMembers?: RoomMember[] | null
    verifyCode?: VerifyCodePort
    /** A data folder on disk instead of memory (tests of what survives a restart). */
    dataDir?: string
  } = {},
) {
  let now = opts.now ?? new Date('2026-11-24T02:00:00Z')
  const repo = await openRepository(opts.dataDir ?? null, now)
  const logger = memoryLogger()
  const members = opts.roomMembers === undefined ? [] : opts.roomMembers
  const core = createCore(
    {
      repo,
      clock: () => now,
      logger,
      directory: { roomMembers: async () => members },
      calendar: holidayCalendar(repo.holidays),
      ...(opts.verifyCode ? { verifyCode: opts.verifyCode } : {}),
    },
    builtinCommands(),
    SHARE_CLAIMANTS,
  )
  /** Moves the fixed clock (messages sent after this carry the new time). */
  const setNow = (d: Date | string) => {
    now = new Date(d)
  }
  let n = 0
  const incoming = (senderId: string, text: string, extra: Partial<Incoming> = {}): Incoming => ({
    id: `m${++n}`,
    conversation: { kind: 'room', id: ROOM },
    senderId,
    senderName: `微信昵称${senderId}`,
    text,
    kind: 'text',
    mentionSelf: false,
    mentions: [],
    at: now,
    ...extra,
  })
  /** Sends a message and returns the texts of the replies. */
  const say = async (senderId: string, text: string, extra: Partial<Incoming> = {}) =>
    (await core.handle(incoming(senderId, text, extra))).map((r) => r.text)
  /** The one reply to a message. */
  const ask = async (senderId: string, text: string, extra: Partial<Incoming> = {}) => {
    const out = await say(senderId, text, extra)
    if (out.length !== 1) throw new Error(`expected one reply to ${text}, got ${out.length}`)
    return out[0]!
  }
  return { core, repo, logger, incoming, say, ask, setNow, now: () => now }
}

/**
 * The same world with people in every role: 张三 of 日新街道 (S06, 第二组, 西岗区), 李四 of 大船
 * (S04, 第一组, 西岗区), an admin, the leaders of 第一组 and 第二组, the liaisons of 西岗区 and 中山区.
 * Its `ask` returns every reply, joined by `---`.
 */
export async function makeRecordsCore(start = '2026-11-24T02:00:00Z') {
  const t = await makeCore({ now: new Date(start) })
  const ask = async (senderId: string, text: string) => (await t.say(senderId, text)).join('\n---\n')
  await ask('zhang', '#注册 张三 日新街道')
  await ask('li', '#注册 李四 大船')
  const now = t.now()
  await t.repo.grant('admin', { role: 'admin' }, 'test', now)
  await t.repo.grant('lead2', { role: 'leader', group: 2 }, 'test', now)
  await t.repo.grant('lead1', { role: 'leader', group: 1 }, 'test', now)
  await t.repo.grant('liaXG', { role: 'liaison', district: '西岗区' }, 'test', now)
  await t.repo.grant('liaZS', { role: 'liaison', district: '中山区' }, 'test', now)
  return { core: t.core, repo: t.repo, ask, incoming: t.incoming, setNow: (d: string) => t.setNow(d) }
}
