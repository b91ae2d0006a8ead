/**
 * The half-year assessment (市工作领导小组每半年对示范点建设进行一次考核): per site, the facts of
 * the period (domain/assessment-facts.ts) and one score combining them by weights, a verdict by
 * thresholds (domain/assessment-rules.ts), and a rank within the working group.
 *
 * The score, 0–100: each part is a fraction 0–1, weighted; a part that cannot be known is left
 * out and the other weights share its place: no counted month yet, no leader's score given, or
 * an item no site in the network has any data for in the period (the bot was not there yet).
 *   reporting  counted months with a report ÷ counted months (a 补报 month earns `lateCredit`)
 *   sixHave    六有 items 已达标 ÷ 6
 *   projects   service projects running or done ÷ `projectsTarget` (at most 1)
 *   plan       the year's work plan submitted (1) or not (0)
 *   guidance   guidance visits in the half-year ÷ `guidanceTarget` (at most 1)
 *   kinds      report kinds present among 规定动作 / 自选动作 / 宣传报道 ÷ 3
 *   leaders    mean of the leaders' scores ÷ 100
 * Verdict: score ≥ excellent → 优秀, ≥ pass → 合格, ≥ warning → 预警, else 建议调整; a run of
 * `warnGap` missed counted months in a row caps it at 预警, `adjustGap` at 建议调整. A site with
 * no counted month is not rated (`UNRATED`, 无法评定), never 建议调整.
 */
import { periodMonths, REPORT_KINDS, type Period } from './records.js'
import {
  PARTS,
  verdictOf,
  VERDICTS,
  type AssessmentSettings,
  type Part,
  type Verdict,
} from './assessment-rules.js'
import { partsWithoutData, siteFacts, type AssessmentInput, type SiteFacts } from './assessment-facts.js'
import { lastDay, type Day } from './roster-history.js'
import type { GroupNo } from './types.js'
import { GROUP_NOS } from './types.js'
import { UNRATED } from './vocabulary.js'

export * from './assessment-rules.js'
export { longestRun, siteFacts, type AssessmentInput, type SiteFacts } from './assessment-facts.js'
export { UNRATED }

export interface SiteAssessment extends SiteFacts {
  parts: Record<Part, number | null>
  score: number
  /** `UNRATED` when no month counted for the site. */
  verdict: Verdict | typeof UNRATED
  /** 1 = best within its working group (unrated sites last). */
  rank: number
}

export interface Assessment {
  period: Period
  /** The day the figures stand on when the period is not over yet; null once it is. */
  asOf: Day | null
  groups: { group: GroupNo; sites: SiteAssessment[] }[]
  verdicts: Record<Verdict, number>
  /** Sites with no counted month. */
  unrated: number
  /** Parts left out for the whole network (no site has data for them), their weight shared. */
  leftOut: Part[]
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** The parts and the score of one site's facts; `leftOut` parts count for nobody. */
export function scoreOf(
  f: SiteFacts,
  s: AssessmentSettings,
  leftOut: readonly Part[] = [],
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
  for (const p of leftOut) parts[p] = null
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

const order = (v: SiteAssessment['verdict']) => (v === UNRATED ? VERDICTS.length : VERDICTS.indexOf(v))

/** One site's score and verdict. */
function rate(f: SiteFacts, input: AssessmentInput, leftOut: readonly Part[]): SiteAssessment {
  const { parts, score } = scoreOf(f, input.settings, leftOut)
  const verdict = f.expected.length === 0 ? UNRATED : verdictOf(score, f.longestGap, input.settings)
  return { ...f, parts, score, verdict, rank: 0 }
}

/** Scores, verdicts and ranks within each working group. */
export function assess(input: AssessmentInput): Assessment {
  const facts = siteFacts(input)
  const leftOut = partsWithoutData(input)
  const months = periodMonths(input.period)
  const groups = GROUP_NOS.filter((g) => !input.groups || input.groups.includes(g)).map((group) => {
    const sites = facts
      .filter((f) => f.site.group === group)
      .map((f) => rate(f, input, leftOut))
      .sort((a, b) => order(a.verdict) - order(b.verdict) || b.score - a.score || a.site.no - b.site.no)
    sites.forEach((s, i) => (s.rank = i + 1))
    return { group, sites }
  })
  const verdicts: Record<Verdict, number> = { 优秀: 0, 合格: 0, 预警: 0, 建议调整: 0 }
  let unrated = 0
  for (const g of groups)
    for (const s of g.sites) {
      if (s.verdict === UNRATED) unrated++
      else verdicts[s.verdict]++
    }
  const open = input.today < lastDay(months.at(-1)!) || input.openMonths.some((m) => months.includes(m))
  return { period: input.period, asOf: open ? input.today : null, groups, verdicts, unrated, leftOut }
}
