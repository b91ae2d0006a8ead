import type { Line, Org } from './types.js'
import { validateName, type NameError } from './names.js'
import { parseLine, splitLineSuffix, type Roster } from './roster.js'

export type RegistrationError =
  | { code: 'REG_MISSING' }
  | { code: 'REG_MISSING_ORG'; name: string }
  | { code: NameError; name: string }
  | { code: 'ORG_UNKNOWN'; input: string; suggestions: Org[] }
  | { code: 'ORG_AMBIGUOUS'; input: string; candidates: Org[] }
  | { code: 'LINE_CONFLICT'; org: Org; given: Line; other: Line }

export type ParsedRegistration =
  { ok: true; name: string; org: Org; line: Line | null } | ({ ok: false } & RegistrationError)

/** Resolves the organisation part, with a line word possibly glued to its end (日新街道妇联). */
function resolveOrg(
  roster: Roster,
  input: string,
  explicit: Line | null,
): { ok: true; org: Org; line: Line | null } | ({ ok: false } & RegistrationError) {
  let found = roster.lookup(input)
  let line = explicit
  const certain =
    found.kind === 'found' && (found.via === 'name' || found.via === 'alias' || found.via === 'number')
  if (!certain && explicit) {
    // 西岗区 妇联: the district and the line together name the district's 妇联.
    const joined = roster.lookup(input + explicit)
    if (joined.kind === 'found' && joined.org.kind !== 'site' && joined.org.line === explicit)
      return { ok: true, org: joined.org, line: explicit }
  }
  if (!certain) {
    // 日新街道妇联: a line word glued to the end wins over a loose match of the whole.
    const split = splitLineSuffix(input)
    const again = split ? roster.lookup(split.rest) : undefined
    if (split && again?.kind === 'found') {
      if (explicit && explicit !== split.line) {
        return { ok: false, code: 'LINE_CONFLICT', org: again.org, given: explicit, other: split.line }
      }
      found = again
      line = split.line
    }
  }
  if (found.kind === 'ambiguous')
    return { ok: false, code: 'ORG_AMBIGUOUS', input, candidates: found.candidates }
  if (found.kind === 'unknown')
    return { ok: false, code: 'ORG_UNKNOWN', input, suggestions: found.suggestions }
  const org = found.org
  if (org.kind !== 'site') {
    if (line && line !== org.line) {
      // 西岗区团委 + 妇联: the words disagree; ask rather than guess.
      return { ok: false, code: 'LINE_CONFLICT', org, given: line, other: org.line }
    }
    return { ok: true, org, line: org.line }
  }
  return { ok: true, org, line }
}

function attempt(
  roster: Roster,
  nameToken: string,
  orgTokens: string[],
  explicit: Line | null,
): ParsedRegistration {
  const name = validateName(nameToken)
  if (!name.ok) return { ok: false, code: name.code, name: nameToken }
  if (orgTokens.length === 0) return { ok: false, code: 'REG_MISSING_ORG', name: name.name }
  const org = resolveOrg(roster, orgTokens.join(''), explicit)
  if (!org.ok) return org
  return { ok: true, name: name.name, org: org.org, line: org.line }
}

/**
 * Reads `姓名 单位 [工会|团委|妇联]`. Also accepts the line glued to the organisation (日新街道妇联)
 * and the name and the organisation swapped (日新街道 张三).
 */
export function parseRegistration(tokensIn: string[], roster: Roster): ParsedRegistration {
  const tokens = tokensIn
    .flatMap((t) => t.split(/[,，、/|；;]+/))
    .filter((t) => t !== '' && !t.startsWith('@'))
  if (tokens.length === 0) return { ok: false, code: 'REG_MISSING' }
  let explicit: Line | null = null
  let body = tokens
  if (tokens.length >= 3) {
    const last = parseLine(tokens[tokens.length - 1]!)
    if (last) {
      explicit = last
      body = tokens.slice(0, -1)
    }
  }
  const first = attempt(roster, body[0]!, body.slice(1), explicit)
  if (first.ok || body.length < 2) return first
  // Swapped: 日新街道 张三 (only taken when it fully works).
  const swapped = attempt(roster, body[body.length - 1]!, body.slice(0, -1), explicit)
  return swapped.ok ? swapped : first
}
