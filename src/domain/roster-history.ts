/**
 * 动态管理 with history: the roster as it was on any day. The network starts from a base list
 * (the notice's 30 sites and the 工会/团委/妇联 above them); every change — a site retired,
 * restored, added, moved to another working group or renamed — takes effect from a date and is
 * kept. Tallies of a month use the sites active for that whole month, so a site retired in July
 * still counts in January–June and a site added in August is not missing for June.
 */
import { z } from 'zod'
import { addMonths, type Month } from './calendar.js'
import { exactKeys, Roster, RosterError, type RosterProblem } from './roster.js'
import { groupNoSchema, isoSchema, NAME_MAX, orgSchema, siteSchema } from './schemas.js'
import type { GroupNo, Org, Site } from './types.js'

export const dateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
/** A Shanghai calendar day, `YYYY-MM-DD`. */
export type Day = string

const meta = {
  /** Order of entry; breaks ties between changes effective the same day. */
  seq: z.number().int().positive(),
  /** The first day the change is in force. */
  from: dateSchema,
  reason: z.string(),
  by: z.string().min(1),
  byName: z.string(),
  at: isoSchema,
}

export const rosterChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('retire'), orgId: z.string().min(1), ...meta }),
  z.object({ kind: z.literal('restore'), orgId: z.string().min(1), ...meta }),
  z.object({ kind: z.literal('add'), site: siteSchema, ...meta }),
  z.object({ kind: z.literal('move'), orgId: z.string().min(1), group: groupNoSchema, ...meta }),
  z.object({
    kind: z.literal('rename'),
    orgId: z.string().min(1),
    name: z.string().min(2).max(NAME_MAX),
    /** The aliases after the change (the old name is usually kept as one). */
    aliases: z.array(z.string().min(1)),
    ...meta,
  }),
])
export type RosterChange = z.infer<typeof rosterChangeSchema>
/** A change as it is asked for: the store gives it its sequence number. */
export type RosterChangeInput = WithoutSeq<RosterChange>
type WithoutSeq<C> = C extends unknown ? Omit<C, 'seq'> : never

export const rosterHistorySchema = z.object({
  /** The roster before any change, without `retired` flags. */
  base: z.array(orgSchema),
  changes: z.array(rosterChangeSchema),
})
export type RosterHistory = z.infer<typeof rosterHistorySchema>

/** The day a month starts and the day it ends. */
export const firstDay = (month: Month): Day => `${month}-01`
export function lastDay(month: Month): Day {
  const [y, m] = addMonths(month, 1).split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1, 0))
  return `${month}-${String(d.getUTCDate()).padStart(2, '0')}`
}

const ordered = (changes: readonly RosterChange[]) =>
  [...changes].sort((a, b) => a.from.localeCompare(b.from) || a.seq - b.seq)

const targetOf = (c: RosterChange): string => (c.kind === 'add' ? c.site.id : c.orgId)

/**
 * The organisations as they stood on `day`: changes in force by then applied in order; retired
 * sites carry `retired: true`; sites added later are absent.
 */
export function orgsOn(history: RosterHistory, day: Day): Org[] {
  const orgs = new Map<string, Org>(history.base.map((o) => [o.id, { ...o, retired: undefined }]))
  for (const c of ordered(history.changes)) {
    if (c.from > day) break
    if (c.kind === 'add') {
      orgs.set(c.site.id, { ...c.site, retired: undefined })
      continue
    }
    const org = orgs.get(c.orgId)
    if (!org) continue
    if (c.kind === 'retire') orgs.set(org.id, { ...org, retired: true })
    else if (c.kind === 'restore') orgs.set(org.id, { ...org, retired: undefined })
    else if (c.kind === 'move' && org.kind === 'site') orgs.set(org.id, { ...org, group: c.group })
    else if (c.kind === 'rename') orgs.set(org.id, { ...org, name: c.name, aliases: c.aliases })
  }
  return [...orgs.values()]
    .map(({ retired, ...o }) => (retired ? { ...o, retired } : o))
    .sort((a, b) => a.no - b.no)
}

