/**
 * Which sites each month of a file counts (the roster history's rule, the same as the chat's
 * tallies), and why a site is not counted in a month: not yet among the sites, or withdrawn.
 * Plain data in, so the picture worker receives it as it is; one rule for the Excel file and the
 * heatmap.
 */
import type { Month } from '../domain/calendar.js'
import type { Site } from '../domain/types.js'

/** The ids of the sites each month's tallies count; a month left out counts every site not retired. */
export type CountedSites = Readonly<Record<Month, readonly string[]>>

export type Standing = 'counted' | 'notYet' | 'retired'

export interface Counting {
  /** Whether the month's tallies count the site. */
  has(month: Month, site: Site): boolean
  /** Counted, or why not: before the first month of `months` it counted (or never, and not retired) it was not yet a site. */
  standing(site: Site, month: Month): Standing
}

/** The counting of a file's tracked `months`. */
export function counting(counted: CountedSites | undefined, months: readonly Month[]): Counting {
  const sets = new Map<Month, ReadonlySet<string> | null>()
  const setOf = (month: Month) => {
    let set = sets.get(month)
    if (set === undefined) sets.set(month, (set = counted?.[month] ? new Set(counted[month]) : null))
    return set
  }
  const has = (month: Month, site: Site) => setOf(month)?.has(site.id) ?? !site.retired
  const first = new Map<string, Month | undefined>()
  return {
    has,
    standing(site, month) {
      if (has(month, site)) return 'counted'
      if (!first.has(site.id))
        first.set(
          site.id,
          months.find((m) => has(m, site)),
        )
      const since = first.get(site.id)
      return (since === undefined ? !site.retired : month < since) ? 'notYet' : 'retired'
    },
  }
}
