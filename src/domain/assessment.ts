/**
 * The half-year assessment (市工作领导小组每半年对示范点建设进行一次考核): per site, the facts of
 * the period and one score combining them by weights, a verdict by thresholds, and a rank within
 * the working group. Weights and thresholds are a settings object admins may change.
 *
 * The score, 0–100: each part is a fraction 0–1, weighted; a part that cannot be known (no month
 * to count yet, no leader's score given) is left out and the other weights share its place.
 *   reporting  months with a report ÷ months the site counted in (a 补报 month earns `lateCredit`)
 *   sixHave    六有 items 已达标 ÷ 6
 *   projects   service projects running or done ÷ `projectsTarget` (at most 1)
 *   plan       the year's work plan submitted (1) or not (0)
 *   guidance   guidance visits in the half-year ÷ `guidanceTarget` (at most 1)
 *   kinds      report kinds present among 规定动作 / 自选动作 / 宣传报道 ÷ 3
 *   leaders    mean of the leaders' scores ÷ 100
 * Verdict: score ≥ excellent → 优秀, ≥ pass → 合格, ≥ warning → 预警, else 建议调整; a run of
 * `warnGap` missed months in a row caps it at 预警, `adjustGap` at 建议调整.
 */
import { SIX_STATES, VERDICTS } from './vocabulary.js'
import { z } from 'zod'
import type { Month } from './calendar.js'
import type { Report } from './reports.js'
import { counts } from './reports.js'
import {
  guidanceIn,
  meanScore,
  periodMonths,
  periodYear,
  REPORT_KINDS,
  type Guidance,
  type LeaderScore,
  type Period,
  type Plan,
  type Project,
  type ReportKind,
  type ReportKindMark,
  type SixHaveEntry,
} from './records.js'
import { activeMonthsOf, lastDay, orgsOn, type Day, type RosterHistory } from './roster-history.js'
import type { GroupNo, Site } from './types.js'
import { GROUP_NOS } from './types.js'

export const PARTS = ['reporting', 'sixHave', 'projects', 'plan', 'guidance', 'kinds', 'leaders'] as const
export type Part = (typeof PARTS)[number]

const weight = z.number().min(0).max(100)
const weightsSchema = z.object({
  reporting: weight,
  sixHave: weight,
  projects: weight,
  plan: weight,
  guidance: weight,
  kinds: weight,
  leaders: weight,
})
export const assessmentSettingsSchema = z
  .object({
    weights: weightsSchema,
    /** What a month covered only by 补报 earns, against 1 for a month reported in time. */
    lateCredit: z.number().min(0).max(1),
    projectsTarget: z.number().int().min(1),
    guidanceTarget: z.number().int().min(1),
    thresholds: z.object({ excellent: z.number(), pass: z.number(), warning: z.number() }),
    warnGap: z.number().int().min(1),
    adjustGap: z.number().int().min(1),
  })
  .refine((s) => Object.values(s.weights).some((w) => w > 0), { message: 'weights: at least one above 0' })
  .refine((s) => s.thresholds.excellent >= s.thresholds.pass && s.thresholds.pass >= s.thresholds.warning, {
    message: 'thresholds: excellent ≥ pass ≥ warning',
  })
  .refine((s) => s.adjustGap >= s.warnGap, { message: 'adjustGap ≥ warnGap' })
export type AssessmentSettings = z.infer<typeof assessmentSettingsSchema>

/** The documented defaults: weights sum to 100; reporting, the notice's one hard rule, weighs most. */
export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  weights: { reporting: 40, sixHave: 20, projects: 10, plan: 5, guidance: 5, kinds: 5, leaders: 15 },
  lateCredit: 0.8,
  projectsTarget: 2,
  guidanceTarget: 2,
  thresholds: { excellent: 90, pass: 75, warning: 60 },
  warnGap: 3,
  adjustGap: 5,
}

/** Admins' changes over the defaults (any part may be left out), validated as a whole. */
export const assessmentOverrideSchema = z.object({
  weights: weightsSchema.partial().optional(),
  lateCredit: z.number().optional(),
  projectsTarget: z.number().optional(),
  guidanceTarget: z.number().optional(),
  thresholds: z.object({ excellent: z.number(), pass: z.number(), warning: z.number() }).partial().optional(),
  warnGap: z.number().optional(),
  adjustGap: z.number().optional(),
})
export type AssessmentOverride = z.infer<typeof assessmentOverrideSchema>

