/**
 * The `chinese-days` library (bundled, offline) as a holiday calendar, and the calendar the bot
 * plans with: the library with admin-entered years on top. The library covers the years up to
 * the current one; the next year's schedule is published around November.
 */
import chineseDays from 'chinese-days'
import type { HolidaysPort } from '../core/holiday-port.js'
import { isWeekday, layeredCalendar, type HolidayCalendar } from '../domain/holidays.js'

const days = chineseDays as unknown as {
  isWorkday(date: string): boolean
  getHolidaysInRange(start: string, end: string, includeWeekends?: boolean): string[]
}

const dataYears = new Map<number, boolean>()

function hasData(year: number): boolean {
  let known = dataYears.get(year)
  if (known === undefined) {
    known = days.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    dataYears.set(year, known)
  }
  return known
}

/** chinese-days; Monday–Friday for the years it lacks (it would silently say the same). */
export const chineseDaysCalendar: HolidayCalendar = {
  isWorkday: (date) => (hasData(Number(date.slice(0, 4))) ? days.isWorkday(date) : isWeekday(date)),
  hasData,
}

/** The calendar the bot plans with: `library` (chinese-days) with the admins' years on top. */
export function holidayCalendar(
  entered: Pick<HolidaysPort, 'year'>,
  library: HolidayCalendar = chineseDaysCalendar,
): HolidayCalendar {
  return layeredCalendar(library, (year) => entered.year(year))
}
