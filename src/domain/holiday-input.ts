/**
 * What admins type after #节假日, parsed and checked: pure, returns codes (the sentences live in
 * `src/messages/holidays.ts`, and so do the Chinese keywords, passed in as `words`).
 */
import { isWorkdayIn, type HolidayPeriod, type HolidayYear } from './holidays.js'

/** The keywords of the command, by purpose. */
export interface HolidayWords {
  /** 调休上班 and its synonyms. */
  workday: string[]
  /** 删除: removes one holiday (by name) or one make-up workday (by date). */
  remove: string[]
  /** 清除: removes the whole year. */
  clear: string[]
  /** 放假: an optional last word after a holiday's dates. */
  off: string[]
  /** Between the first and the last day: 至, ~, 到. */
  rangeSeparators: string[]
}

export type HolidayCommand =
  | { op: 'show'; year: number }
  | { op: 'holiday'; year: number; period: HolidayPeriod }
  | { op: 'workdays'; year: number; dates: string[] }
  | { op: 'remove'; year: number; what: string }
  | { op: 'clear'; year: number }

export type HolidayInputError =
  | { code: 'usage' }
  | { code: 'bad-year'; word: string }
  | { code: 'bad-date'; word: string }
  | { code: 'out-of-year'; date: string; year: number }
  | { code: 'reversed'; from: string; to: string }
  | { code: 'too-long'; from: string; to: string; days: number }
  | { code: 'overlap'; name: string; from: string; to: string }
  | { code: 'workday-in-holiday'; date: string; name: string }
  | { code: 'holiday-over-workday'; date: string }
  | { code: 'not-weekend'; date: string }
  | { code: 'not-found'; what: string }

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: HolidayInputError }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = (error: HolidayInputError): { ok: false; error: HolidayInputError } => ({ ok: false, error })

/** The longest official holiday is 8–9 days; a month means a typing error. */
const MAX_HOLIDAY_DAYS = 31

// 2027-02-06, 2027/2/6, 2027.2.6, 2027年2月6日
const FULL = /^(\d{4})(?:[-/.]|\u5e74)(\d{1,2})(?:[-/.]|\u6708)(\d{1,2})\u65e5?$/
// The end of a range in the same year: 02-14, 2/14, 2月14日
const SHORT = /^(\d{1,2})(?:[-/.]|\u6708)(\d{1,2})\u65e5?$/

function iso(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d))
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null
  return t.toISOString().slice(0, 10)
}

