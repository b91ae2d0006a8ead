import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { builtinCommands, SHARE_CLAIMANTS } from '../../commands/index.js'
import { createCore } from '../../src/core/handle.js'
import type { Incoming, RoomMember } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import { openRepository } from '../../storage/repository.js'

export const ROOM = 'coord@chatroom'

/** The core with an in-memory store and a fixed clock: most tests go through `handle()`. */
export async function makeCore(opts: { now?: Date; roomMembers?: RoomMember[] | null } = {}) {
  let now = opts.now ?? new Date('2026-11-24T02:00:00Z')
  const repo = await openRepository(null, now)
  const logger = memoryLogger()
  const members = opts.roomMembers === undefined ? [] : opts.roomMembers
  const core = createCore(
    {
      repo,
      clock: () => now,
      logger,
      directory: { roomMembers: async () => members },
      calendar: holidayCalendar(repo.holidays),
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