/** The settings in force: the defaults with the admins' changes on top; an error names what is wrong. */
export function resolveAssessmentSettings(
  override: AssessmentOverride,
): { ok: true; settings: AssessmentSettings } | { ok: false; problem: string } {
  const d = DEFAULT_ASSESSMENT_SETTINGS
  const merged = {
    ...d,
    ...override,
    weights: { ...d.weights, ...override.weights },
    thresholds: { ...d.thresholds, ...override.thresholds },
  }
  const parsed = assessmentSettingsSchema.safeParse(merged)
  if (parsed.success) return { ok: true, settings: parsed.data }
  const i = parsed.error.issues[0]!
  return { ok: false, problem: `${i.path.join('.')} ${i.message}`.trim() }
}

export { VERDICTS }
const [EXCELLENT, PASS, WARNING, ADJUST] = VERDICTS
export type Verdict = (typeof VERDICTS)[number]

/** The verdict for a score and a longest run of missed months. */
export function verdictOf(score: number, longestGap: number, s: AssessmentSettings): Verdict {
  const t = s.thresholds
  const byScore: Verdict =
    score >= t.excellent ? EXCELLENT : score >= t.pass ? PASS : score >= t.warning ? WARNING : ADJUST
  const cap: Verdict = longestGap >= s.adjustGap ? ADJUST : longestGap >= s.warnGap ? WARNING : EXCELLENT
  return VERDICTS[Math.max(VERDICTS.indexOf(byScore), VERDICTS.indexOf(cap))]!
}

