/**
 * Who may act for which sites, and whose sites a person sees by default: the one place that
 * answers it, for commands and the scheduler alike.
 *
 * The scope policy (issue 14), written once:
 * - a liaison's default is their district, a leader's is all the groups they lead, an admin's is
 *   the city; a person with several grants gets the union; someone without a role reads the city;
 * - reading tallies (#统计, #汇总, #进度, #图表) is open to every registered member for any scope:
 *   the numbers are posted to the whole group anyway;
 * - acting (@-mentioning people, writing for a site, files that carry members' names) is limited
 *   to one's own scope, and the refusal names what one may use (SCOPE_NOT_YOURS).
 */
import type { Roster } from './roster.js'
import { parseDistrict, parseGroup } from './roles.js'
import { SCOPE_WORDS } from './vocabulary.js'
import type { GroupNo, Member, RoleGrant, RoleSpec, Site } from './types.js'

export const isAdmin = (grants: readonly RoleGrant[]): boolean => grants.some((g) => g.role === 'admin')

/** The working groups a person leads, in order. */
export const leaderGroups = (grants: readonly RoleGrant[]): GroupNo[] =>
  [...new Set(grants.flatMap((g) => (g.role === 'leader' ? [g.group] : [])))].sort()

/** The districts a person is liaison for. */
export const liaisonDistricts = (grants: readonly RoleGrant[]): string[] =>
  grants.flatMap((g) => (g.role === 'liaison' ? [g.district] : []))

/** True when a liaison, leader or admin may act on behalf of the site (代报, records, scores). */
export function actsFor(grants: readonly RoleGrant[], site: Site): boolean {
  return grants.some(
    (g) =>
      g.role === 'admin' ||
      (g.role === 'leader' && g.group === site.group) ||
      (g.role === 'liaison' && g.district === site.district),
  )
}

/** True when the person may keep the site's records: its own members, or anyone who acts for it. */
export function mayRecordFor(member: Member | undefined, grants: readonly RoleGrant[], site: Site): boolean {
  return member?.orgId === site.id || actsFor(grants, site)
}

/** A person's scope of sites: everything for an admin, else their groups and districts together. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'group'; group: GroupNo }
  | { kind: 'district'; district: string }
  | { kind: 'level'; level: Site['level'] }

/** The scopes a person's roles give, widest first; empty for someone without a role. */
export function scopesOf(grants: readonly RoleGrant[]): Scope[] {
  if (isAdmin(grants)) return [{ kind: 'all' }]
  return [
    ...leaderGroups(grants).map((group): Scope => ({ kind: 'group', group })),
    ...liaisonDistricts(grants).map((district): Scope => ({ kind: 'district', district })),
  ]
}

export function inScope(scope: Scope, site: Site): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'group':
      return site.group === scope.group
    case 'district':
      return site.district === scope.district
    case 'level':
      return site.level === scope.level
  }
}

/** The active sites within any of the scopes, in 编号 order. */
export function sitesIn(roster: Roster, scopes: readonly Scope[]): Site[] {
  return roster.sites().filter((s) => scopes.some((sc) => inScope(sc, s)))
}

/** True when `scope` lies within what the person may see (an admin sees all). */
export function covers(grants: readonly RoleGrant[], scope: Scope): boolean {
  if (isAdmin(grants)) return true
  if (scope.kind === 'group') return leaderGroups(grants).includes(scope.group)
  if (scope.kind === 'district') return liaisonDistricts(grants).includes(scope.district)
  return false
}

/** True when a grant is the role and scope named. */
export function sameRole(g: RoleGrant, spec: RoleSpec): boolean {
  if (g.role === 'leader' && spec.role === 'leader') return g.group === spec.group
  if (g.role === 'liaison' && spec.role === 'liaison') return g.district === spec.district
  return g.role === spec.role && g.role === 'admin'
}

/** A scope as people write it: 第一组, 西岗区 / 西岗, 省级, 市级, 全市; null when the word is none. */
export function parseScope(word: string): Scope | null {
  const group = parseGroup(word)
  if (group) return { kind: 'group', group }
  if (word === SCOPE_WORDS.province || word === SCOPE_WORDS.city) return { kind: 'level', level: word }
  if ((SCOPE_WORDS.all as readonly string[]).includes(word)) return { kind: 'all' }
  const district = parseDistrict(word)
  return district ? { kind: 'district', district } : null
}

export type ScopeDecision =
  | { ok: true; scopes: Scope[]; named: boolean }
  | { ok: false; code: 'SCOPE_UNKNOWN'; word: string }
  | { ok: false; code: 'SCOPE_NOT_YOURS'; asked: Scope; mine: Scope[] }
  | { ok: false; code: 'SCOPE_NONE' }

/** THE scope policy: the scopes a command covers for this person, named by `word` or by default. */
export function resolveScope(
  grants: readonly RoleGrant[],
  word: string | undefined,
  use: 'read' | 'act',
): ScopeDecision {
  const mine = scopesOf(grants)
  if (!word) {
    if (mine.length > 0) return { ok: true, scopes: mine, named: false }
    return use === 'read'
      ? { ok: true, scopes: [{ kind: 'all' }], named: false }
      : { ok: false, code: 'SCOPE_NONE' }
  }
  const asked = parseScope(word)
  if (!asked) return { ok: false, code: 'SCOPE_UNKNOWN', word }
  if (use === 'read' || covers(grants, asked)) return { ok: true, scopes: [asked], named: true }
  return { ok: false, code: 'SCOPE_NOT_YOURS', asked, mine }
}