/** The roster as it stood on `day` (lookups find retired sites with `includeRetired`). */
export const rosterOn = (history: RosterHistory, day: Day): Roster => new Roster(orgsOn(history, day))

const activeSites = (orgs: readonly Org[]): Site[] =>
  orgs.filter((o): o is Site => o.kind === 'site' && !o.retired)

/**
 * The sites a month's tally counts: those in the network for the whole month (from its first day
 * to its last, with no withdrawal in between), with their group and name as of the first day,
 * in 编号 order. Every tally, summary, reminder list and assessment of a month should use this
 * instead of the roster of today, so a past month keeps its totals whatever changed since.
 */
export function activeSitesFor(history: RosterHistory, month: Month): Site[] {
  const start = firstDay(month)
  const end = lastDay(month)
  const atEnd = new Set(activeSites(orgsOn(history, end)).map((s) => s.id))
  const outDuring = new Set(
    history.changes.filter((c) => c.kind === 'retire' && c.from > start && c.from <= end).map(targetOf),
  )
  return activeSites(orgsOn(history, start)).filter((s) => atEnd.has(s.id) && !outDuring.has(s.id))
}

/** The months of `months` in which the site counted (see `activeSitesFor`). */
export function activeMonthsOf(history: RosterHistory, orgId: string, months: readonly Month[]): Month[] {
  return months.filter((m) => activeSitesFor(history, m).some((s) => s.id === orgId))
}

/** The 编号 and id a new site gets: one past the last site's, never a number in use (31 after the 30). */
export function nextSiteNumber(history: RosterHistory): { no: number; id: string } {
  const added = history.changes.flatMap((c) => (c.kind === 'add' ? [c.site] : []))
  const sites = [...history.base.filter((o) => o.kind === 'site'), ...added]
  const used = new Set([...history.base.map((o) => o.no), ...added.map((s) => s.no)])
  const ids = new Set([...history.base.map((o) => o.id), ...added.map((s) => s.id)])
  let no = Math.max(0, ...sites.map((s) => s.no)) + 1
  while (used.has(no) || ids.has(`S${String(no).padStart(2, '0')}`)) no++
  return { no, id: `S${String(no).padStart(2, '0')}` }
}

export type RosterChangeError =
  | { code: 'UNKNOWN_ORG'; orgId: string }
  | { code: 'NOT_A_SITE'; orgId: string }
  | { code: 'ALREADY_RETIRED'; site: Site }
  | { code: 'NOT_RETIRED'; site: Site }
  | { code: 'SAME_GROUP'; site: Site; group: GroupNo }
  | { code: 'SAME_NAME'; site: Site }
  | { code: 'DUPLICATE_ID'; id: string }
  /** A name or alias of the new or renamed site is already another organisation's. */
  | { code: 'NAME_TAKEN'; word: string; other: Org }
  /** A name or alias longer than the roster takes. */
  | { code: 'NAME_TOO_LONG'; word: string; max: number }
  | { code: 'ROSTER_INVALID'; problem: RosterProblem | null }

/**
 * Checks a change against the history: the site exists (on the day it takes effect), the change
 * changes something, and the roster stays valid on that day and for good (unique names, 编号 and
 * aliases). Returns the history with the change appended.
 */
