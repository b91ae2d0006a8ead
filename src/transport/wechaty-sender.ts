/**
 * Sends one outbox part through Wechaty: a text (with @-mentions in a room) or a file. Files go as
 * base64 FileBoxes: small buffer FileBoxes fail through the puppet-service path.
 */
import { FileBox } from 'file-box'
import type { Contact, Wechaty } from 'wechaty'
import type { Conversation } from '../core/types.js'
import type { OutgoingPart, SendFn } from './outbox.js'

export function wechatySender(bot: Wechaty): SendFn {
  return async (to: Conversation, part: OutgoingPart) => {
    if (to.kind === 'room') {
      const room = await bot.Room.find({ id: to.id })
      if (!room) throw new Error(`room ${to.id} not found`)
      if (part.kind === 'file') {
        await room.say(fileBoxOf(part.file))
        return
      }
      const contacts = (await Promise.all(part.mentionIds.map((id) => bot.Contact.find({ id })))).filter(
        (c): c is Contact => !!c,
      )
      await room.say(part.text, ...contacts)
    } else {
      const contact = await bot.Contact.find({ id: to.id })
      if (!contact) throw new Error(`contact ${to.id} not found`)
      await contact.say(part.kind === 'file' ? fileBoxOf(part.file) : part.text)
    }
  }
}

function fileBoxOf(file: { name: string; data: Buffer }): FileBox {
  return FileBox.fromBase64(file.data.toString('base64'), file.name)
}
