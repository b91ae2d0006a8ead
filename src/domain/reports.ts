import type { z } from 'zod'
import type { fileInfoSchema, linkInfoSchema, reportSchema } from './schemas.js'
import type { Month } from './calendar.js'
import { monthRange } from './calendar.js'
import { bigramsOf, similarityOf, type Bigrams } from './text.js'
import type { GroupNo, Level, Member, Site } from './types.js'
import { isTracked, type Tracking } from './tracking.js'

export type LinkInfo = z.infer<typeof linkInfoSchema>
export type FileInfo = z.infer<typeof fileInfoSchema>
/** One piece of 创建信息, as stored. Withdrawn reports stay, marked, and stop counting. */
export type Report = z.infer<typeof reportSchema>

export const counts = (r: Report) => r.withdrawn === null

/** Reports per site for one month (withdrawn ones left out). */
export function perSite(reports: readonly Report[], month: Month): Map<string, Report[]> {
  const out = new Map<string, Report[]>()
  for (const r of reports) {
    if (r.month !== month || !counts(r)) continue
    const list = out.get(r.orgId) ?? []
    list.push(r)
    out.set(r.orgId, list)
  }
  return out
}

export interface SiteTally {
  site: Site
  count: number
  late: number
}

export interface MonthTally {
  month: Month
  sites: SiteTally[]
  reported: number
  total: number
  byGroup: Record<GroupNo, { reported: number; total: number }>
  byLevel: Record<Level, { reported: number; total: number }>
}

/** The month's tally over the given sites: who has reported, how many pieces, by group and level. */
export function tallyMonth(sites: readonly Site[], reports: readonly Report[], month: Month): MonthTally {
  // A frozen list is one the repository keeps until it changes (storage/repository.ts): its tally
  // is kept with it, so a burst of receipts, each with 全市已报 N/30, counts the month once per change.
  if (!Object.isFrozen(reports) || !Object.isFrozen(sites)) return countMonth(sites, reports, month)
  const kept = tallies.get(reports)
  if (kept?.sites === sites && kept.month === month) return kept.tally
  const tally = countMonth(sites, reports, month)
  tallies.set(reports, { sites, month, tally })
  return tally
}

const tallies = new WeakMap<readonly Report[], { sites: readonly Site[]; month: Month; tally: MonthTally }>()

function countMonth(sites: readonly Site[], reports: readonly Report[], month: Month): MonthTally {
  const by = perSite(reports, month)
  const tallies = sites.map((site) => {
    const list = by.get(site.id) ?? []
    return { site, count: list.length, late: list.filter((r) => r.late).length }
  })
  const zero = () => ({ reported: 0, total: 0 })
  const byGroup: MonthTally['byGroup'] = { 1: zero(), 2: zero(), 3: zero() }
  const byLevel: MonthTally['byLevel'] = { 省级: zero(), 市级: zero() }
  for (const t of tallies) {
    const hit = t.count > 0 ? 1 : 0
    byGroup[t.site.group].total++
    byGroup[t.site.group].reported += hit
    byLevel[t.site.level].total++
    byLevel[t.site.level].reported += hit
  }
  return Object.freeze({
    month,
    sites: Object.freeze(tallies) as SiteTally[],
    reported: tallies.filter((t) => t.count > 0).length,
    total: tallies.length,
    byGroup: Object.freeze(byGroup),
    byLevel: Object.freeze(byLevel),
  })
}

/**
 * Counted reports by `site|month`. A frozen list (one the repository keeps until it changes) keeps
 * its counts with it: #汇总 asks for every site's year from ten years of reports.
 */
