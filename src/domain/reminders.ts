/**
 * The reminder plan: for a month, which reminders fall due when. Pure: workdays from the injected
 * holiday calendar, times in Asia/Shanghai.
 */
import { addMonths, lateDeadline, monthOf, shanghaiDayStart, type Month } from './calendar.js'
import type { HolidayCalendar } from './holidays.js'
import { daysOf, onOrBeforeWorkday, workdaysOf } from './workdays.js'

export type ReminderKind = 'mid' | 'pre' | 'final' | 'close' | 'warn'
export const REMINDER_KINDS: ReminderKind[] = ['mid', 'pre', 'final', 'close', 'warn']

export interface ReminderSettings {
  paused: boolean
  /** Kinds switched off one by one. */
  off: ReminderKind[]
  /** HH:MM, Asia/Shanghai. */
  times: Record<ReminderKind, string>
  /** Day of the month of the mid-month progress (moved to the workday before when it is not one). */
  midDay: number
  /** The pre-deadline reminder goes out on the N-th workday from the end. */
  preWorkdays: number
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  paused: false,
  off: [],
  times: { mid: '09:30', pre: '09:30', final: '16:00', close: '09:30', warn: '10:00' },
  midDay: 20,
  preWorkdays: 3,
}

/** What admins changed with #提醒设置; the rest comes from the configuration. */
export type SettingsOverride = Partial<Omit<ReminderSettings, 'times'>> & {
  times?: Partial<ReminderSettings['times']>
}

/** What became of an occurrence: sent, or why not. */
export type OccurrenceState =
  | 'sending'
  /** The outbox reported a failure: retried on later checks until the occurrence expires, then dropped. */
  | 'failed'
  | 'sent'
  | 'skipped'
  | 'dropped'
  | 'superseded'
  | 'paused'

export interface Occurrence {
  /** Unique and stable: `mid:2026-11`, `close:2026-11` (sent in December), `warn:2026-12`. */
  id: string
  kind: ReminderKind
  /** The month the reminder is about. */
  month: Month
  /** 'YYYY-MM-DD' in Asia/Shanghai. */
  date: string
  time: string
  dueAt: Date
  /** After this it no longer makes sense (its deadline passed): it is dropped, not sent late. */
  expiresAt: Date
  /** Reminders of one chain (mid → pre → final of a month): after an outage only the latest is sent. */
  chain: string
}

function at(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  return new Date(shanghaiDayStart(y, m, d).getTime() + (hh * 60 + mm) * 60_000)
}

const startOfMonth = (month: Month) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return shanghaiDayStart(y, m, 1)
}

/**
 * Every reminder whose send day lies in `month`: the month's own mid, pre and final reminders,
 * the closing tally of the month before, and the early warning.
 */
export function planMonth(
  month: Month,
  s: ReminderSettings,
  lateDays: number,
  calendar: HolidayCalendar,
): Occurrence[] {
  const work = workdaysOf(month, calendar)
  const endOfMonth = startOfMonth(addMonths(month, 1))
  const out: Occurrence[] = []
  const push = (
    kind: ReminderKind,
    about: Month,
    date: string | undefined,
    expiresAt: Date,
    chain: string,
  ) => {
    if (!date) return
    out.push({
      id: `${kind}:${about}`,
      kind,
      month: about,
      date,
      time: s.times[kind],
      dueAt: at(date, s.times[kind]),
      expiresAt,
      chain,
    })
  }
  const midDay = Math.min(s.midDay, daysOf(month).length)
  push(
    'mid',
    month,
    onOrBeforeWorkday(`${month}-${String(midDay).padStart(2, '0')}`, calendar),
    endOfMonth,
    `due:${month}`,
  )
  push('pre', month, work[work.length - s.preWorkdays], endOfMonth, `due:${month}`)
  push('final', month, work.at(-1), endOfMonth, `due:${month}`)
  const prev = addMonths(month, -1)
  // The closing tally still makes sense after the 补报 window (October: it closes during the holiday).
  push('close', prev, work[0], endOfMonth, `close:${prev}`)
  // The warning looks at the two months closed for good: it waits for the 补报 window to end.
  const afterLate = work.find((d) => at(d, s.times.warn) >= lateDeadline(prev, lateDays))
  push('warn', month, afterLate, endOfMonth, `warn:${month}`)
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
}

/** The next reminders from `now`, in order (for #提醒); `decided` tells occurrences already sent or skipped. */
export function upcoming(
  s: ReminderSettings,
  lateDays: number,
  now: Date,
  decided: (id: string) => boolean,
  calendar: HolidayCalendar,
  count = 5,
): Occurrence[] {
  const month = monthOf(now)
  return [month, addMonths(month, 1), addMonths(month, 2)]
    .flatMap((m) => planMonth(m, s, lateDays, calendar))
    .filter((o) => o.dueAt > now && !s.off.includes(o.kind) && !decided(o.id))
    .slice(0, count)
}
