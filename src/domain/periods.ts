/**
 * Periods as people write them for files and pictures: a month (2026-11, 2026年11月), a half year
 * (2026上半年, 2026年下半年), a year (2026年, 2026) or a span of years (2017-2026). Labels are the
 * messages' business (`src/messages/export.ts`); this module returns the months only.
 */
import type { Month } from './calendar.js'
import { monthOf, monthRange, parseMonth } from './calendar.js'
import { isTracked, trackingFrom, type Tracking } from './tracking.js'

export type PeriodKind = 'month' | 'half' | 'year' | 'years'

export interface Period {
  kind: PeriodKind
  /** First month, included. */
  from: Month
  /** Last month, included. */
  to: Month
}

/** Group 2 is set for the first half. */
const HALF = /^(\d{4})年?(?:(上)|下)半年$/
const YEAR = /^(\d{4})年?$/
const YEARS = /^(\d{4})年?[-~～—至到](\d{4})年?$/

/** 2026-11, 2026年11月, 2026上半年, 2026下半年, 2026年, 2026, 2017-2026 → the period; else null. */
export function parsePeriod(input: string, now?: Date): Period | null {
  const s = input.normalize('NFKC').replace(/\s+/g, '')
  const half = HALF.exec(s)
  if (half) {
    const y = half[1]!
    return half[2] !== undefined
      ? { kind: 'half', from: `${y}-01`, to: `${y}-06` }
      : { kind: 'half', from: `${y}-07`, to: `${y}-12` }
  }
  const year = YEAR.exec(s)
  if (year) return { kind: 'year', from: `${year[1]}-01`, to: `${year[1]}-12` }
  const years = YEARS.exec(s)
  if (years) {
    const [a, b] = [years[1]!, years[2]!]
    if (a >= b) return null
    return { kind: 'years', from: `${a}-01`, to: `${b}-12` }
  }
  const month = parseMonth(s, now)
  return month ? { kind: 'month', from: month, to: month } : null
}

/** The month `now` falls in, as a period: what a command without an argument means. */
export function monthPeriod(month: Month): Period {
  return { kind: 'month', from: month, to: month }
}

export interface PeriodMonth {
  month: Month
  /** Not tracked (see domain/tracking.ts): no data, not a miss. */
  beforeTracking: boolean
  /** The month now runs in: not over yet. */
  current: boolean
}

/**
 * The months of a period that have begun by `now` (later ones are left out), each marked when it
 * lies before tracking started or is the running month. Empty when the period lies in the future.
 */
export function periodMonths(
  period: Period,
  now: Date,
  tracking: Tracking | Month | null = null,
): PeriodMonth[] {
  const t = typeof tracking === 'string' ? trackingFrom(tracking) : tracking
  const current = monthOf(now)
  const to = period.to < current ? period.to : current
  if (period.from > to) return []
  return monthRange(period.from, to).map((month) => ({
    month,
    beforeTracking: t !== null && !isTracked(t, month),
    current: month === current,
  }))
}
