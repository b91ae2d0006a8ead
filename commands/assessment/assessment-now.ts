/** The assessment of a half-year as it stands now, and the half-year meant when none is named. */
import type { RecordsRepository } from '../../src/core/records-port.js'
import type { Deps, Reply } from '../../src/core/types.js'
import { addMonths, lateDeadline, monthOf, shanghaiDate, type Month } from '../../src/domain/calendar.js'
import { assess, resolveAssessmentSettings, type Assessment } from '../../src/domain/assessment.js'
import { periodOfMonth, previousPeriod, type Period } from '../../src/domain/records.js'
import type { GroupNo } from '../../src/domain/types.js'
import { ASSESS } from '../../src/messages/assessment.js'

/** This month, and last month while its 补报 is still accepted: not settled yet. */
export function openMonths(deps: Deps): Month[] {
  const now = deps.clock()
  const month = monthOf(now)
  const prev = addMonths(month, -1)
  return now < lateDeadline(prev, deps.settings.lateDays) ? [prev, month] : [month]
}

/** The assessment of a half-year as it stands now, for some working groups or all. */
export function assessmentFor(
  deps: Deps,
  rec: RecordsRepository,
  period: Period,
  groups?: readonly GroupNo[],
): { ok: true; assessment: Assessment } | { ok: false; reply: Reply[] } {
  const settings = resolveAssessmentSettings(rec.records.assessmentOverride())
  if (!settings.ok) return { ok: false, reply: [{ text: ASSESS.settingsBad(settings.problem) }] }
  const r = rec.records
  const assessment = assess({
    period,
    history: rec.rosterHistory.history(),
    reports: deps.repo.reports.all(),
    six: r.six(),
    projects: r.projects(),
    plans: r.plans(),
    guidance: r.guidance(),
    kinds: r.kinds(),
    scores: r.scores(),
    today: shanghaiDate(deps.clock()),
    openMonths: openMonths(deps),
    tracking: deps.repo.tracking(),
    settings: settings.settings,
    ...(groups ? { groups } : {}),
  })
  return { ok: true, assessment }
}

/** The half-year meant when none is named: the current one, or in January and July the one just over. */
export function defaultPeriod(deps: Deps): Period {
  const month = monthOf(deps.clock())
  return ['01', '07'].includes(month.slice(5)) ? previousPeriod(month) : periodOfMonth(month)
}
