/**
 * The facts of the half-year assessment, per site: which months count, what was reported in them,
 * and the records (六有, projects, plan, guidance, report kinds, leaders' scores) as they stood at
 * the period's end. A month counts for a site only when it is both due and tracked: tracked (see
 * domain/tracking.ts), the site in the network for it, and settled (not the running month, not
 * last month while 补报 is still open).
 */
import type { Month } from './calendar.js'
import type { Report } from './reports.js'
import { counts } from './reports.js'
import {
  guidanceIn,
  meanScore,
  periodMonths,
  periodYear,
  type Guidance,
  type LeaderScore,
  type Period,
  type Plan,
  type Project,
  type ReportKind,
  type ReportKindMark,
  type SixHaveEntry,
} from './records.js'
import type { AssessmentSettings, Part } from './assessment-rules.js'
import { activeMonthsOf, lastDay, orgsOn, type Day, type RosterHistory } from './roster-history.js'
import { isTracked, type Tracking } from './tracking.js'
import { SIX_STATES } from './vocabulary.js'
import type { GroupNo, Site } from './types.js'

/** The plain facts of one site for the period: what the score is made of. */
export interface SiteFacts {
  site: Site
  /** Counted months: due and tracked for the site, in order. */
  expected: Month[]
  /** Months the site was in the network, settled, but with no data (not tracked). */
  noData: Month[]
  /** Of the counted months, months with a report in time, and months covered only by 补报. */
  onTime: Month[]
  late: Month[]
  totalReports: number
  longestGap: number
  sixDone: number
  projects: number
  plan: boolean
  guidance: number
  kinds: Record<ReportKind, number>
  leaderScore: number | null
  leaderCount: number
}

export interface AssessmentInput {
  period: Period
  history: RosterHistory
  reports: readonly Report[]
  six: readonly SixHaveEntry[]
  projects: readonly Project[]
  plans: readonly Plan[]
  guidance: readonly Guidance[]
  kinds: readonly ReportKindMark[]
  scores: readonly LeaderScore[]
  /** Today, Shanghai. */
  today: Day
  /** Months not settled yet (this month, and last month while 补报 is still accepted): not counted. */
  openMonths: readonly Month[]
  /** The months with data; absent: every month is (tests of the score alone). */
  tracking?: Tracking
  settings: AssessmentSettings
  /** Only these working groups (a leader's); all when absent. */
  groups?: readonly GroupNo[]
}

/** The longest run of consecutive missed months among `expected`. */
export function longestRun(expected: readonly Month[], reported: ReadonlySet<Month>): number {
  let best = 0
  let run = 0
  for (const m of expected) {
    run = reported.has(m) ? 0 : run + 1
    best = Math.max(best, run)
  }
  return best
}

/** The latest version of a versioned record entered by `end` (ISO), or null. */
export function asOf<V extends { at: string }>(record: V & { history: V[] }, end: string): V | null {
  const versions: V[] = [...record.history, record]
  return versions.filter((v) => v.at <= end).at(-1) ?? null
}

/** The day the figures stand on, and the same as the last UTC instant of that Shanghai day. */
export function standingDay(input: AssessmentInput): { day: Day; endUtc: string } {
  const end = lastDay(periodMonths(input.period).at(-1)!)
  const day = input.today < end ? input.today : end
  return { day, endUtc: new Date(`${day}T23:59:59.999+08:00`).toISOString() }
}

/**
 * The parts no site in the network has any data for in the period (nobody entered 六有,
 * projects, a plan, guidance or report kinds yet): left out, their weight shared.
 */
export function partsWithoutData(input: AssessmentInput): Part[] {
  const { day, endUtc } = standingDay(input)
  const entered = (list: readonly { at: string; history: readonly { at: string }[] }[]) =>
    list.some((x) => [...x.history, x].some((v) => v.at <= endUtc))
  const months = periodMonths(input.period)
  const inPeriod = new Set(input.reports.filter((r) => months.includes(r.month)).map((r) => r.no))
  const out: Part[] = []
  if (!entered(input.six)) out.push('sixHave')
  if (!entered(input.projects)) out.push('projects')
  if (!entered(input.plans.filter((p) => p.year === periodYear(input.period)))) out.push('plan')
  if (!input.guidance.some((g) => months.includes(g.date.slice(0, 7)) && g.date <= day)) out.push('guidance')
  if (!entered(input.kinds.filter((k) => inPeriod.has(k.reportNo)))) out.push('kinds')
  return out
}

/** The months of the period the site was in the network for, those that count, and those without data. */
function monthsOf(input: AssessmentInput, siteId: string) {
  const past = periodMonths(input.period).filter((m) => m <= input.today.slice(0, 7))
  const open = new Set(input.openMonths)
  const active = activeMonthsOf(input.history, siteId, past)
  const due = active.filter((m) => !open.has(m))
  const tracked = (m: Month) => input.tracking === undefined || isTracked(input.tracking, m)
  return { active, expected: due.filter(tracked), noData: due.filter((m) => !tracked(m)) }
}

/** The records part of a site's facts, as they stood at the end of the period. */
function recordsOf(input: AssessmentInput, site: Site, mine: readonly Report[]) {
  const { day, endUtc } = standingDay(input)
  const kindOf = new Map<number, ReportKind | null>()
  for (const k of input.kinds) kindOf.set(k.reportNo, asOf(k, endUtc)?.kind ?? null)
  const kinds: Record<ReportKind, number> = { 规定动作: 0, 自选动作: 0, 宣传报道: 0 }
  for (const r of mine) {
    const k = r.no > 0 ? kindOf.get(r.no) : undefined
    if (k) kinds[k]++
  }
  return {
    sixDone: input.six.filter((e) => e.orgId === site.id && asOf(e, endUtc)?.state === SIX_STATES[2]).length,
    projects: input.projects.filter((p) => {
      const v = p.orgId === site.id ? asOf(p, endUtc) : null
      return v !== null && v.status !== 'stopped'
    }).length,
    plan: input.plans.some(
      (p) => p.orgId === site.id && p.year === periodYear(input.period) && asOf(p, endUtc) !== null,
    ),
    guidance: guidanceIn(input.guidance, site.id, input.period).filter((g) => g.date <= day).length,
    kinds,
    // Leaders' scores are given after the period: all of them count.
    leaderScore: meanScore(input.scores, site.id, input.period),
    leaderCount: input.scores.filter((s) => s.orgId === site.id && s.period === input.period).length,
  }
}

/** Gathers the facts of every site that was in the network in some settled month of the period so far. */
export function siteFacts(input: AssessmentInput): SiteFacts[] {
  const months = periodMonths(input.period)
  const out: SiteFacts[] = []
  for (const org of orgsOn(input.history, standingDay(input).day)) {
    if (org.kind !== 'site') continue
    const { retired: _r, ...site } = org
    if (input.groups && !input.groups.includes(site.group)) continue
    const { active, expected, noData } = monthsOf(input, site.id)
    if (active.length === 0) continue
    const mine = input.reports.filter((r) => r.orgId === site.id && counts(r) && months.includes(r.month))
    const inTime = new Set(mine.filter((r) => !r.late).map((r) => r.month))
    const any = new Set(mine.map((r) => r.month))
    out.push({
      site,
      expected,
      noData,
      onTime: expected.filter((m) => inTime.has(m)),
      late: expected.filter((m) => any.has(m) && !inTime.has(m)),
      totalReports: mine.length,
      longestGap: longestRun(expected, any),
      ...recordsOf(input, site, mine),
    })
  }
  return out
}
