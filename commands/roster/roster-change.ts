/** Roster changes: the site a change is about, and the change recorded from today by the sender. */
import { rawArgs, rawLength } from '../../src/core/args.js'
import type { CommandContext, Deps, Reply, Sender } from '../../src/core/types.js'
import { monthOf, shanghaiDate } from '../../src/domain/calendar.js'
import type { RosterChangeInput } from '../../src/domain/roster-history.js'
import type { Site } from '../../src/domain/types.js'
import { EXIT, type SiteCount } from './sentences.js'
import { CORE } from '../../src/messages/core.js'

/** A site by what was typed, retired ones included (ctx.site); the usage line when nothing was typed. */
/** `单位 原因…`: the site as typed (one word) and the reason as written, for #退出示范点 and #恢复示范点. */
export const siteAndReason = rawArgs.transform((a) => ({
  site: a.tokens[0] ?? '',
  reason: a.rest.slice(rawLength(a.rest)).trim(),
}))

export function findSite(
  ctx: CommandContext,
  input: string,
  usage: string,
): { ok: true; site: Site } | { ok: false; reply: Reply[] } {
  if (!input) return { ok: false, reply: [{ text: CORE.badArgs(EXIT.orgMissing, usage, undefined) }] }
  const found = ctx.site(input, { includeRetired: true })
  return found.ok ? { ok: true, site: found.value } : found
}

type WithoutMeta<C> = C extends unknown ? Omit<C, 'from' | 'by' | 'byName' | 'at'> : never

/**
 * Records a roster change in force from today (Asia/Shanghai), by the sender; returns the day it
 * takes effect with the outcome.
 */
export async function changeFromToday(
  deps: Deps,
  sender: Sender,
  change: WithoutMeta<RosterChangeInput>,
): Promise<{ from: string; result: Awaited<ReturnType<Deps['repo']['rosterHistory']['change']>> }> {
  const now = deps.clock()
  const from = shanghaiDate(now)
  const result = await deps.repo.rosterHistory.change({
    ...change,
    from,
    by: sender.id,
    byName: sender.name,
    at: now.toISOString(),
  })
  return { from, result }
}

/** The sites on the roster now and the sites this month's tallies count, for the sentences. */
export function siteCount(deps: Deps): SiteCount {
  return {
    total: deps.repo.roster().sites().length,
    thisMonth: deps.repo.rosterHistory.activeSitesFor(monthOf(deps.clock())).length,
  }
}