/** A typed date as 'YYYY-MM-DD'; a short one takes `year`. */
export function parseDay(word: string, year?: number): string | null {
  const full = FULL.exec(word)
  if (full) return iso(Number(full[1]), Number(full[2]), Number(full[3]))
  const short = year === undefined ? null : SHORT.exec(word)
  return short ? iso(year!, Number(short[1]), Number(short[2])) : null
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

function inYear(date: string, year: number): Parsed<string> {
  return date.startsWith(`${year}-`) ? ok(date) : fail({ code: 'out-of-year', date, year })
}

/** Parses the tokens after #节假日. */
export function parseHolidayCommand(tokens: string[], words: HolidayWords): Parsed<HolidayCommand> {
  const [yearWord, head, ...rest] = tokens
  if (yearWord === undefined) return fail({ code: 'usage' })
  if (!/^\d{4}$/.test(yearWord) || Number(yearWord) < 2000 || Number(yearWord) > 2100)
    return fail({ code: 'bad-year', word: yearWord })
  const year = Number(yearWord)
  if (head === undefined) return ok({ op: 'show', year })
  if (words.clear.includes(head))
    return rest.length === 0 ? ok({ op: 'clear', year }) : fail({ code: 'usage' })
  if (words.remove.includes(head)) {
    if (rest.length !== 1) return fail({ code: 'usage' })
    const date = parseDay(rest[0]!, year)
    return ok({ op: 'remove', year, what: date ?? rest[0]! })
  }
  if (words.workday.includes(head)) {
    if (rest.length === 0) return fail({ code: 'usage' })
    const dates: string[] = []
    for (const w of rest) {
      const date = parseDay(w, year)
      if (!date) return fail({ code: 'bad-date', word: w })
      const checked = inYear(date, year)
      if (!checked.ok) return checked
      dates.push(date)
    }
    return ok({ op: 'workdays', year, dates: [...new Set(dates)].sort() })
  }
  // A holiday: name, then its days (one day, or a range), then optionally 放假.
  const name = head
  if (parseDay(name) || /^\d/.test(name)) return fail({ code: 'usage' })
  const words2 = [...rest]
  if (words2.length > 0 && words.off.includes(words2.at(-1)!)) words2.pop()
  const span = words2.join('')
  if (span === '') return fail({ code: 'usage' })
  const sep = words.rangeSeparators.find((s) => span.includes(s))
  const [fromWord, toWord] = sep
    ? [span.slice(0, span.indexOf(sep)), span.slice(span.indexOf(sep) + sep.length)]
    : [span, span]
  const from = parseDay(fromWord)
  if (!from) return fail({ code: 'bad-date', word: fromWord })
  const to = parseDay(toWord, Number(from.slice(0, 4)))
  if (!to) return fail({ code: 'bad-date', word: toWord })
  for (const d of [from, to]) {
    const checked = inYear(d, year)
    if (!checked.ok) return checked
  }
  if (to < from) return fail({ code: 'reversed', from, to })
  const days = daysBetween(from, to)
  if (days > MAX_HOLIDAY_DAYS) return fail({ code: 'too-long', from, to, days })
  return ok({ op: 'holiday', year, period: { name, from, to } })
}

const overlaps = (a: HolidayPeriod, b: HolidayPeriod) => a.from <= b.to && b.from <= a.to

/**
 * Applies a change to a year's entered data. A holiday of the same name is replaced (a
 * correction); overlapping holidays and make-up workdays inside a holiday are refused. The result
 * is `null` when nothing is left of the year.
 */
export function applyHolidayCommand(
  data: HolidayYear | undefined,
  cmd: Exclude<HolidayCommand, { op: 'show' }>,
): Parsed<HolidayYear | null> {
  const cur: HolidayYear = data ?? { holidays: [], workdays: [] }
  const tidy = (y: HolidayYear): HolidayYear | null =>
    y.holidays.length === 0 && y.workdays.length === 0
      ? null
      : {
          holidays: [...y.holidays].sort((a, b) => a.from.localeCompare(b.from)),
          workdays: [...new Set(y.workdays)].sort(),
        }
  switch (cmd.op) {
    case 'clear':
      return ok(null)
    case 'remove': {
      const holidays = cur.holidays.filter((h) => h.name !== cmd.what)
      const workdays = cur.workdays.filter((d) => d !== cmd.what)
      if (holidays.length === cur.holidays.length && workdays.length === cur.workdays.length)
        return fail({ code: 'not-found', what: cmd.what })
      return ok(tidy({ holidays, workdays }))
    }
    case 'holiday': {
      const others = cur.holidays.filter((h) => h.name !== cmd.period.name)
      const clash = others.find((h) => overlaps(h, cmd.period))
      if (clash) return fail({ code: 'overlap', name: clash.name, from: clash.from, to: clash.to })
      const workday = cur.workdays.find((d) => cmd.period.from <= d && d <= cmd.period.to)
      if (workday) return fail({ code: 'holiday-over-workday', date: workday })
      return ok(tidy({ holidays: [...others, cmd.period], workdays: cur.workdays }))
    }
    case 'workdays': {
      for (const date of cmd.dates) {
        const h = cur.holidays.find((p) => p.from <= date && date <= p.to)
        if (h) return fail({ code: 'workday-in-holiday', date, name: h.name })
        // A make-up workday is a day that would otherwise be off: a weekend.
        if (isWorkdayIn({ holidays: [], workdays: [] }, date)) return fail({ code: 'not-weekend', date })
      }
      return ok(tidy({ holidays: cur.holidays, workdays: [...cur.workdays, ...cmd.dates] }))
    }
  }
}
