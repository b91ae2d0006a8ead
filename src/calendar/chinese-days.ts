/**
 * The `chinese-days` library (bundled, offline) as a holiday calendar, and the calendar the bot
 * plans with: the library with admin-entered years on top. The library covers the years up to
 * the current one; the next year's schedule is published around November.
 */
import chineseDays from 'chinese-days'
import type { HolidaysPort } from '../core/holiday-port.js'
import {
  isWeekday,
  isWorkdayIn,
  layeredCalendar,
  type HolidayCalendar,
  type HolidayYear,
} from '../domain/holidays.js'
import { statutoryYear, type MovableDates } from '../domain/statutory.js'

const days = chineseDays as unknown as {
  isWorkday(date: string): boolean
  getHolidaysInRange(start: string, end: string, includeWeekends?: boolean): string[]
  getSolarDateFromLunar(lunar: string): { date: string }
  getSolarTerms(start: string, end: string): { date: string; term: string }[]
}

/** The lunar and solar-term dates of a year, computed offline by chinese-days (any year 1900–2100). */
export function movableDates(year: number): MovableDates {
  const lunar = (md: string) => days.getSolarDateFromLunar(`${year}-${md}`).date
  const qingming = days
    .getSolarTerms(`${year}-04-01`, `${year}-04-10`)
    .find((t) => t.term === 'pure_brightness')
  return {
    springFestival: lunar('01-01'),
    qingming: qingming?.date ?? `${year}-04-05`,
    dragonBoat: lunar('05-05'),
    midAutumn: lunar('08-15'),
  }
}

const computed = new Map<number, HolidayYear>()
/** The statutory holidays of a year by rule (no 调休). */
export function statutoryOf(year: number): HolidayYear {
  let y = computed.get(year)
  if (!y) {
    y = statutoryYear(year, movableDates(year))
    computed.set(year, y)
  }
  return y
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

/**
 * chinese-days; for the years it lacks (it would silently say Monday–Friday), the statutory
 * holidays computed by rule, without 调休 (those wait for the official schedule, #节假日).
 */
export const chineseDaysCalendar: HolidayCalendar = {
  isWorkday(date) {
    const year = Number(date.slice(0, 4))
    if (hasData(year)) return days.isWorkday(date)
    return year >= 1901 && year <= 2099 ? isWorkdayIn(statutoryOf(year), date) : isWeekday(date)
  },
  hasData,
  statutory: (year) => (hasData(year) || year < 1901 || year > 2099 ? null : statutoryOf(year)),
}

/** The calendar the bot plans with: `library` (chinese-days) with the admins' years on top. */
export function holidayCalendar(
  entered: Pick<HolidaysPort, 'year'>,
  library: HolidayCalendar = chineseDaysCalendar,
): HolidayCalendar {
  return layeredCalendar(library, (year) => entered.year(year))
}