export function applyChange(
  history: RosterHistory,
  change: RosterChange,
): { ok: true; history: RosterHistory } | { ok: false; error: RosterChangeError } {
  // Names and aliases as the roster's schema takes them, so a change saved is a change that loads.
  const names =
    change.kind === 'add'
      ? [change.site.name, ...change.site.aliases]
      : change.kind === 'rename'
        ? [change.name, ...change.aliases]
        : []
  const tooLong = names.find((n) => [...n].length > NAME_MAX)
  if (tooLong !== undefined)
    return { ok: false, error: { code: 'NAME_TOO_LONG', word: tooLong, max: NAME_MAX } }
  const before = orgsOn(history, change.from)
  if (change.kind === 'add') {
    const everything = orgsOn(history, '9999-12-31')
    if (everything.some((o) => o.id === change.site.id || o.no === change.site.no)) {
      return { ok: false, error: { code: 'DUPLICATE_ID', id: change.site.id } }
    }
  } else {
    const org = before.find((o) => o.id === change.orgId)
    if (!org) return { ok: false, error: { code: 'UNKNOWN_ORG', orgId: change.orgId } }
    if (org.kind !== 'site') return { ok: false, error: { code: 'NOT_A_SITE', orgId: change.orgId } }
    if (change.kind === 'retire' && org.retired)
      return { ok: false, error: { code: 'ALREADY_RETIRED', site: org } }
    if (change.kind === 'restore' && !org.retired)
      return { ok: false, error: { code: 'NOT_RETIRED', site: org } }
    if (change.kind === 'move' && org.group === change.group) {
      return { ok: false, error: { code: 'SAME_GROUP', site: org, group: change.group } }
    }
    if (change.kind === 'rename' && org.name === change.name)
      return { ok: false, error: { code: 'SAME_NAME', site: org } }
  }
  const clash = nameClash(history, change)
  if (clash) return { ok: false, error: { code: 'NAME_TAKEN', ...clash } }
  const next: RosterHistory = { base: history.base, changes: [...history.changes, change] }
  try {
    // Every day a change takes effect is a day the roster must be valid on.
    for (const day of new Set([change.from, ...next.changes.map((c) => c.from)])) rosterOn(next, day)
  } catch (e) {
    return {
      ok: false,
      error: { code: 'ROSTER_INVALID', problem: e instanceof RosterError ? e.problem : null },
    }
  }
  return { ok: true, history: next }
}

/** The first name or alias an added or renamed site would share with another organisation (as it stands at last). */
export function nameClash(history: RosterHistory, change: RosterChange): { word: string; other: Org } | null {
  if (change.kind !== 'add' && change.kind !== 'rename') return null
  const everything = orgsOn(history, '9999-12-31')
  const id = change.kind === 'add' ? change.site.id : change.orgId
  const self = change.kind === 'add' ? change.site : everything.find((o) => o.id === id)
  if (!self) return null
  const candidate: Org =
    change.kind === 'rename' ? { ...self, name: change.name, aliases: change.aliases } : self
  const taken = new Map<string, Org>()
  for (const o of everything) if (o.id !== id) for (const k of exactKeys(o)) taken.set(k.key, o)
  for (const k of exactKeys(candidate)) {
    const other = taken.get(k.key)
    if (other) return { word: k.key, other }
  }
  return null
}

/** Aliases after a rename: the old ones, plus the old name, minus anything equal to the new name. */
export function aliasesAfterRename(site: Site, newName: string): string[] {
  return [...new Set([...site.aliases, site.name])].filter((a) => a !== newName)
}

/**
 * The history that carries a roster of today into dated form (migration): the base is the roster
 * without its `retired` flags, and each retired site gets a withdrawal in force from the first day
 * of `trackingSince`, so every tallied month keeps exactly the totals it had.
 */
export function historyFromRoster(orgs: readonly Org[], trackingSince: Month, at: string): RosterHistory {
  const base = orgs.map(({ retired: _r, ...o }) => o)
  let seq = 0
  const changes: RosterChange[] = orgs
    .filter((o) => o.retired)
    .map((o) => ({
      kind: 'retire',
      orgId: o.id,
      seq: ++seq,
      from: firstDay(trackingSince),
      reason: '',
      by: 'migration',
      byName: '',
      at,
    }))
  return { base, changes }
}

/** The changes that concern one organisation, in the order they take effect. */
export const changesOf = (history: RosterHistory, orgId: string): RosterChange[] =>
  ordered(history.changes).filter((c) => targetOf(c) === orgId)

/** The first day a retired site has been out of the network, or null when it is not retired. */
export function retiredSince(history: RosterHistory, orgId: string): Day | null {
  let since: Day | null = null
  for (const c of [...history.changes].sort((a, b) => a.from.localeCompare(b.from) || a.seq - b.seq)) {
    if (c.kind === 'retire' && c.orgId === orgId) since = c.from
    if (c.kind === 'restore' && c.orgId === orgId) since = null
  }
  return since
}
