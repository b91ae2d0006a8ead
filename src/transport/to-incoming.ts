import type { Message, Room, Contact } from 'wechaty'
import { types } from 'wechaty'
import type { Incoming, Share } from '../core/types.js'

const KIND: Partial<Record<number, Incoming['kind']>> = {
  [types.Message.Text]: 'text',
  [types.Message.Url]: 'url',
  [types.Message.Attachment]: 'file',
  [types.Message.Image]: 'image',
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Takes the bot's own @-mention out of the text, whichever name the sender's client used. */
async function stripSelfMention(text: string, room: Room, self: Contact): Promise<string> {
  const names = new Set<string>([self.name()])
  const alias = await room.alias(self).catch(() => undefined)
  if (alias) names.add(alias)
  let out = text
  for (const n of names) {
    if (n) out = out.replace(new RegExp(`@${escapeRegExp(n)}(\\u2005|\\s|$)`, 'g'), ' ')
  }
  return out.trim()
}

/** Turns a Wechaty message into the plain `Incoming` the core works on. */
export async function toIncoming(message: Message, self: Contact): Promise<Incoming> {
  const room = message.room()
  const talker = message.talker()
  let text = message.text()
  let mentionSelf = false
  let mentions: { id: string; name: string }[] = []
  if (room) {
    const list = await message.mentionList().catch(() => [] as Contact[])
    mentionSelf = list.some((c) => c.id === self.id)
    mentions = list.filter((c) => c.id !== self.id).map((c) => ({ id: c.id, name: c.name() }))
    if (mentionSelf) text = await stripSelfMention(text, room, self)
  }
  const kind = KIND[message.type()] ?? 'other'
  return {
    id: message.id,
    conversation: room ? { kind: 'room', id: room.id } : { kind: 'private', id: talker.id },
    senderId: talker.id,
    senderName: talker.name(),
    text,
    kind,
    mentionSelf,
    mentions,
    at: message.date(),
    share: await shareOf(message, kind),
  }
}

/**
 * What a shared article carries; a file or image is fetched only when the core asks for it.
 * A puppet that cannot read the share gives none: the message is then ignored like chatter.
 */
async function shareOf(message: Message, kind: Incoming['kind']): Promise<Share | undefined> {
  try {
    return await readShare(message, kind)
  } catch {
    return undefined
  }
}

async function readShare(message: Message, kind: Incoming['kind']): Promise<Share | undefined> {
  if (kind === 'url') {
    const link = await message.toUrlLink()
    return {
      kind: 'url',
      link: { title: link.title(), url: link.url(), description: link.description() ?? '' },
    }
  }
  if (kind === 'file' || kind === 'image') {
    const box = await message.toFileBox()
    return { kind, name: box.name, load: () => box.toBuffer() }
  }
  return undefined
}
