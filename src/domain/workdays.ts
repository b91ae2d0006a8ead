/**
 * Workdays of a month by a holiday calendar (an injected port, see `holidays.ts`).
 */
import type { Month } from './calendar.js'
import type { HolidayCalendar } from './holidays.js'

/** The days of a month, 'YYYY-MM-DD'. */
export function daysOf(month: Month): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

export function workdaysOf(month: Month, calendar: HolidayCalendar): string[] {
  return daysOf(month).filter((d) => calendar.isWorkday(d))
}

/** The day itself when it is a workday, else the closest workday before it in the same month (or the first after). */
export function onOrBeforeWorkday(date: string, calendar: HolidayCalendar): string {
  const month = date.slice(0, 7)
  const list = workdaysOf(month, calendar)
  const before = list.filter((d) => d <= date)
  return before.at(-1) ?? list[0] ?? date
}
