/**
 * Chinese workdays: official holidays and 调休 make-up workdays from `chinese-days` (bundled,
 * offline). Where a year is missing from its data it falls back to Monday–Friday, so
 * `hasHolidayData()` tells whether the answer for a year can be trusted.
 */
import chineseDays from 'chinese-days'
import type { Month } from './calendar.js'

const days = chineseDays as unknown as {
  isWorkday(date: string): boolean
  getHolidaysInRange(start: string, end: string, includeWeekends?: boolean): string[]
}

const dataYears = new Map<number, boolean>()

/** True when chinese-days knows the year's official holidays. */
export function hasHolidayData(year: number): boolean {
  let known = dataYears.get(year)
  if (known === undefined) {
    known = days.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    dataYears.set(year, known)
  }
  return known
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

/** A workday in mainland China ('YYYY-MM-DD'): Monday–Friday, less holidays, plus 调休 Saturdays/Sundays. */
export function isWorkday(date: string): boolean {
  if (hasHolidayData(Number(date.slice(0, 4)))) return days.isWorkday(date)
  const d = weekday(date)
  return d >= 1 && d <= 5
}

/** The days of a month, 'YYYY-MM-DD'. */
export function daysOf(month: Month): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

export function workdaysOf(month: Month): string[] {
  return daysOf(month).filter(isWorkday)
}

/** The day itself when it is a workday, else the closest workday before it in the same month (or the first after). */
export function onOrBeforeWorkday(date: string): string {
  const month = date.slice(0, 7)
  const list = workdaysOf(month)
  const before = list.filter((d) => d <= date)
  return before.at(-1) ?? list[0] ?? date
}
