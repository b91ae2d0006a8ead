/** What the site-record commands share: the records port, the actor, the site asked about. */
import type { RecordsRepository, Actor } from '../../src/core/records-port.js'
import type { Deps, Reply, Sender } from '../../src/core/types.js'
import { mayRecordFor } from '../../src/domain/authority.js'
import { addMonths, lateDeadline, monthOf, shanghaiDate, type Month } from '../../src/domain/calendar.js'
import { assess, resolveAssessmentSettings, type Assessment } from '../../src/domain/assessment.js'
import { periodOfMonth, previousPeriod, type Period } from '../../src/domain/records.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { Roster } from '../../src/domain/roster.js'
import type { GroupNo, Site } from '../../src/domain/types.js'
import { M } from '../../src/messages/zh.js'
import { REC } from '../../src/messages/records.js'

export type Found<T> = { ok: true; value: T } | { ok: false; reply: Reply[] }

/** The records port (every repository carries it). */
export function recordsOf(deps: Deps): Found<RecordsRepository> {
  return { ok: true, value: deps.repo }
}

export const actorOf = (sender: Sender): Actor => ({
  id: sender.id,
  name: sender.member?.name ?? sender.wechatName,
})

export const todayOf = (deps: Deps): string => shanghaiDate(deps.clock())

/** The roster of today as the dated history has it (sites added or renamed today included). */
export function rosterToday(deps: Deps, rec: RecordsRepository): Roster {
  return new Roster(rec.rosterHistory.orgsOn(todayOf(deps)))
}

/** The sender's own site, if they are registered to one. */
export function ownSite(deps: Deps, sender: Sender): Site | undefined {
  const org = sender.member ? deps.repo.roster().get(sender.member.orgId) : undefined
  return org?.kind === 'site' && !org.retired ? org : undefined
}

/** A site by what was typed (retired ones included when asked), or the reply explaining why not. */
export function siteByName(deps: Deps, input: string, opts: { includeRetired?: boolean } = {}): Found<Site> {
  if (!input) return { ok: false, reply: [{ text: REC.siteMissing }] }
  const found = deps.repo.roster().lookup(input, opts)
  if (found.kind === 'found') {
    return found.org.kind === 'site'
      ? { ok: true, value: found.org }
      : { ok: false, reply: [{ text: REC.notASite(found.org.name) }] }
  }
  const text =
    found.kind === 'ambiguous'
      ? M.registrationError({ code: 'ORG_AMBIGUOUS', input, candidates: found.candidates })
      : M.registrationError({ code: 'ORG_UNKNOWN', input, suggestions: found.suggestions })
  return { ok: false, reply: [{ text }] }
}

/** The site named, or the sender's own when nothing was named. */
export function siteOrOwn(deps: Deps, sender: Sender, input: string): Found<Site> {
  if (input) return siteByName(deps, input)
  const own = ownSite(deps, sender)
  return own ? { ok: true, value: own } : { ok: false, reply: [{ text: REC.noSiteOfYours }] }
}

/** The site, when the sender may keep its records (authority.mayRecordFor decides). */
export function recordable(sender: Sender, site: Site): Found<Site> {
  return mayRecordFor(sender.member, sender.roles, site)
    ? { ok: true, value: site }
    : { ok: false, reply: [{ text: REC.notYours(site) }] }
}

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
    today: todayOf(deps),
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
