/**
 * The holiday calendar as a port: which days are workdays in mainland China (official holidays and
 * 调休 make-up workdays). The library's data is an adapter outside the domain
 * (`src/calendar/chinese-days.ts`); years the library lacks can be entered by admins
 * (`#节假日`), and the two are layered here. Pure: data comes in as parameters.
 */

export interface HolidayCalendar {
  /** A workday ('YYYY-MM-DD'): Monday–Friday, less holidays, plus 调休 Saturdays/Sundays. */
  isWorkday(date: string): boolean
  /** True when the year's official holidays are known; otherwise Monday–Friday is a guess. */
  hasData(year: number): boolean
  /** Days on which admin-entered data and the library disagree; null unless both have the year. */
  conflicts?(year: number): WorkdayDiff[] | null
  /**
   * The statutory holidays computed by rule (see domain/statutory.ts) for a year without official
   * data; a year without official data plans with them (no 调休 make-up days). Null when unknown.
   */
  statutory?(year: number): HolidayYear | null
}

/** An official holiday as published: 春节 2027-02-06 to 2027-02-14 (days off, weekends included). */
export interface HolidayPeriod {
  name: string
  from: string
  to: string
}

/** A year's holidays and 调休 make-up workdays, as admins entered them. */
export interface HolidayYear {
  holidays: HolidayPeriod[]
  /** Saturdays/Sundays (or other days) that are workdays by 调休. */
  workdays: string[]
}

/** A day two sources disagree on: `true` means a workday. */
export interface WorkdayDiff {
  date: string
  entered: boolean
  library: boolean
}

export function isWeekday(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d >= 1 && d <= 5
}

/** No holiday data at all: Monday–Friday. */
export const WEEKDAYS_ONLY: HolidayCalendar = { isWorkday: isWeekday, hasData: () => false }

/** Whether `date` is a workday by a year's entered data. */
export function isWorkdayIn(data: HolidayYear, date: string): boolean {
  if (data.workdays.includes(date)) return true
  if (data.holidays.some((h) => h.from <= date && date <= h.to)) return false
  return isWeekday(date)
}

/** Every day of a year, 'YYYY-MM-DD'. */
export function daysOfYear(year: number): string[] {
  const out: string[] = []
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

const hasHolidays = (data: HolidayYear | undefined): data is HolidayYear =>
  data !== undefined && data.holidays.length > 0

/**
 * The library's calendar with admin-entered years on top: an entered year (one with at least one
 * holiday) wins over the library, so admins can also correct it. `entered` is read on every call,
 * so a change by `#节假日` takes effect at once.
 */
export function layeredCalendar(
  library: HolidayCalendar,
  entered: (year: number) => HolidayYear | undefined,
): HolidayCalendar {
  const own = (year: number) => {
    const data = entered(year)
    return hasHolidays(data) ? data : undefined
  }
  return {
    isWorkday(date) {
      const data = own(Number(date.slice(0, 4)))
      return data ? isWorkdayIn(data, date) : library.isWorkday(date)
    },
    hasData: (year) => own(year) !== undefined || library.hasData(year),
    statutory: (year) => library.statutory?.(year) ?? null,
    conflicts(year) {
      const data = own(year)
      return data && library.hasData(year) ? diffYear(year, data, library) : null
    },
  }
}

/** The days of `year` on which the entered data and the library disagree. */
export function diffYear(year: number, data: HolidayYear, library: HolidayCalendar): WorkdayDiff[] {
  return daysOfYear(year)
    .map((date) => ({ date, entered: isWorkdayIn(data, date), library: library.isWorkday(date) }))
    .filter((d) => d.entered !== d.library)
}

/**
 * The years admins should enter the official schedule for, as of `today` ('YYYY-MM-DD'): the
 * current year, and from December the next, when no official data is known for them.
 */
export function missingYears(today: string, calendar: Pick<HolidayCalendar, 'hasData'>): number[] {
  const year = Number(today.slice(0, 4))
  const years = [year, ...(today.slice(5, 7) === '12' ? [year + 1] : [])]
  return years.filter((y) => !calendar.hasData(y))
}
