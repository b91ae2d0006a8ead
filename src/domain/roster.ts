import type { Line, Org, Site } from './types.js'
import { LINES } from './types.js'
import { parseNo } from './numbers.js'
import { isSubsequence, nameKey, similarity } from './text.js'

export type LookupResult =
  | { kind: 'found'; org: Org; via: 'name' | 'alias' | 'number' | 'substring' | 'subsequence' | 'fuzzy' }
  | { kind: 'ambiguous'; candidates: Org[] }
  | { kind: 'unknown'; suggestions: Org[] }

const CITY_PREFIX = /^(大连市|大连)/

/** Keys an organisation is found by exactly: its full name, the name without 大连(市), its aliases. */
function exactKeys(org: Org): { key: string; via: 'name' | 'alias' }[] {
  const full = nameKey(org.name)
  const keys: { key: string; via: 'name' | 'alias' }[] = [{ key: full, via: 'name' }]
  const short = full.replace(CITY_PREFIX, '')
  if (short !== full && [...short].length >= 2) keys.push({ key: short, via: 'name' })
  for (const a of org.aliases) keys.push({ key: nameKey(a), via: 'alias' })
  return keys
}

/** The registry of organisations: the 30 sites and the 工会/团委/妇联 above them. */
export class Roster {
  private readonly byId = new Map<string, Org>()
  private readonly byNo = new Map<number, Org>()
  private readonly exact = new Map<string, { org: Org; via: 'name' | 'alias' }>()
  /** Every key of every organisation, computed once: the loose tiers scan them. */
  private readonly keysOf = new Map<string, string[]>()

  constructor(readonly orgs: readonly Org[]) {
    for (const org of orgs) {
      if (this.byId.has(org.id)) throw new Error(`名单中编号重复：${org.id}`)
      if (this.byNo.has(org.no)) throw new Error(`名单中序号重复：${org.no}`)
      this.byId.set(org.id, org)
      this.byNo.set(org.no, org)
      const keys = exactKeys(org)
      this.keysOf.set(
        org.id,
        keys.map((k) => k.key),
      )
      for (const { key, via } of keys) {
        const seen = this.exact.get(key)
        if (seen && seen.org.id !== org.id) {
          throw new Error(`名单中简称“${key}”同时指向“${seen.org.name}”和“${org.name}”`)
        }
        if (!seen || via === 'name') this.exact.set(key, { org, via })
      }
    }
  }

  get(id: string): Org | undefined {
    return this.byId.get(id)
  }

  /** Active demonstration sites, in 编号 order. */
  sites(): Site[] {
    return this.orgs.filter((o): o is Site => o.kind === 'site' && !o.retired)
  }

  /** Finds an organisation by what a person typed: name, alias, 编号, part of a name, or close to one. */
  lookup(input: string, opts: { includeRetired?: boolean } = {}): LookupResult {
    const key = nameKey(input)
    if (key === '') return { kind: 'unknown', suggestions: [] }
    const usable = (o: Org) => !o.retired || opts.includeRetired === true
    const active = this.orgs.filter(usable)

    const no = parseNo(key)
    if (no !== null) {
      const org = this.byNo.get(no)
      return org && usable(org) ? { kind: 'found', org, via: 'number' } : { kind: 'unknown', suggestions: [] }
    }

    const hit = this.exact.get(key) ?? this.exact.get(key.replace(CITY_PREFIX, ''))
    if (hit && usable(hit.org)) return { kind: 'found', org: hit.org, via: hit.via }

    if ([...key].length < 2) return { kind: 'unknown', suggestions: [] }

    const tiers: ['substring' | 'subsequence', (k: string) => boolean][] = [
      ['substring', (k) => k.includes(key)],
      ['subsequence', (k) => isSubsequence(key, k)],
    ]
    for (const [via, test] of tiers) {
      const found = active.filter((org) => this.keysOf.get(org.id)!.some(test))
      if (found.length === 1) return { kind: 'found', org: found[0]!, via }
      if (found.length > 1) return { kind: 'ambiguous', candidates: found }
    }

    const scored = active
      .map((org) => ({ org, score: Math.max(...this.keysOf.get(org.id)!.map((k) => similarity(key, k))) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.org.no - b.org.no)
    const best = scored[0]
    const second = scored[1]
    if (best && best.score >= 0.75 && (!second || best.score - second.score >= 0.2)) {
      return { kind: 'found', org: best.org, via: 'fuzzy' }
    }
    return {
      kind: 'unknown',
      suggestions: scored
        .filter((s) => s.score >= 0.3)
        .slice(0, 3)
        .map((s) => s.org),
    }
  }
}

/** A line word at the end of an organisation as typed: 日新街道工会 → 日新街道 + 工会. */
const LINE_SUFFIXES: [RegExp, Line][] = [
  [/(总工会|工会)$/, '工会'],
  [/(团委|团区委|团市委|团县委|团工委|共青团|团支部|团总支)$/, '团委'],
  [/(妇女联合会|妇联|妇委会)$/, '妇联'],
]

/** Reads a line word (工会/团委/妇联 and their longer forms); null when it is none. */
export function parseLine(word: string): Line | null {
  const k = nameKey(word)
  if ((LINES as readonly string[]).includes(k)) return k as Line
  for (const [re, line] of LINE_SUFFIXES) if (re.test(k) && k.replace(re, '') === '') return line
  return null
}

/** Splits a trailing line word off an organisation as typed. */
export function splitLineSuffix(input: string): { rest: string; line: Line } | null {
  const k = nameKey(input)
  for (const [re, line] of LINE_SUFFIXES) {
    const rest = k.replace(re, '')
    if (rest !== k && rest.length > 0) return { rest, line }
  }
  return null
}
