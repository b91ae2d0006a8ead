/** Where a site record goes: the records port, the site named or the sender's own, the roster of today. */
import { rawArgs } from '../../src/core/args.js'
import type { RecordsRepository } from '../../src/core/records-port.js'
import type { CommandContext, Deps, Found } from '../../src/core/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { Roster } from '../../src/domain/roster.js'
import type { Site } from '../../src/domain/types.js'
import { RECORDS } from './sentences.js'

export { actorOf } from '../../src/core/context.js'

/** A record command's arguments: its words, and the text as typed (descriptions are kept verbatim). */
export const recordArgs = rawArgs.transform((a) => ({ tokens: a.tokens, rest: a.rest }))

/** The records port (every repository carries it). */
export function recordsOf(deps: Deps): Found<RecordsRepository> {
  return { ok: true, value: deps.repo }
}

/** The roster of today as the dated history has it (sites added or renamed today included). */
export function rosterToday(deps: Deps, rec: RecordsRepository): Roster {
  return new Roster(rec.rosterHistory.orgsOn(shanghaiDate(deps.clock())))
}

/** The site named, or the sender's own when nothing was named (for reading a site's records). */
export function siteOrOwn(ctx: CommandContext, input: string): Found<Site> {
  if (input) return ctx.site(input)
  const own = ctx.ownSite()
  return own ? { ok: true, value: own } : { ok: false, reply: [{ text: RECORDS.noSiteOfYours }] }
}

/**
 * The site a record is written for: the one `word` names or, when it names none, the sender's own
 * (`named`: a site must be named); then the scope policy's word on whether the sender may record
 * for it (their own site, or one in their scope). One refusal for every record command.
 */
export function recordTarget(ctx: CommandContext, word: string, opts: { named?: boolean } = {}): Found<Site> {
  const site = opts.named ? ctx.site(word) : siteOrOwn(ctx, word)
  return site.ok ? ctx.actFor(site.value) : site
}
