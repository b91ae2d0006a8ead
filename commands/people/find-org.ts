import type { Deps, Reply } from '../../src/core/types.js'
import type { Org } from '../../src/domain/types.js'
import { registrationError } from '../../src/messages/sites.js'

/** An organisation by what a person typed, or the reply with the candidates or the closest names. */
export function findOrg(
  deps: Deps,
  input: string,
  opts: { includeRetired?: boolean } = {},
): { ok: true; org: Org } | { ok: false; reply: Reply[] } {
  const found = deps.repo.roster().lookup(input, opts)
  if (found.kind === 'found') return { ok: true, org: found.org }
  const text =
    found.kind === 'ambiguous'
      ? registrationError({ code: 'ORG_AMBIGUOUS', input, candidates: found.candidates })
      : registrationError({ code: 'ORG_UNKNOWN', input, suggestions: found.suggestions })
  return { ok: false, reply: [{ text }] }
}
