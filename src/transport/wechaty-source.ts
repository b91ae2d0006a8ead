/** Wechaty's `Message` as the pipeline's source: the bound room and private chats, nothing else. */
import type { Message, Wechaty } from 'wechaty'
import type { RoomBinding } from './room-binding.js'
import type { MessageSource } from './source.js'
import { toIncoming } from './to-incoming.js'

export function wechatySource(bot: Wechaty, room: RoomBinding): MessageSource<Message> {
  return {
    envelope(m) {
      const from = m.room()
      const talker = m.talker()
      return {
        id: m.id,
        sentAt: m.date(),
        self: m.self(),
        conversation: from ? { kind: 'room', id: from.id } : { kind: 'private', id: talker.id },
        senderId: talker.id,
      }
    },
    async serves(m) {
      const from = m.room()
      return !from || (await room.admits(from))
    },
    toIncoming: (m) => toIncoming(m, bot.currentUser),
  }
}