function countedBySiteMonth(reports: readonly Report[]): Map<string, number> {
  const kept = Object.isFrozen(reports) ? counted.get(reports) : undefined
  if (kept) return kept
  const out = new Map<string, number>()
  for (const r of reports) {
    if (!counts(r)) continue
    const key = `${r.orgId}|${r.month}`
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  if (Object.isFrozen(reports)) counted.set(reports, out)
  return out
}
const counted = new WeakMap<readonly Report[], Map<string, number>>()

export interface SiteYear {
  site: Site
  /** `tracked` false: no data for the month (see domain/tracking.ts), shown as 无数据. */
  months: { month: Month; count: number; tracked: boolean }[]
  /** Closed tracked months (before `current`) with no report. */
  missed: Month[]
  total: number
}

/** One site, month by month from `from` to `to`; a tracked month counts as missed once it is over. */
export function siteYear(
  site: Site,
  reports: readonly Report[],
  from: Month,
  to: Month,
  current: Month,
  tracking: Tracking | null = null,
): SiteYear {
  const counted = countedBySiteMonth(reports)
  const months = monthRange(from, to).map((month) => ({
    month,
    count: counted.get(`${site.id}|${month}`) ?? 0,
    tracked: tracking === null || isTracked(tracking, month),
  }))
  return {
    site,
    months,
    missed: months.filter((m) => m.month < current && m.tracked && m.count === 0).map((m) => m.month),
    total: months.reduce((n, m) => n + m.count, 0),
  }
}

/**
 * The registered people of the given sites, in the order the sites are listed (by group, then
 * 编号), and the sites that have nobody registered.
 */
export function contactsOf(
  sites: readonly Site[],
  members: readonly Member[],
): { people: Member[]; nobody: Site[] } {
  const rank = new Map(
    [...sites].sort((a, b) => a.group - b.group || a.no - b.no).map((s, i) => [s.id, i] as const),
  )
  const people = members
    .filter((m) => rank.has(m.orgId))
    .sort((a, b) => rank.get(a.orgId)! - rank.get(b.orgId)! || a.registeredAt.localeCompare(b.registeredAt))
  const covered = new Set(people.map((p) => p.orgId))
  return { people, nobody: sites.filter((s) => !covered.has(s.id)) }
}

/** Reports' texts are compared without spaces and punctuation. */
const textKey = (s: string) => s.normalize('NFKC').replace(/[\s\p{P}]+/gu, '')

/**
 * A stored report's keys, worked out once per text (NFKC and the punctuation pass are the
 * duplicate check's main cost, and it looks at every report of the site in the month).
 */
interface Keys {
  key: string
  title: string
  /** The key's bigrams, for the similarity. */
  grams: Bigrams
}
const keys = new WeakMap<Report, Keys & { text: string }>()
function keysOfText(text: string): Keys {
  const key = textKey(text)
  return { key, title: textKey(text.split('\n')[0] ?? ''), grams: bigramsOf(key) }
}
function keysOf(r: Report): Keys {
  let k = keys.get(r)
  if (k?.text !== r.text) {
    k = { text: r.text, ...keysOfText(r.text) }
    keys.set(r, k)
  }
  return k
}

/** Near-duplicates are looked for among the site's reports of the last minutes. */
export const SIMILAR_WINDOW_MS = 10 * 60_000

/**
 * An earlier counted report of the site in the month with the same text ('same', any time), or
 * within the last minutes with the same first line or a very similar text ('similar').
 */
export function findDuplicate(
  reports: readonly Report[],
  siteId: string,
  text: string,
  now: number,
): { kind: 'same' | 'similar'; report: Report } | undefined {
  const mine = keysOfText(text)
  const own = reports.filter((r) => r.orgId === siteId && counts(r) && r.text)
  const same = own.find((r) => keysOf(r).key === mine.key)
  if (same) return { kind: 'same', report: same }
  const recent = own.filter((r) => now - Date.parse(r.at) <= SIMILAR_WINDOW_MS)
  const near = recent.find((r) => {
    const theirs = keysOf(r)
    return (mine.title !== '' && theirs.title === mine.title) || similarityOf(theirs.grams, mine.grams) >= 0.8
  })
  return near ? { kind: 'similar', report: near } : undefined
}
