/** #提醒设置 lets admins pause, resume and retime reminders. */
import type { AuditNote } from '../../src/domain/audit.js'
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand, type Deps, type Reply } from '../../src/core/types.js'
import { isMonthDay, parseTimeOfDay } from '../../src/domain/time-rules.js'
import { REMINDER_KINDS, type ReminderKind } from '../../src/domain/reminders.js'
import { KIND_LABEL } from '../../src/messages/reminders.js'
import { KIND_WORDS, REMINDERS } from './sentences.js'
import { CORE } from '../../src/messages/core.js'
import { REMINDER_SETTING_WORDS as WORDS } from '../../src/domain/vocabulary.js'
import { auditNote } from '../operations/audited.js'

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
  usage: REMINDERS.settingsUsage,
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
      if (kind === undefined) return { op: 'error', text: REMINDERS.kindUnknown(x!) }
      return { op: op === WORDS.pause ? 'pause' : 'resume', kind }
    }
    if (op === WORDS.time) {
      const kind = kindOf(x)
      if (!kind)
        return {
          op: 'error',
          text: x
            ? REMINDERS.kindUnknown(x)
            : CORE.badArgs(
                REMINDERS.reminderTimeMissing,
                REMINDERS.settingsUsage,
                REMINDERS.reminderTimeExample,
              ),
        }
      const time = parseTimeOfDay(y ?? '')
      if (!time) return { op: 'error', text: REMINDERS.timeInvalid(y ?? '') }
      return { op: 'time', kind, time }
    }
    if (op === WORDS.midDay) {
      const day = Number(x)
      if (!isMonthDay(day)) return { op: 'error', text: REMINDERS.dayInvalid(x ?? '') }
      return { op: 'midDay', day }
    }
    return {
      op: 'error',
      text: CORE.badArgs(
        REMINDERS.reminderOpUnknown(op),
        REMINDERS.settingsUsage,
        REMINDERS.reminderWhatExample,
      ),
    }
  }),
  async run({ deps, sender, incoming }, change) {
    // The audit entry goes in the same write as the change.
    const note = auditNote(deps, sender, 'settings.change', 'reminders', {
      reminders: incoming.text.slice(0, 80),
    })
    return applyChange(deps, change, note)
  },
})

async function applyChange(deps: Deps, change: Change, note: AuditNote): Promise<Reply[]> {
  const store = deps.repo.reminders
  const defaults = deps.reminderDefaults
  switch (change.op) {
    case 'error':
      return [{ text: change.text }]
    case 'show':
      return [{ text: REMINDERS.reminderSettings(store.settings(defaults)) }]
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
      }, note)
      const what = change.kind === null ? REMINDERS.reminderAll : KIND_LABEL[change.kind]
      return [{ text: pause ? REMINDERS.paused(what) : REMINDERS.resumed(what) }]
    }
    case 'time':
      await store.change((o) => {
        o.times = { ...o.times, [change.kind]: change.time }
      }, note)
      return [{ text: REMINDERS.timeSet(change.kind, change.time) }]
    case 'midDay':
      await store.change((o) => {
        o.midDay = change.day
      }, note)
      return [{ text: REMINDERS.midDaySet(change.day) }]
  }
}
