/** #档案: one concise view of a site — who it is, its reporting this year and its records. */
import { UNRATED } from '../../src/domain/assessment.js'
import { verdictText } from '../../src/messages/assessment.js'
import { isTracked } from '../../src/domain/tracking.js'
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf, monthRange } from '../../src/domain/calendar.js'
import { counts } from '../../src/domain/reports.js'
import {
  guidanceIn,
  liveProjects,
  periodOfMonth,
  previousPeriod,
  SIX_ITEMS,
  sixOf,
} from '../../src/domain/records.js'
import { activeMonthsOf } from '../../src/domain/roster-history.js'
import { RECORDS } from './sentences.js'
import { assessmentFor } from '../assessment/assessment-now.js'

export const siteFile = defineCommand({
  name: '档案',
  aliases: ['示范点档案', '单位档案'],
  usage: RECORDS.fileUsage,
  summary: '一个示范点的档案：级别、组、区、注册人数、今年上报、六有、项目、计划、指导、最近考核',
  details: ['不写单位时查看本单位。退出的示范点也可查看。', '末尾写年份（如 2027）查看该年的工作计划。'],
  examples: ['#档案 日新街道', '#档案', '#档案 日新街道 2027'],
  category: 'records',
  requires: [registered],
  args: rawArgs.transform((a) => {
    // A year at the end (2027, 2027年) asks for that year's plan.
    const last = /^(20\d\d)年?$/.exec(a.tokens.at(-1)?.normalize('NFKC') ?? '')
    return {
      input: (last ? a.tokens.slice(0, -1) : a.tokens).join(' '),
      planYear: last ? Number(last[1]) : null,
    }
  }),
  run(ctx, { input, planYear }) {
    const { deps } = ctx
    let site = ctx.ownSite()
    if (input) {
      const found = ctx.site(input, { includeRetired: true })
      if (!found.ok) return found.reply
      site = found.value
    }
    if (!site) return [{ text: RECORDS.noSiteOfYours }]
    const { records, rosterHistory } = deps.repo
    const month = monthOf(deps.clock())
    const year = month.slice(0, 4)
    const since = `${year}-01`
    const tracking = deps.repo.tracking()
    const active = activeMonthsOf(rosterHistory.history(), site.id, monthRange(since, month)).filter((m) =>
      isTracked(tracking, m),
    )
    const reported = active.filter((m) =>
      deps.repo.reports.ofMonth(m).some((r) => r.orgId === site.id && counts(r)),
    )
    const six = sixOf(records.six(), site.id)
    // The plan of the year asked; without one, this year's and next year's when it is in.
    const planOf = (y: number) => records.plans().find((p) => p.orgId === site.id && p.year === y)
    const years = planYear
      ? [planYear]
      : [Number(year), ...(planOf(Number(year) + 1) ? [Number(year) + 1] : [])]
    const period = periodOfMonth(month)
    const lastPeriod = previousPeriod(month)
    const a = assessmentFor(deps, deps.repo, lastPeriod)
    const group = a.ok
      ? a.assessment.groups.find((g) => g.sites.some((s) => s.site.id === site.id))
      : undefined
    const mine = group?.sites.find((s) => s.site.id === site.id)
    const text = RECORDS.siteFile({
      site,
      people: deps.repo.members().filter((m) => m.orgId === site.id).length,
      months: { reported: reported.length, elapsed: active.length, year },
      six: SIX_ITEMS.map((i) => six[i]?.state ?? null),
      projects: liveProjects(records.projects(), site.id).length,
      plans: years.map((y) => {
        const p = planOf(y)
        return p ? RECORDS.planShort(p) : RECORDS.planNone(y)
      }),
      guidance: guidanceIn(records.guidance(), site.id, period).length,
      period,
      last:
        group && mine
          ? {
              period: lastPeriod,
              score: mine.verdict === UNRATED ? null : mine.score,
              verdict: verdictText(mine.verdict),
              rank: mine.rank,
              of: group.sites.length,
            }
          : null,
    })
    return [{ text }]
  },
})
