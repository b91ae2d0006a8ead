/** #提醒设置 lets admins pause, resume and retime reminders. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand, type Deps, type Reply } from '../../src/core/types.js'
import { isMonthDay, parseTimeOfDay } from '../../src/domain/time-rules.js'
import { REMINDER_KINDS, type ReminderKind } from '../../src/domain/reminders.js'
import { KIND_LABEL, KIND_WORDS, REM } from '../../src/messages/reminders.js'
import { REMINDER_SETTING_WORDS as WORDS } from '../../src/domain/vocabulary.js'
import { W } from '../../src/messages/first-week.js'
import { M } from '../../src/messages/zh.js'
import { audited } from '../operations/audited.js'

type Change =
  | { op: 'pause' | 'resume'; kind: ReminderKind | null }
  | { op: 'time'; kind: ReminderKind; time: string }
  | { op: 'midDay'; day: number }
  | { op: 'show' }
  | { op: 'error'; text: string }

const kindOf = (word: string | undefined): ReminderKind | null | undefined =>
  word === undefined ? null : (KIND_WORDS[word] ?? undefined)

export const reminderSettings = defineCommand({
  name: '提醒设置',
  aliases: [],
  usage: REM.settingsUsage,
  summary: '查看提醒设置；暂停、恢复提醒，或修改提醒时间',
  details: [
    '只发 #提醒设置 查看当前设置。种类：月中、截止前、最后、通报、预警。修改后立即生效，重启后保留。',
  ],
  examples: [
    '#提醒设置',
    '#提醒设置 暂停',
    '#提醒设置 恢复',
    '#提醒设置 暂停 月中',
    '#提醒设置 时间 最后 15:30',
    '#提醒设置 月中日 18',
  ],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a): Change => {
    const [op, x, y] = a.tokens
    if (op === undefined) return { op: 'show' }
    if (op === WORDS.pause || op === WORDS.resume) {
      const kind = kindOf(x)
      if (kind === undefined) return { op: 'error', text: REM.kindUnknown(x!) }
      return { op: op === WORDS.pause ? 'pause' : 'resume', kind }
    }
    if (op === WORDS.time) {
      const kind = kindOf(x)
      if (!kind)
        return {
          op: 'error',
          text: x
            ? REM.kindUnknown(x)
            : M.badArgs(W.reminderTimeMissing, REM.settingsUsage, W.reminderTimeExample),
        }
      const time = parseTimeOfDay(y ?? '')
      if (!time) return { op: 'error', text: REM.timeInvalid(y ?? '') }
      return { op: 'time', kind, time }
    }
    if (op === WORDS.midDay) {
      const day = Number(x)
      if (!isMonthDay(day)) return { op: 'error', text: REM.dayInvalid(x ?? '') }
      return { op: 'midDay', day }
    }
    return {
      op: 'error',
      text: M.badArgs(W.reminderOpUnknown(op), REM.settingsUsage, W.reminderWhatExample),
    }
  }),
  async run({ deps, sender, incoming }, change) {
    const replies = await applyChange(deps, change)
    if (change.op !== 'error' && change.op !== 'show') {
      await audited(deps, sender, 'settings.change', 'reminders', { reminders: incoming.text.slice(0, 80) })
    }
    return replies
  },
})

async function applyChange(deps: Deps, change: Change): Promise<Reply[]> {
  const store = deps.repo.reminders
  const defaults = deps.reminderDefaults
  switch (change.op) {
    case 'error':
      return [{ text: change.text }]
    case 'show':
      return [{ text: W.reminderSettings(store.settings(defaults)) }]
    case 'pause':
    case 'resume': {
      const pause = change.op === 'pause'
      await store.change((o) => {
        if (change.kind === null) o.paused = pause
        else {
          const off = new Set(o.off ?? defaults.off)
          if (pause) off.add(change.kind)
          else off.delete(change.kind)
          o.off = REMINDER_KINDS.filter((k) => off.has(k))
        }
      })
      const what = change.kind === null ? W.reminderAll : KIND_LABEL[change.kind]
      return [{ text: pause ? REM.paused(what) : REM.resumed(what) }]
    }
    case 'time':
      await store.change((o) => {
        o.times = { ...o.times, [change.kind]: change.time }
      })
      return [{ text: REM.timeSet(change.kind, change.time) }]
    case 'midDay':
      await store.change((o) => {
        o.midDay = change.day
      })
      return [{ text: REM.midDaySet(change.day) }]
  }
}
