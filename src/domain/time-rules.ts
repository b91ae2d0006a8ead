/**
 * The rules for times and days that admins and operators set: one definition each, used by the
 * configuration, the stores and the commands alike.
 */
import { z } from 'zod'

/** A time of day, 24-hour `HH:MM` (Asia/Shanghai). */
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
export const hhmmSchema = z.string().regex(HHMM)

/** `9:30`, `09：30` → `09:30`; null when it is no time of day. */
export function parseTimeOfDay(s: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(s.normalize('NFKC').trim())
  if (!m) return null
  const t = `${m[1]!.padStart(2, '0')}:${m[2]}`
  return HHMM.test(t) ? t : null
}

/** A day of the month that every month has: 1–28. */
export const MONTH_DAY_MIN = 1
export const MONTH_DAY_MAX = 28
export const monthDaySchema = z.number().int().min(MONTH_DAY_MIN).max(MONTH_DAY_MAX)

export function isMonthDay(n: number): boolean {
  return monthDaySchema.safeParse(n).success
}
