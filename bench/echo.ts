/** The floor: a minimal Wechaty plugin that answers each room message with its own text. */
import type { Message, Wechaty, WechatyPlugin } from 'wechaty'

export function EchoBot(): WechatyPlugin {
  return (bot: Wechaty) => {
    bot.on('message', (m: Message) => {
      if (m.self()) return
      const room = m.room()
      if (room) void room.say(m.text()).catch(() => undefined)
    })
  }
}
