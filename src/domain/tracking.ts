/**
 * Tracked months: the months the network's figures are known for. A month is tracked from the
 * month the bot was installed on, and so is any earlier month that holds a counted report (a
 * 补报, a 代报 or an imported count). A month that is not tracked has no data: it is shown as
 * 无数据, never as 未报, and it is not counted in the assessment. This is the one rule every
 * view asks (tallies, #进度, #汇总, #未报, the heatmap, every export sheet, the digest, the 通报
 * and the assessment), so they all show the same numbers.
 */
import type { Month } from './calendar.js'

export interface Tracking {
  /** The month the bot was installed on: every month from it on is tracked. */
  since: Month
  /** Earlier months that hold a counted report (补报, 代报 or imported), in order. */
  earlier: readonly Month[]
}

/**
 * The tracking that holds given the install month, every report (imported ones included) and the
 * months an import covered (a month imported with no report at all is known too: nobody reported).
 */
export function trackingOf(
  since: Month,
  // A report as far as tracking goes (structural, so reports.ts can ask isTracked without a circle).
  reports: readonly { month: Month; withdrawn: unknown }[],
  imported: readonly Month[] = [],
): Tracking {
  const earlier = new Set<Month>(imported.filter((m) => m < since))
  for (const r of reports) if (r.month < since && r.withdrawn === null) earlier.add(r.month)
  return { since, earlier: [...earlier].sort() }
}

/** A tracking with nothing before the install month (tests, and views that only know the month). */
export const trackingFrom = (since: Month): Tracking => ({ since, earlier: [] })

/** THE rule: whether a month's figures are known (tracked), or it has no data. */
export function isTracked(t: Tracking, month: Month): boolean {
  return month >= t.since || t.earlier.includes(month)
}

/** The first tracked month. */
export const firstTracked = (t: Tracking): Month => t.earlier[0] ?? t.since

/** The tracked months among `months`, in their order. */
export const trackedAmong = (t: Tracking, months: readonly Month[]): Month[] =>
  months.filter((m) => isTracked(t, m))
