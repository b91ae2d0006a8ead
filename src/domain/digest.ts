/**
 * The weekly digest for group leaders and admins, and the half-year notice: when they fall due
 * (on the injected holiday calendar, Asia/Shanghai) and what they say, as data. Pure.
 */
import { addMonths, lateDeadline, monthOf, shanghaiDate, shanghaiDayStart, type Month } from './calendar.js'
import type { HolidayCalendar } from './holidays.js'
import { counts, tallyMonth, type Report } from './reports.js'
import type { GroupNo, RoleGrant, Site } from './types.js'
import { inScope, isAdmin, leaderGroups, resolveScope, type Scope } from './authority.js'
import { workdaysOf } from './workdays.js'

export interface DigestSettings {
  /** Whether the weekly digest goes out at all (people may still switch it off for themselves). */
  enabled: boolean
  /** HH:MM, Asia/Shanghai, on the week's first workday. */
  time: string
}

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { enabled: true, time: '09:00' }

const DAY_MS = 24 * 60 * 60_000

const parts = (date: string) => date.split('-').map(Number) as [number, number, number]

/** A Shanghai date plus `n` days. */
export function addDays(date: string, n: number): string {
  const [y, m, d] = parts(date)
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10)
}

/** The moment of a Shanghai date and HH:MM. */
export function atTime(date: string, time: string): Date {
  const [y, m, d] = parts(date)
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  return new Date(shanghaiDayStart(y, m, d).getTime() + (hh * 60 + mm) * 60_000)
}

export interface IsoWeek {
  /** 2026-W48. */
  id: string
  /** Monday, 'YYYY-MM-DD'. */
  monday: string
  /** Monday to Sunday. */
  days: string[]
}