/** The plain facts of one site for the period: what the score is made of. */
export interface SiteFacts {
  site: Site
  /** Months the site counted in and that are settled (or reported), in order. */
  expected: Month[]
  /** Of those, months with a report in time, and months covered only by 补报. */
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

export interface SiteAssessment extends SiteFacts {
  parts: Record<Part, number | null>
  score: number
  verdict: Verdict
  /** 1 = best within its working group. */
  rank: number
}

export interface Assessment {
  period: Period
  /** The day the figures stand on when the period is not over yet; null once it is. */
  asOf: Day | null
  groups: { group: GroupNo; sites: SiteAssessment[] }[]
  verdicts: Record<Verdict, number>
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

const round1 = (x: number) => Math.round(x * 10) / 10

/** The parts and the score of one site's facts. */
export function scoreOf(
  f: SiteFacts,
  s: AssessmentSettings,
): { parts: Record<Part, number | null>; score: number } {
  const parts: Record<Part, number | null> = {
    reporting:
      f.expected.length === 0 ? null : (f.onTime.length + s.lateCredit * f.late.length) / f.expected.length,
    sixHave: f.sixDone / 6,
    projects: Math.min(f.projects / s.projectsTarget, 1),
    plan: f.plan ? 1 : 0,
    guidance: Math.min(f.guidance / s.guidanceTarget, 1),
    kinds: REPORT_KINDS.filter((k) => f.kinds[k] > 0).length / REPORT_KINDS.length,
    leaders: f.leaderScore === null ? null : f.leaderScore / 100,
  }
  let sum = 0
  let weights = 0
  for (const p of PARTS) {
    const x = parts[p]
    if (x === null) continue
    sum += s.weights[p] * x
    weights += s.weights[p]
  }
  return { parts, score: weights === 0 ? 0 : round1((sum / weights) * 100) }
}

/** The latest version of a versioned record entered by `end` (ISO), or null. */
function asOf<V extends { at: string }>(record: V & { history: V[] }, end: string): V | null {
  const versions: V[] = [...record.history, record]
  return versions.filter((v) => v.at <= end).at(-1) ?? null
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
  /**
   * Months not settled yet (this month, and last month while 补报 is still accepted): they count
   * only when reported, so no site is marked down for a month it may still report.
   */
  openMonths: readonly Month[]
  settings: AssessmentSettings
  /** Only these working groups (a leader's); all when absent. */
  groups?: readonly GroupNo[]
}

/** Gathers the facts of every site that counted in some month of the period so far. */
export function siteFacts(input: AssessmentInput): SiteFacts[] {
  const months = periodMonths(input.period)
  const end = lastDay(months.at(-1)!)
  const asOfDay = input.today < end ? input.today : end
  // Records as entered by the end of the period (stored instants are UTC ISO strings).
  const endUtc = new Date(`${asOfDay}T23:59:59.999+08:00`).toISOString()
  const past = months.filter((m) => m <= input.today.slice(0, 7))
  const open = new Set(input.openMonths)
  const orgs = orgsOn(input.history, asOfDay)
  const out: SiteFacts[] = []
  for (const org of orgs) {
    if (org.kind !== 'site') continue
    const { retired: _r, ...site } = org
    if (input.groups && !input.groups.includes(site.group)) continue
    const active = activeMonthsOf(input.history, site.id, past)
    if (active.length === 0) continue
    const mine = input.reports.filter((r) => r.orgId === site.id && counts(r) && months.includes(r.month))
    const inTime = new Set(mine.filter((r) => !r.late).map((r) => r.month))
    const any = new Set(mine.map((r) => r.month))
    const expected = active.filter((m) => !open.has(m) || any.has(m))
    const kindOf = new Map<number, ReportKind | null>()
    for (const k of input.kinds) kindOf.set(k.reportNo, asOf(k, endUtc)?.kind ?? null)
    const kinds: Record<ReportKind, number> = { 规定动作: 0, 自选动作: 0, 宣传报道: 0 }
    for (const r of mine) {
      const k = kindOf.get(r.no)
      if (k) kinds[k]++
    }
    // Leaders' scores are given after the period: all of them count.
    const scores = input.scores
    out.push({
      site,
      expected,
      onTime: expected.filter((m) => inTime.has(m)),
      late: expected.filter((m) => any.has(m) && !inTime.has(m)),
      totalReports: mine.length,
      longestGap: longestRun(expected, any),
      sixDone: input.six.filter((e) => e.orgId === site.id && asOf(e, endUtc)?.state === SIX_STATES[2])
        .length,
      projects: input.projects.filter((p) => {
        const v = p.orgId === site.id ? asOf(p, endUtc) : null
        return v !== null && v.status !== 'stopped'
      }).length,
      plan: input.plans.some(
        (p) => p.orgId === site.id && p.year === periodYear(input.period) && asOf(p, endUtc) !== null,
      ),
      guidance: guidanceIn(input.guidance, site.id, input.period).filter((g) => g.date <= asOfDay).length,
      kinds,
      leaderScore: meanScore(scores, site.id, input.period),
      leaderCount: scores.filter((s) => s.orgId === site.id && s.period === input.period).length,
    })
  }
  return out
}

/** Scores, verdicts and ranks within each working group. */
export function assess(input: AssessmentInput): Assessment {
  const facts = siteFacts(input)
  const periodEnd = lastDay(periodMonths(input.period).at(-1)!)
  const groups = GROUP_NOS.filter((g) => !input.groups || input.groups.includes(g)).map((group) => {
    const sites = facts
      .filter((f) => f.site.group === group)
      .map((f) => {
        const { parts, score } = scoreOf(f, input.settings)
        return { ...f, parts, score, verdict: verdictOf(score, f.longestGap, input.settings), rank: 0 }
      })
      .sort(
        (a, b) =>
          VERDICTS.indexOf(a.verdict) - VERDICTS.indexOf(b.verdict) ||
          b.score - a.score ||
          a.site.no - b.site.no,
      )
    sites.forEach((s, i) => (s.rank = i + 1))
    return { group, sites }
  })
  const verdicts: Record<Verdict, number> = { 优秀: 0, 合格: 0, 预警: 0, 建议调整: 0 }
  for (const g of groups) for (const s of g.sites) verdicts[s.verdict]++
  return {
    period: input.period,
    asOf:
      input.today < periodEnd || input.openMonths.some((m) => periodMonths(input.period).includes(m))
        ? input.today
        : null,
    groups,
    verdicts,
  }
}
