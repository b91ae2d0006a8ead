import type { Deps, Reply } from '../../src/core/types.js'
import type { RegistrationError } from '../../src/domain/registration.js'
import type { LookupResult } from '../../src/domain/roster.js'
import { retiredSince } from '../../src/domain/roster-history.js'
import type { Org } from '../../src/domain/types.js'
import { registrationError } from '../../src/messages/sites.js'

/** Why a unit was not found, a retired site with the day it left the network. */
export function notFoundText(
  deps: Deps,
  input: string,
  found: Exclude<LookupResult, { kind: 'found' }>,
): string {
  return found.kind === 'ambiguous'
    ? registrationError({ code: 'ORG_AMBIGUOUS', input, candidates: found.candidates })
    : registrationError(withSince(deps, { code: 'ORG_UNKNOWN', input, ...found }))
}

/** An ORG_UNKNOWN error naming a retired site, with the day it left. */
export function withSince(deps: Deps, e: RegistrationError): RegistrationError {
  if (e.code !== 'ORG_UNKNOWN' || !e.retired) return e
  const since = retiredSince(deps.repo.rosterHistory.history(), e.retired.id)
  return since ? { ...e, since } : e
}

/** An organisation by what a person typed, or the reply with the candidates or the closest names. */
export function findOrg(
  deps: Deps,
  input: string,
  opts: { includeRetired?: boolean } = {},
): { ok: true; org: Org } | { ok: false; reply: Reply[] } {
  const found = deps.repo.roster().lookup(input, opts)
  if (found.kind === 'found') return { ok: true, org: found.org }
  return { ok: false, reply: [{ text: notFoundText(deps, input, found) }] }
}
