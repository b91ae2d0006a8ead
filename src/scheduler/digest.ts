/**
 * The scheduler's private notes to leaders and admins: the weekly digest (on the week's first
 * workday) and the half-year notice (first workday of January and July after the last month’s 补报 has closed). Each recipient's
 * occurrence has its own id in the reminder store, recorded before it is sent.
 */
import { trackedAmong } from '../domain/tracking.js'
import type { Repository } from '../core/ports.js'
import type { Conversation, Reply } from '../core/types.js'
import { assess, resolveAssessmentSettings } from '../domain/assessment.js'
import { addMonths, monthOf, shanghaiDate } from '../domain/calendar.js'
import {
  composeDigest,
  digestId,
  digestOccasion,
  digestReader,
  digestSites,
  halfYearOccasion,
  type DigestSettings,
} from '../domain/digest.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import { periodMonths } from '../domain/records.js'
import { ASSESS } from '../messages/assessment.js'
import { digestText } from '../messages/digest.js'
import { scopesLabel } from '../messages/format.js'

export interface PrivateNote {
  /** The occurrence id in the reminder store. */
  id: string
  /** Nothing to send (the person switched it off): recorded 'paused'. */
  reply: (Reply & { to: Conversation }) | null
}

/** The digests due at `now` and not decided yet, one per leader or admin. */
export function dueDigests(
  repo: Repository,
  now: Date,
  settings: DigestSettings,
  calendar: HolidayCalendar,
  lateDays: number,
): PrivateNote[] {
  if (!settings.enabled) return []
  const occ = digestOccasion(now, settings.time, calendar)
  // Before it is due, or due before this install began (a new install does not catch up).
  if (!occ || now < occ.dueAt || occ.dueAt < repo.reminders.createdAt()) return []
  const month = monthOf(now)
  const active = repo.rosterHistory.activeSitesFor(month)
  const reports = [...repo.reports.ofMonth(addMonths(month, -1)), ...repo.reports.ofMonth(month)]
  const out: PrivateNote[] = []
  for (const h of repo.roleHolders()) {
    const reader = digestReader(h.grants)
    if (!reader) continue
    const id = digestId(occ.week, h.contactId)
    if (!open(repo, id)) continue
    if (repo.reminders.digestOff(h.contactId)) {
      out.push({ id, reply: null })
      continue
    }
    const data = composeDigest({
      now,
      sites: digestSites(reader, active),
      reports,
      since: occ.since,
      until: occ.until,
      calendar,
      lateDays,
    })
    const label = scopesLabel(reader.scopes)
    out.push({ id, reply: { to: { kind: 'private', id: h.contactId }, text: digestText(data, label) } })
  }
  return out
}

/** The half-year notices due at `now` and not decided yet: leaders get their groups' figures, admins all. */
export function dueHalfYearNotices(
  repo: Repository,
  now: Date,
  time: string,
  calendar: HolidayCalendar,
  lateDays: number,
): PrivateNote[] {
  const occ = halfYearOccasion(now, time, calendar, lateDays)
  if (!occ || now < occ.dueAt || occ.dueAt < repo.reminders.createdAt()) return []
  // Nothing to say about a half-year entirely before the bot began counting.
  if (trackedAmong(repo.tracking(), periodMonths(occ.period)).length === 0) return []
  const settings = resolveAssessmentSettings(repo.records.assessmentOverride())
  if (!settings.ok) return []
  // Due once the last month's 补报 has closed: only the running month is still open.
  const openMonths = [monthOf(now)]
  const r = repo.records
  const out: PrivateNote[] = []
  for (const h of repo.roleHolders()) {
    const reader = digestReader(h.grants)
    if (!reader) continue
    const id = `halfyear:${occ.period}:${h.contactId}`
    if (!open(repo, id)) continue
    const a = assess({
      period: occ.period,
      history: repo.rosterHistory.history(),
      reports: repo.reports.all(),
      six: r.six(),
      projects: r.projects(),
      plans: r.plans(),
      guidance: r.guidance(),
      kinds: r.kinds(),
      scores: r.scores(),
      today: shanghaiDate(now),
      openMonths,
      tracking: repo.tracking(),
      settings: settings.settings,
      ...(reader.groups ? { groups: reader.groups } : {}),
    })
    out.push({ id, reply: { to: { kind: 'private', id: h.contactId }, text: ASSESS.ready(a) } })
  }
  return out
}

/** Undecided, or failed before (retried while it still makes sense). */
function open(repo: Repository, id: string): boolean {
  const state = repo.reminders.state(id)
  return state === undefined || state === 'failed'
}
