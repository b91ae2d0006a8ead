import { CHINESE_MONTH_NUMERALS, RELATIVE_MONTH_WORDS } from './vocabulary.js'

/** Dates as people in Dalian read them: Asia/Shanghai, whatever the server's TZ. */
export const TIME_ZONE = 'Asia/Shanghai'
/** Asia/Shanghai has no daylight saving time: always UTC+8. */
const OFFSET_MS = 8 * 60 * 60_000

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** 2026-11-24T20:00:00Z → 2026-11-25. */
export function shanghaiDate(at: Date | string): string {
  return dateFormat.format(typeof at === 'string' ? new Date(at) : at)
}

/** A month as `YYYY-MM`. */
export type Month = string

/** The Asia/Shanghai month an instant falls in: 2026-11-30T16:00:00Z → 2026-12. */
export function monthOf(at: Date): Month {
  return shanghaiDate(at).slice(0, 7)
}

/**
 * A month as people write it: 2026-10, 2026.10, 2026/10, 2026年10月, 202610; with `now` also the
 * year-less forms 10月, 十月, 本月, 上月 (a year-less month later than the current one is last
 * year's). Null when the word is no month.
 */
export function parseMonth(s: string, now?: Date): Month | null {
  const k = s.normalize('NFKC').replace(/\s+/g, '')
  const dated = /^(\d{4})(?:[-/.年]?(\d{1,2})|年?([一二三四五六七八九十]{1,3}))月?$/.exec(k)
  if (dated) {
    const month = dated[2] !== undefined ? Number(dated[2]) : chineseMonth(dated[3]!)
    return month >= 1 && month <= 12 ? `${dated[1]}-${String(month).padStart(2, '0')}` : null
  }
  if (!now) return null
  const current = monthOf(now)
  if ((RELATIVE_MONTH_WORDS.current as readonly string[]).includes(k)) return current
  if ((RELATIVE_MONTH_WORDS.previous as readonly string[]).includes(k)) return addMonths(current, -1)
  const bare = /^(?:(\d{1,2})|([一二三四五六七八九十]{1,3}))(?:月份|月)$/.exec(k)
  if (!bare) return null
  const month = bare[1] !== undefined ? Number(bare[1]) : chineseMonth(bare[2]!)
  if (month < 1 || month > 12) return null
  const [y, m] = current.split('-').map(Number) as [number, number]
  return `${month > m ? y - 1 : y}-${String(month).padStart(2, '0')}`
}

/** 十一 → 11; 0 when it is no month numeral. */
function chineseMonth(word: string): number {
  return (CHINESE_MONTH_NUMERALS as readonly string[]).indexOf(word) + 1
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const idx = y * 12 + (m - 1) + n
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`
}

/** The instant a Shanghai calendar day starts: (2026, 12, 6) → 2026-12-05T16:00:00Z. */
export function shanghaiDayStart(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day) - OFFSET_MS)
}

/** The months from `from` to `to`, both included. */
export function monthRange(from: Month, to: Month): Month[] {
  const out: Month[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m)
  return out
}

/**
 * 补报 for `month` is accepted until the end of day `days` of the next month (Shanghai).
 * Returns the first instant it is no longer accepted.
 */
export function lateDeadline(month: Month, days: number): Date {
  const [y, m] = addMonths(month, 1).split('-').map(Number) as [number, number]
  return shanghaiDayStart(y, m, days + 1)
}
