/** What a reminder occurrence says, and to whom: the texts of the tallies, the picture, the warnings. */
import { isTracked, trackedAmong } from '../domain/tracking.js'
import { scopesLabel } from '../messages/format.js'
import type { Conversation, Reply } from '../core/types.js'
import type { Repository } from '../core/ports.js'
import { addMonths, lateDeadline, shanghaiDate, type Month } from '../domain/calendar.js'
import type { Occurrence } from '../domain/reminders.js'
import { contactsOf, perSite, tallyMonth } from '../domain/reports.js'
import { digestReader, digestSites } from '../domain/digest.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import { daysOf, workdaysOf } from '../domain/workdays.js'
import { REM } from '../messages/reminders.js'
import { heatmapFileName } from '../messages/export.js'
import type { Logger } from '../logger.js'
import type { HeatmapInput } from '../render/heatmap.js'

/** What composing needs of the scheduler's dependencies. */
export interface OccurrenceDeps {
  repo: Repository
  logger: Logger
  lateDays: number
  picture?: (input: HeatmapInput) => Promise<Buffer>
}

export async function composeOccurrence(
  deps: OccurrenceDeps,
  calendar: HolidayCalendar,
  o: Occurrence,
  now: Date,
): Promise<(Reply & { to: Conversation })[]> {
  const { repo } = deps
  // Nothing about months before the bot began counting (a new install has no tally to post).
  if (!isTracked(repo.tracking(), o.month)) return []
  const sites = repo.rosterHistory.activeSitesFor(o.month)
  const room = repo.room()
  const toRoom = (text: string, mentionIds: string[]) =>
    room ? [{ to: { kind: 'room' as const, id: room.id }, text, mentionIds }] : []
  const t = tallyMonth(sites, repo.reports.ofMonth(o.month), o.month)
  const unreported = t.sites.filter((x) => x.count === 0).map((x) => x.site)
  const { people, nobody } = contactsOf(unreported, repo.members())
  const mentions = people.map((p) => p.contactId)
  const work = workdaysOf(o.month, calendar)
  const lastDay = daysOf(o.month).at(-1)!
  switch (o.kind) {
    case 'mid':
      return unreported.length === 0 ? [] : toRoom(REM.mid(t, unreported, nobody, lastDay), mentions)
    case 'pre': {
      const left = work.filter((d) => d >= o.date).length
      return unreported.length === 0 ? [] : toRoom(REM.pre(t, unreported, nobody, left, lastDay), mentions)
    }
    case 'final':
      return unreported.length === 0 ? [] : toRoom(REM.final(t, unreported, nobody), mentions)
    case 'close': {
      const deadline = lateDeadline(o.month, deps.lateDays)
      const lateUntil = now < deadline ? shanghaiDate(new Date(deadline.getTime() - 1)) : null
      const [tally] = toRoom(REM.close(t, unreported, lateUntil), lateUntil ? mentions : [])
      if (!tally) return []
      const file = await closingPicture(deps, o.month, now)
      return [file ? { ...tally, file } : tally]
    }
    case 'warn':
      return warnings(deps.repo, o.month)
  }
}

/** The heatmap of the year up to the closed month, for the closing tally; null without one. */
async function closingPicture(deps: OccurrenceDeps, month: Month, now: Date): Promise<Reply['file'] | null> {
  const draw = deps.picture
  if (!draw) return null
  const { repo } = deps
  const period = { kind: 'year' as const, from: `${month.slice(0, 4)}-01`, to: month }
  try {
    const data = await draw({
      period,
      now,
      sites: repo.roster().orgs.filter((o) => o.kind === 'site'),
      reports: repo.reports.all().filter((r) => r.month >= period.from && r.month <= period.to),
      trackingSince: repo.tracking(),
    })
    return { name: heatmapFileName(period), data, kind: 'image' }
  } catch (error) {
    deps.logger.error('closing tally picture failed; the text goes alone', { error })
    return null
  }
}

/** Sites that missed the two closed months before `month`, privately to leaders (their group) and admins. */
function warnings(repo: Repository, month: Month): (Reply & { to: Conversation })[] {
  const months = [addMonths(month, -2), addMonths(month, -1)]
  if (trackedAmong(repo.tracking(), months).length < months.length) return []
  // Sites in the network through both months (a site added or retired in between is not warned about).
  const first = new Set(repo.rosterHistory.activeSitesFor(months[0]!).map((s) => s.id))
  const sites = repo.rosterHistory.activeSitesFor(months[1]!).filter((s) => first.has(s.id) && !s.retired)
  const reported = months.map((m) => perSite(repo.reports.ofMonth(m), m))
  const missed = sites.filter((s) => reported.every((by) => !by.has(s.id)))
  if (missed.length === 0) return []
  const out: (Reply & { to: Conversation })[] = []
  for (const h of repo.roleHolders()) {
    const reader = digestReader(h.grants)
    if (!reader) continue
    const mine = digestSites(reader, missed)
    if (mine.length === 0) continue
    const scope = reader.all ? '' : scopesLabel(reader.scopes)
    out.push({ to: { kind: 'private', id: h.contactId }, text: REM.warn(months, mine, scope) })
  }
  return out
}