/** The ISO week (Monday to Sunday) a Shanghai date lies in. */
export function isoWeek(date: string): IsoWeek {
  const [y, m, d] = parts(date)
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 // Monday 0
  const monday = addDays(date, -dow)
  const thursday = addDays(monday, 3)
  const year = Number(thursday.slice(0, 4))
  const jan4 = `${year}-01-04`
  const jan4Dow = (new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7
  const week1 = addDays(jan4, -jan4Dow)
  const [a, b, c] = parts(week1)
  const [e, f, g] = parts(monday)
  const n = Math.round((Date.UTC(e, f - 1, g) - Date.UTC(a, b - 1, c)) / (7 * DAY_MS)) + 1
  return {
    id: `${year}-W${String(n).padStart(2, '0')}`,
    monday,
    days: Array.from({ length: 7 }, (_, i) => addDays(monday, i)),
  }
}

export interface DigestOccasion {
  week: IsoWeek
  /** The week's first workday (Monday, or later when Monday is a holiday). */
  day: string
  dueAt: Date
  /** The start of the next week: a digest not sent by then is dropped. */
  expiresAt: Date
  /** The week before, whose new reports the digest lists: [from, to). */
  since: Date
  until: Date
}

/** This week's digest: on its first workday at `time`; null for a week without a workday. */
export function digestOccasion(now: Date, time: string, calendar: HolidayCalendar): DigestOccasion | null {
  const week = isoWeek(shanghaiDate(now))
  const day = week.days.find((d) => calendar.isWorkday(d))
  if (!day) return null
  const start = atTime(week.monday, '00:00')
  return {
    week,
    day,
    dueAt: atTime(day, time),
    expiresAt: atTime(addDays(week.monday, 7), '00:00'),
    since: new Date(start.getTime() - 7 * DAY_MS),
    until: start,
  }
}

export const digestId = (week: IsoWeek, contactId: string) => `digest:${week.id}:${contactId}`

export interface DigestInput {
  now: Date
  /** The sites the reader sees (active this month). */
  sites: readonly Site[]
  /** Reports of last month and this month (others are ignored). */
  reports: readonly Report[]
  /** New reports are those submitted in [since, until). */
  since: Date
  until: Date
  calendar: HolidayCalendar
  lateDays: number
}

export interface DigestData {
  since: string
  /** The last day included, 'YYYY-MM-DD'. */
  until: string
  month: Month
  newReports: { site: Site; report: Report }[]
  /** Sites without a valid report this month. */
  missing: Site[]
  total: number
  /** This month's deadline: its last workday. */
  deadline: string | undefined
  /** Last month's 补报 is still open until this day (inclusive), if it is. */
  lateUntil: { month: Month; date: string } | null
}

/** What a reader's digest says: last week's new reports in their scope, who is missing, what is due. */
export function composeDigest(input: DigestInput): DigestData {
  const month = monthOf(input.now)
  const byId = new Map(input.sites.map((s) => [s.id, s] as const))
  const newReports = input.reports
    .filter((r) => {
      const t = Date.parse(r.at)
      return counts(r) && byId.has(r.orgId) && t >= input.since.getTime() && t < input.until.getTime()
    })
    .sort((a, b) => a.at.localeCompare(b.at) || a.no - b.no)
    .map((report) => ({ site: byId.get(report.orgId)!, report }))
  const tally = tallyMonth(input.sites, input.reports, month)
  const prev = addMonths(month, -1)
  const late = lateDeadline(prev, input.lateDays)
  return {
    since: shanghaiDate(input.since),
    until: shanghaiDate(new Date(input.until.getTime() - 1)),
    month,
    newReports,
    missing: tally.sites.filter((t) => t.count === 0).map((t) => t.site),
    total: input.sites.length,
    deadline: workdaysOf(month, input.calendar).at(-1),
    lateUntil: input.now < late ? { month: prev, date: shanghaiDate(new Date(late.getTime() - 1)) } : null,
  }
}

export interface HalfYearOccasion {
  /** The half-year that just ended: 2026-H1. */
  period: string
  dueAt: Date
  expiresAt: Date
}

/**
 * In January and July: the notice that the half-year just ended has its scorecard, due at `time`
 * on the month's first workday after the last month's 补报 has closed (5 January, 6 July), so
 * that the figures it gives are final; null in other months.
 */
export function halfYearOccasion(
  now: Date,
  time: string,
  calendar: HolidayCalendar,
  lateDays: number,
): HalfYearOccasion | null {
  const month = monthOf(now)
  const mm = month.slice(5)
  if (mm !== '01' && mm !== '07') return null
  const prev = addMonths(month, -1)
  const closed = shanghaiDate(lateDeadline(prev, lateDays))
  const first = workdaysOf(month, calendar).find((d) => d >= closed)
  if (!first) return null
  return {
    period: `${prev.slice(0, 4)}-H${mm === '01' ? 2 : 1}`,
    dueAt: atTime(first, time),
    expiresAt: atTime(`${addMonths(month, 1)}-01`, '00:00'),
  }
}

/** Who reads the scheduler's private notes, and what they cover. */
export interface DigestReader {
  /** The scope policy's default for this person (src/domain/authority.ts): their groups, districts, or the city. */
  scopes: Scope[]
  /** The whole city (an admin). */
  all: boolean
  /** The working groups among the scopes, for the per-group assessment; undefined for the city. */
  groups: GroupNo[] | undefined
}

/**
 * The digest, the half-year notice and the two-month warning go to group leaders and admins (not to
 * liaisons alone: their district is told in the group); what each covers is the scope policy's
 * default for the person, the same as #汇总 without a word: all the groups one leads, plus a
 * liaison's district when one is both.
 */
export function digestReader(grants: readonly RoleGrant[]): DigestReader | null {
  if (!isAdmin(grants) && leaderGroups(grants).length === 0) return null
  const d = resolveScope(grants, undefined, 'act')
  if (!d.ok) return null
  const all = d.scopes.some((s) => s.kind === 'all')
  const groups = all ? undefined : d.scopes.flatMap((s) => (s.kind === 'group' ? [s.group] : []))
  return { scopes: d.scopes, all, groups }
}

/** The sites a reader's notes cover among the month's active sites. */
export function digestSites(reader: DigestReader, sites: readonly Site[]): Site[] {
  return sites.filter((s) => reader.scopes.some((sc) => inScope(sc, s)))
}
