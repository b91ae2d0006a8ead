import type { Line, Org } from './types.js'
import { validateName, type NameError } from './names.js'
import { parseLine, splitLineSuffix, type Roster } from './roster.js'

export type RegistrationError =
  | { code: 'REG_MISSING' }
  | { code: 'REG_MISSING_ORG'; name: string }
  | { code: NameError; name: string }
  /** 孙 伟 大船: a one-character name followed by a word that would complete it. */
  | { code: 'NAME_SPLIT'; name: string; joined: string; retry: string }
  | { code: 'ORG_UNKNOWN'; input: string; suggestions: Org[]; retired?: Org; since?: string }
  | { code: 'ORG_AMBIGUOUS'; input: string; candidates: Org[] }
  | { code: 'LINE_CONFLICT'; org: Org; given: Line; other: Line }
  /** More than one 条线 word: 工会 团委. */
  | { code: 'LINE_MANY'; lines: Line[] }
  /** Words after the organisation that are neither part of it nor a 条线: 大连大学 青年. */
  | { code: 'EXTRA_WORDS'; org: Org; words: string[] }

export type ParsedRegistration =
  { ok: true; name: string; org: Org; line: Line | null } | ({ ok: false } & RegistrationError)

type Resolved =
  { ok: true; org: Org; line: Line | null; certain: boolean } | ({ ok: false } & RegistrationError)

/** True when a lookup found the organisation by its name, an alias or its 编号, not by a guess. */
const isCertain = (via: string) => via === 'name' || via === 'alias' || via === 'number'

/** Resolves the organisation part, with a line word possibly glued to its end (日新街道妇联). */
function resolveOrg(roster: Roster, orgTokens: string[], explicit: Line | null): Resolved {
  const input = orgTokens.join('')
  let found = roster.lookup(input)
  let line = explicit
  let certain = found.kind === 'found' && isCertain(found.via)
  if (!certain && explicit) {
    // 西岗区 妇联: the district and the line together name the district's 妇联.
    const joined = roster.lookup(input + explicit)
    if (joined.kind === 'found' && joined.org.kind !== 'site' && joined.org.line === explicit)
      return { ok: true, org: joined.org, line: explicit, certain: isCertain(joined.via) }
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
      certain = isCertain(again.via)
    }
  }
  if (!certain && orgTokens.length > 1) {
    // 大连大学 青年: the first words name the organisation for certain, the rest is no 条线.
    for (let k = orgTokens.length - 1; k >= 1; k--) {
      const head = roster.lookup(orgTokens.slice(0, k).join(''))
      if (head.kind === 'found' && isCertain(head.via))
        return { ok: false, code: 'EXTRA_WORDS', org: head.org, words: orgTokens.slice(k) }
    }
  }
  if (found.kind === 'ambiguous')
    return { ok: false, code: 'ORG_AMBIGUOUS', input, candidates: found.candidates }
  if (found.kind === 'unknown')
    return {
      ok: false,
      code: 'ORG_UNKNOWN',
      input,
      suggestions: found.suggestions,
      ...(found.retired ? { retired: found.retired } : {}),
    }
  const org = found.org
  if (org.kind !== 'site') {
    if (line && line !== org.line) {
      // 西岗区团委 + 妇联: the words disagree; ask rather than guess.
      return { ok: false, code: 'LINE_CONFLICT', org, given: line, other: org.line }
    }
    return { ok: true, org, line: org.line, certain }
  }
  return { ok: true, org, line, certain }
}

function attempt(
  roster: Roster,
  nameToken: string,
  orgTokens: string[],
  explicit: Line | null,
): ParsedRegistration & { certain?: boolean } {
  const name = validateName(nameToken)
  if (!name.ok) return { ok: false, code: name.code, name: nameToken }
  if (orgTokens.length === 0) return { ok: false, code: 'REG_MISSING_ORG', name: name.name }
  const org = resolveOrg(roster, orgTokens, explicit)
  if (!org.ok) return org
  return { ok: true, name: name.name, org: org.org, line: org.line, certain: org.certain }
}

const strip = (r: ParsedRegistration & { certain?: boolean }): ParsedRegistration => {
  if (!r.ok) return r
  return { ok: true, name: r.name, org: r.org, line: r.line }
}

/**
 * Reads `姓名 单位 [工会|团委|妇联]`. Also accepts the line glued to the organisation (日新街道妇联)
 * and the name and the organisation swapped (日新街道 张三). A name that is a 条线 or command
 * word, two 条线 words, or words left over after the organisation are answered, never guessed.
 */
export function parseRegistration(tokensIn: string[], roster: Roster): ParsedRegistration {
  const tokens = tokensIn
    .flatMap((t) => t.split(/[,，、/|；;]+/))
    .filter((t) => t !== '' && !t.startsWith('@'))
  if (tokens.length === 0) return { ok: false, code: 'REG_MISSING' }
  // Every standalone 条线 word after the first two tokens: one at most, said once or repeated.
  const lineAt = tokens.map((t, i) => (i >= 2 ? parseLine(t) : null))
  const lines = [...new Set(lineAt.filter((l): l is Line => l !== null))]
  if (lines.length > 1) return { ok: false, code: 'LINE_MANY', lines }
  const explicit = lines[0] ?? null
  const body = tokens.filter((_, i) => lineAt[i] === null)
  const first = attempt(roster, body[0]!, body.slice(1), explicit)
  if (first.ok) return strip(first)
  if (first.code === 'NAME_LENGTH' && [...body[0]!].length === 1 && body.length >= 3) {
    // 孙 伟 大船 工会: the space split the name.
    const joined = body[0]! + body[1]!
    if (attempt(roster, joined, body.slice(2), explicit).ok) {
      const retry = [joined, ...body.slice(2), ...(explicit ? [explicit] : [])].join(' ')
      return { ok: false, code: 'NAME_SPLIT', name: body[0]!, joined, retry }
    }
  }
  if (body.length < 2 || first.code === 'EXTRA_WORDS' || first.code === 'NAME_RESERVED') return first
  // Swapped: 日新街道 张三, only when the organisation is named for certain.
  const swapped = attempt(roster, body[body.length - 1]!, body.slice(0, -1), explicit)
  return swapped.ok && swapped.certain ? strip(swapped) : first
}
