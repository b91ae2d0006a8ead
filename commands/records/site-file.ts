/** #档案: one concise view of a site — who it is, its reporting this year and its records. */
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
  SIX_STATES,
  sixOf,
} from '../../src/domain/records.js'
import { activeMonthsOf } from '../../src/domain/roster-history.js'
import { REC } from '../../src/messages/records.js'
import { assessmentFor } from '../assessment/assessment-now.js'
import { findSite } from '../roster/roster-change.js'

export const siteFile = defineCommand({
  name: '档案',
  aliases: ['示范点档案', '单位档案'],
  usage: REC.fileUsage,
  summary: '一个示范点的档案：级别、组、区、注册人数、今年上报、六有、项目、计划、指导、最近考核',
  details: ['不写单位时查看本单位。退出的示范点也可查看。'],
  examples: ['#档案 日新街道', '#档案'],
  category: 'records',
  requires: [registered],
  args: rawArgs.transform((a) => a.tokens.join('')),
  run(ctx, input) {
    const { deps } = ctx
    let site = ctx.ownSite()
    if (input) {
      const found = findSite(ctx, input, REC.fileUsage)
      if (!found.ok) return found.reply
      site = found.site
    }
    if (!site) return [{ text: REC.noSiteOfYours }]
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
    const plan = records.plans().find((p) => p.orgId === site.id && p.year === Number(year))
    const period = periodOfMonth(month)
    const lastPeriod = previousPeriod(month)
    const a = assessmentFor(deps, deps.repo, lastPeriod)
    const group = a.ok
      ? a.assessment.groups.find((g) => g.sites.some((s) => s.site.id === site.id))
      : undefined
    const mine = group?.sites.find((s) => s.site.id === site.id)
    const text = REC.siteFile({
      site,
      people: deps.repo.members().filter((m) => m.orgId === site.id).length,
      months: { reported: reported.length, elapsed: active.length, year },
      six: SIX_ITEMS.map((i) => six[i]?.state ?? SIX_STATES[0]),
      projects: liveProjects(records.projects(), site.id).length,
      plan: plan ? REC.planShort(plan) : null,
      guidance: guidanceIn(records.guidance(), site.id, period).length,
      period,
      last:
        group && mine
          ? {
              period: lastPeriod,
              score: mine.score,
              verdict: verdictText(mine.verdict),
              rank: mine.rank,
              of: group.sites.length,
            }
          : null,
    })
    return [{ text }]
  },
})
