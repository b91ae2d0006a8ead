/** What admins are told when a reminder could not be delivered. */
import { monthLabel } from './format.js'
import type { Occurrence } from '../domain/reminders.js'
import { KIND_LABEL } from './reminders.js'

export const REMINDER_FAILED = {
  /** Privately to admins, once, when a reminder is given up. */
  givenUp: (o: Occurrence, attempts: number) =>
    `【提示】${monthLabel(o.month)}的“${KIND_LABEL[o.kind]}”发送失败（共尝试 ${attempts} 次），已过时限，不再发送。请检查机器人的微信连接；需要时请在群里手动提醒。`,
}
