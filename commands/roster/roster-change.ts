/** What #示范点 and the site commands share: a filter of sites by what was typed, a site by name. */
import type { Deps, Reply, Sender } from '../../src/core/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import type { RosterChangeInput } from '../../src/domain/roster-history.js'
import { parseDistrict, parseGroup } from '../../src/domain/roles.js'
import type { Site } from '../../src/domain/types.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import { SCOPE_WORDS } from '../../src/domain/vocabulary.js'
import { EXIT } from '../../src/messages/reports.js'
import { M } from '../../src/messages/zh.js'
import { findOrg } from '../people/find-org.js'

export type SiteFilter = { label: string; test: (s: Site) => boolean } | null | { unknown: string }

export function readFilter(word: string | undefined): SiteFilter {
  if (!word) return null
  const g = parseGroup(word)
  if (g) return { label: GROUP_NAMES[g], test: (s) => s.group === g }
  if (word === SCOPE_WORDS.province || word === SCOPE_WORDS.city)
    return { label: word, test: (s) => s.level === word }
  const d = parseDistrict(word)
  if (d) return { label: d, test: (s) => s.district === d }
  return { unknown: word }
}

/** Finds a site by what was typed, retired ones included (by full name, alias or 编号). */
export function findSite(
  deps: Deps,
  input: string,
  usage: string,
): { ok: true; site: Site } | { ok: false; reply: Reply[] } {
  if (!input) return { ok: false, reply: [{ text: M.badArgs(EXIT.orgMissing, usage, undefined) }] }
  const found = findOrg(deps, input, { includeRetired: true })
  if (!found.ok) return found
  if (found.org.kind !== 'site') return { ok: false, reply: [{ text: EXIT.notASite(found.org) }] }
  return { ok: true, site: found.org }
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
    byName: sender.member?.name ?? sender.wechatName,
    at: now.toISOString(),
  })
  return { from, result }
}
