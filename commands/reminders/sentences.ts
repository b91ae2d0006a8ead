/** What the reminder commands say: #提醒, #提醒设置 and #周报, and the words admins type for them. */
import type { ReminderKind, ReminderSettings, Occurrence } from '../../src/domain/reminders.js'
import { REMINDER_KINDS } from '../../src/domain/reminders.js'
import { quote } from '../../src/messages/quote.js'
import type { Month } from '../../src/domain/calendar.js'
import { monthLabel } from '../../src/messages/format.js'
import { aboutMonths, dayLabel, KIND_LABEL } from '../../src/messages/reminders.js'

/** The words admins type for each kind. */
export const KIND_WORDS: Record<string, ReminderKind> = {
  月中: 'mid',
  月中进度: 'mid',
  截止前: 'pre',
  截止前提醒: 'pre',
  最后: 'final',
  最后一天: 'final',
  最后一天提醒: 'final',
  通报: 'close',
  月度通报: 'close',
  预警: 'warn',
  连续未报预警: 'warn',
}

/** Words people type after #周报. */
export const WEEKLY_WORDS: Readonly<Record<string, 'on' | 'off'>> = {
  开启: 'on',
  打开: 'on',
  开: 'on',
  恢复: 'on',
  关闭: 'off',
  关: 'off',
  停止: 'off',
  暂停: 'off',
}

export const REMINDERS = {
  // #提醒
  upcoming(list: Occurrence[], s: ReminderSettings): string {
    const head = s.paused ? '提醒已暂停（管理员发送“#提醒设置 恢复”可恢复）。原定：' : '接下来的提醒：'
    const lines = [
      head,
      ...list.map((o) => `${dayLabel(o.date)} ${o.time} ${KIND_LABEL[o.kind]}（${aboutMonths(o)}）`),
    ]
    if (s.off.length > 0) lines.push(`已关闭：${s.off.map((k) => KIND_LABEL[k]).join('、')}`)
    return lines.join('\n')
  },
  upcomingNone: '近期没有要发送的提醒。',
  /** #截止 and “这个月截止到哪天”. */
  deadline: (month: Month, last: string, prev: Month, lateUntil: string | null) =>
    `${monthLabel(month)}创建信息截至 ${dayLabel(last)}，即本月最后一个工作日。` +
    (lateUntil
      ? `${monthLabel(prev)}的补报截至 ${dayLabel(lateUntil)}，发送：#补报 ${monthLabel(prev)} 正文`
      : `${monthLabel(prev)}的补报已截止。`),

  // #提醒设置
  /** #提醒设置 alone: the settings in force and how to change them. */
  reminderSettings(s: ReminderSettings): string {
    const on = (k: ReminderKind) => !s.paused && !s.off.includes(k)
    const lines = [
      s.paused ? '提醒设置（全部提醒已暂停）：' : '提醒设置：',
      ...REMINDER_KINDS.map(
        (k) =>
          `${KIND_LABEL[k]} ${k === 'mid' ? `每月 ${s.midDay} 日 ` : ''}${s.times[k]}${on(k) ? '' : '（已关闭）'}`,
      ),
      '修改：',
      s.paused ? '#提醒设置 恢复 — 恢复全部提醒' : '#提醒设置 暂停 [种类] — 暂停全部或一种提醒',
      '#提醒设置 恢复 种类 — 恢复一种提醒',
      '#提醒设置 时间 最后 15:30 — 改发送时间',
      '#提醒设置 月中日 18 — 改月中进度的日期',
      '种类：月中、截止前、最后、通报、预警',
    ]
    return lines.join('\n')
  },
  settingsUsage: '#提醒设置 暂停|恢复 [种类] | 时间 种类 15:30 | 月中日 18',
  reminderOpUnknown: (word: string) =>
    `没有“${quote(word)}”这项设置。可写暂停、恢复、时间或月中日；只发 #提醒设置 查看当前设置。`,
  reminderWhatExample: '#提醒设置 暂停',
  reminderTimeMissing: '请写明提醒种类和时间。',
  reminderTimeExample: '#提醒设置 时间 最后 15:30',
  reminderAll: '全部提醒',
  kindUnknown: (word: string) => `没有“${quote(word)}”这种提醒。可写：月中、截止前、最后、通报、预警。`,
  timeInvalid: (word: string) => `“${quote(word)}”不是有效的时间，请写成 09:30 这样的格式。`,
  dayInvalid: (word: string) => `“${quote(word)}”不是有效的日期，请写 1–28 之间的数字。`,
  paused: (what: string) => `已暂停${what}。发送“#提醒设置 恢复”可恢复。`,
  resumed: (what: string) => `已恢复${what}。`,
  timeSet: (kind: ReminderKind, time: string) => `${KIND_LABEL[kind]}改为 ${time} 发送。`,
  midDaySet: (day: number) => `月中进度改为每月 ${day} 日发送（逢节假日提前到前一个工作日）。`,
}

export const WEEKLY = {
  usage: '#周报 [关闭|开启]',
  bad: (w: string) => `“${quote(w)}”看不懂。发送 #周报 查看本周周报，#周报 关闭 或 #周报 开启 切换每周私信。`,
  off: '已关闭每周周报私信。发送 #周报 开启 可恢复；随时发送 #周报 可查看。',
  on: '已开启每周周报私信：每周第一个工作日上午发送（逢节假日顺延）。',
  alreadyOff: '每周周报私信本来就是关闭的。',
  alreadyOn: '每周周报私信本来就是开启的。',
}
