/** Where a site record goes: the records port, the site named or the sender's own, the roster of today. */
import type { RecordsRepository } from '../../src/core/records-port.js'
import type { CommandContext, Deps, Found } from '../../src/core/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { Roster } from '../../src/domain/roster.js'
import type { Site } from '../../src/domain/types.js'
import { REC } from '../../src/messages/records.js'

export { actorOf } from '../../src/core/context.js'

/** The records port (every repository carries it). */
export function recordsOf(deps: Deps): Found<RecordsRepository> {
  return { ok: true, value: deps.repo }
}

/** The roster of today as the dated history has it (sites added or renamed today included). */
export function rosterToday(deps: Deps, rec: RecordsRepository): Roster {
  return new Roster(rec.rosterHistory.orgsOn(shanghaiDate(deps.clock())))
}

/** The site named, or the sender's own when nothing was named. */
export function siteOrOwn(ctx: CommandContext, input: string): Found<Site> {
  if (input) return ctx.site(input)
  const own = ctx.ownSite()
  return own ? { ok: true, value: own } : { ok: false, reply: [{ text: REC.noSiteOfYours }] }
}
