/**
 * Sends one outbox part through Wechaty: a text (with @-mentions in a room) or a file. Files go as
 * base64 FileBoxes: small buffer FileBoxes fail through the puppet-service path.
 *
 * A room text with mentions is written as `Room.say(text, ...contacts)` writes it (`@name` of each
 * mentioned person, joined by U+2005, a space, then the text) and handed to the puppet directly:
 * `Room.say` looks up every contact and its room alias one by one (a round trip to the puppet
 * service each) and fetches the sent message back. The names are kept for a while per room and
 * person, and the ones not known are looked up a few at a time, in parallel.
 */
import { FileBox } from 'file-box'
import type { Wechaty } from 'wechaty'
import type { Conversation } from '../core/types.js'
import type { OutgoingPart, SendFn } from './outbox.js'

/** What Wechaty puts between two @-mentions (FOUR-PER-EM SPACE). */
export const AT_SEPARATOR = '\u2005'

export interface SenderOptions {
  /** How long a looked-up name is used before it is looked up again (default 10 minutes). */
  nameTtlMs?: number
  /** Look-ups in flight at once (default 16). */
  parallel?: number
  now?: () => number
}

/** What the sender needs of the puppet: the calls `Room.say` would make, minus the per-contact objects. */
export interface MentionPuppet {
  roomMemberPayload(roomId: string, memberId: string): Promise<{ name?: string; roomAlias?: string }>
  contactPayload(id: string): Promise<{ name?: string }>
  messageSendText(conversationId: string, text: string, mentionIdList?: string[]): Promise<unknown>
}

/**
 * The @-name of each mentioned person as the room shows it (room alias, else their WeChat name),
 * cached per room and person for `ttlMs`.
 */
export class MentionNames {
  /** Null: not found (left the room, unknown), kept as long, so it costs no round trip each time. */
  private readonly cache = new Map<string, { name: string | null; at: number }>()
  constructor(
    private readonly puppet: Pick<MentionPuppet, 'roomMemberPayload' | 'contactPayload'>,
    private readonly opts: { ttlMs: number; parallel: number; now: () => number },
  ) {}

  async names(roomId: string, ids: readonly string[]): Promise<(string | null)[]> {
    const now = this.opts.now()
    const out: (string | null | undefined)[] = ids.map((id) => {
      const hit = this.cache.get(`${roomId}\n${id}`)
      return hit && now - hit.at < this.opts.ttlMs ? hit.name : undefined
    })
    const missing = [...new Set(ids.filter((_, i) => out[i] === undefined))]
    const found = new Map<string, string | null>()
    let next = 0
    const worker = async () => {
      while (next < missing.length) {
        const id = missing[next++]!
        found.set(id, await this.lookup(roomId, id))
      }
    }
    await Promise.all(Array.from({ length: Math.min(this.opts.parallel, missing.length) }, worker))
    return ids.map((id, i) => (out[i] === undefined ? (found.get(id) ?? null) : out[i]))
  }

  private async lookup(roomId: string, id: string): Promise<string | null> {
    const member = await this.puppet.roomMemberPayload(roomId, id).catch(() => undefined)
    const name =
      member?.roomAlias ||
      member?.name ||
      (await this.puppet.contactPayload(id).then(
        (c) => c.name,
        () => undefined,
      ))
    this.cache.set(`${roomId}\n${id}`, { name: name || null, at: this.opts.now() })
    return name || null
  }
}

/** `@a␣@b text`, as `Room.say(text, a, b)` writes it; people without a name are left out. */
export function mentionText(text: string, names: readonly (string | null)[]): string {
  const ats = names.filter((n): n is string => !!n).map((n) => `@${n}`)
  return ats.length === 0 ? text : `${ats.join(AT_SEPARATOR)} ${text}`
}

/** The send function, and a way to fetch the @-names of a room's members ahead of the first mention. */
export type WechatySender = SendFn & { prefetch(roomId: string, ids: readonly string[]): Promise<void> }

export function wechatySender(bot: Wechaty, opts: SenderOptions = {}): WechatySender {
  // The puppet exists only once the bot has started: reach it at each call.
  const puppet: MentionPuppet = {
    roomMemberPayload: (roomId, id) => bot.puppet.roomMemberPayload(roomId, id),
    contactPayload: (id) => bot.puppet.contactPayload(id),
    messageSendText: (id, text, mentions) => bot.puppet.messageSendText(id, text, mentions),
  }
  const names = new MentionNames(puppet, {
    ttlMs: opts.nameTtlMs ?? 10 * 60_000,
    parallel: opts.parallel ?? 16,
    now: opts.now ?? Date.now,
  })
  const send = async (to: Conversation, part: OutgoingPart) => {
    if (to.kind === 'room') {
      if (part.kind === 'text' && part.mentionIds.length > 0) {
        const found = await names.names(to.id, part.mentionIds)
        const ids = part.mentionIds.filter((_, i) => found[i] !== null)
        await puppet.messageSendText(to.id, mentionText(part.text, found), ids)
        return
      }
      const room = await bot.Room.find({ id: to.id })
      if (!room) throw new Error(`room ${to.id} not found`)
      await room.say(part.kind === 'file' ? fileBoxOf(part.file) : part.text)
    } else {
      const contact = await bot.Contact.find({ id: to.id })
      if (!contact) throw new Error(`contact ${to.id} not found`)
      await contact.say(part.kind === 'file' ? fileBoxOf(part.file) : part.text)
    }
  }
  const prefetch = async (roomId: string, ids: readonly string[]) => void (await names.names(roomId, ids))
  return Object.assign(send, { prefetch })
}

function fileBoxOf(file: { name: string; data: Buffer }): FileBox {
  return FileBox.fromBase64(file.data.toString('base64'), file.name)
}
