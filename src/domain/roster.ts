import type { Line, Org, Site } from './types.js'
import { LINES } from './types.js'
import { LINE_WORDS } from './vocabulary.js'
import { parseNo } from './numbers.js'
import type { Bigrams } from './text.js'
import { bigramsOf, closenessOf, codesOf, nameKey, similarityOf, subsequenceOf } from './text.js'

export type LookupResult =
  | { kind: 'found'; org: Org; via: 'name' | 'alias' | 'number' | 'substring' | 'subsequence' | 'fuzzy' }
  | { kind: 'ambiguous'; candidates: Org[] }
  /** `retired`: a site that has left the network goes by exactly what was typed. */
  | { kind: 'unknown'; suggestions: Org[]; retired?: Org }

const CITY_PREFIX = /^(大连市|大连)/

/** Keys an organisation is found by exactly: its full name, the name without 大连(市), its aliases. */
export function exactKeys(org: Org): { key: string; via: 'name' | 'alias' }[] {
  const full = nameKey(org.name)
  const keys: { key: string; via: 'name' | 'alias' }[] = [{ key: full, via: 'name' }]
  const short = full.replace(CITY_PREFIX, '')
  if (short !== full && [...short].length >= 2) keys.push({ key: short, via: 'name' })
  for (const a of org.aliases) keys.push({ key: nameKey(a), via: 'alias' })
  return keys
}

/** A key as the partial and fuzzy tiers compare it, split once: its text, code points and bigrams. */
interface PreparedKey {
  /** The organisation's place in the roster. */
  at: number
  text: string
  codes: number[]
  grams: Bigrams
}

/**
 * Keys by the characters and bigrams they hold. A key that does not hold every character of what was
 * typed cannot contain it (as a substring or a subsequence); one that shares no character with it
 * has closeness 0 (every character edited), one that shares no bigram has similarity 0. So the
 * partial and fuzzy tiers compare only the keys the index names: the rest would score 0.
 */
class KeyIndex {
  readonly keys: PreparedKey[] = []
  private readonly withCode = new Map<number, number[]>()
  private readonly withGram = new Map<string, number[]>()

  add(at: number, text: string): void {
    const key = { at, text, codes: codesOf(text), grams: bigramsOf(text) }
    const id = this.keys.push(key) - 1
    for (const c of new Set(key.codes)) push(this.withCode, c, id)
    for (const g of key.grams.counts.keys()) push(this.withGram, g, id)
  }

  /** The keys sharing a character with `codes` (`any`), and those holding every character of it (`all`). */
  sharingCode(codes: readonly number[]): { any: PreparedKey[]; all: PreparedKey[] } {
    const counts = new Uint16Array(this.keys.length)
    const distinct = new Set(codes)
    const any: PreparedKey[] = []
    const all: PreparedKey[] = []
    for (const c of distinct)
      for (const id of this.withCode.get(c) ?? []) {
        const n = ++counts[id]!
        if (n === 1) any.push(this.keys[id]!)
        if (n === distinct.size) all.push(this.keys[id]!)
      }
    return { any, all }
  }

  /** The keys sharing a bigram with `grams`. */
  sharingGram(grams: Bigrams): PreparedKey[] {
    const seen = new Uint8Array(this.keys.length)
    const keys: PreparedKey[] = []
    for (const g of grams.counts.keys())
      for (const id of this.withGram.get(g) ?? []) {
        if (seen[id] === 0) keys.push(this.keys[id]!)
        seen[id] = 1
      }
    return keys
  }
}

function push<K>(map: Map<K, number[]>, at: K, id: number): void {
  const list = map.get(at)
  if (list) list.push(id)
  else map.set(at, [id])
}

/** Why a roster is not valid: the sentence comes from the messages (`rosterProblem`). */
export type RosterProblem =
  | { code: 'DUPLICATE_ID'; id: string }
  | { code: 'DUPLICATE_NO'; no: number }
  | { code: 'ALIAS_CLASH'; key: string; first: string; second: string }

export class RosterError extends Error {
  constructor(readonly problem: RosterProblem) {
    super(`roster invalid: ${JSON.stringify(problem)}`)
    this.name = 'RosterError'
  }
}

/**
 * A key without the words of administrative rank that people insert or leave out: 区, 街道, 社区,
 * 村 (and 园区) anywhere, 有限公司 / 集团 / 公司 at the end, 大连(市) at the start. The notice writes
 * 大连市甘井子大连湾李家村; people type 甘井子区大连湾街道李家村: both are 甘井子大连湾李家.
 */
export function looseKey(key: string): string {
  const k = key
    .replace(/(股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)+$/, '')
    .replace(/街道|社区|村委会|村民委员会|园区|村|区/g, '')
  const short = k.replace(CITY_PREFIX, '')
  return [...short].length >= 2 ? short : k
}

/** The registry of organisations: the 30 sites and the 工会/团委/妇联 above them. */
export class Roster {
  private readonly byId = new Map<string, Org>()
  private readonly byNo = new Map<number, Org>()
  private readonly exact = new Map<string, { org: Org; via: 'name' | 'alias' }>()
  /** Every key of every organisation, and without rank words: what the partial and fuzzy tiers compare. */
  private readonly keyIndex = new KeyIndex()
  private readonly looseIndex = new KeyIndex()
  /** Every key without rank words (see looseKey), to the one organisation it names. */
  private readonly loose = new Map<string, Org>()

  constructor(readonly orgs: readonly Org[]) {
    for (const [at, org] of orgs.entries()) {
      if (this.byId.has(org.id)) throw new RosterError({ code: 'DUPLICATE_ID', id: org.id })
      if (this.byNo.has(org.no)) throw new RosterError({ code: 'DUPLICATE_NO', no: org.no })
      this.byId.set(org.id, org)
      this.byNo.set(org.no, org)
      const keys = exactKeys(org)
      for (const { key } of keys) this.keyIndex.add(at, key)
      for (const { key, via } of keys) {
        const seen = this.exact.get(key)
        if (seen && seen.org.id !== org.id) {
          throw new RosterError({ code: 'ALIAS_CLASH', key, first: seen.org.name, second: org.name })
        }
        if (!seen || via === 'name') this.exact.set(key, { org, via })
      }
      const looseKeys = [...new Set(keys.map((k) => looseKey(k.key)))].filter((k) => [...k].length >= 2)
      for (const key of looseKeys) this.looseIndex.add(at, key)
      for (const key of looseKeys) {
        const seen = this.loose.get(key)
        if (seen && seen.id !== org.id) {
          throw new RosterError({ code: 'ALIAS_CLASH', key, first: seen.name, second: org.name })
        }
        this.loose.set(key, org)
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
      // A line organisation's number from before the sites after 30 (31–78) still finds it.
      const former = this.get(`O${no}`)
      const org = this.byNo.get(no) ?? (former?.kind !== 'site' ? former : undefined)
      if (org && usable(org)) return { kind: 'found', org, via: 'number' }
      if (org) return { kind: 'unknown', suggestions: [], retired: org }
      // No such 编号: 365 may still be a name (365中心).
    }

    const hit = this.exact.get(key) ?? this.exact.get(key.replace(CITY_PREFIX, ''))
    if (hit && usable(hit.org)) return { kind: 'found', org: hit.org, via: hit.via }
    if (hit) return { kind: 'unknown', suggestions: [], retired: hit.org }

    if ([...key].length < 2) return { kind: 'unknown', suggestions: [] }

    // The full forms people type: 区 / 街道 / 社区 / 村 written or left out, 有限公司 added.
    const loose = looseKey(key)
    const looseHit = this.loose.get(loose)
    if (looseHit && usable(looseHit)) return { kind: 'found', org: looseHit, via: 'alias' }

    // Only keys holding every character typed can contain it (as a substring or a subsequence).
    const codes = codesOf(key)
    const sharing = this.keyIndex.sharingCode(codes)
    const looseCodes = codesOf(loose)
    const tiers: ['substring' | 'subsequence', () => PreparedKey[]][] = [
      ['substring', () => sharing.all.filter((k) => k.text.includes(key))],
      ['subsequence', () => sharing.all.filter((k) => subsequenceOf(codes, k.codes))],
      [
        'subsequence',
        () => this.looseIndex.sharingCode(looseCodes).all.filter((k) => subsequenceOf(looseCodes, k.codes)),
      ],
    ]
    for (const [via, keys] of tiers) {
      const orgs = new Set(keys().map((k) => this.orgs[k.at]!))
      const found = active.filter((o) => orgs.has(o))
      if (found.length === 1) return { kind: 'found', org: found[0]!, via }
      if (found.length > 1) return { kind: 'ambiguous', candidates: found }
    }

    return this.closest(key, codes, sharing.any, usable)
  }

  /** No exact, loose or partial match: the one close enough, else up to three suggestions, closest first. */
  private closest(
    key: string,
    codes: readonly number[],
    sharingCode: readonly PreparedKey[],
    usable: (org: Org) => boolean,
  ): LookupResult {
    const grams = bigramsOf(key)
    // Only keys sharing a bigram score above 0, only keys sharing a character are close at all:
    // an organisation with neither scores 0 and is never a suggestion.
    const score = new Float64Array(this.orgs.length)
    const close = new Float64Array(this.orgs.length)
    for (const k of this.keyIndex.sharingGram(grams))
      score[k.at] = Math.max(score[k.at]!, similarityOf(grams, k.grams))
    for (const k of sharingCode) close[k.at] = Math.max(close[k.at]!, closenessOf(codes, k.codes))
    const scored = this.orgs
      .map((org, at) => ({ org, score: score[at]!, close: close[at]! }))
      .filter((s) => usable(s.org))
      .filter((s) => s.score > 0 || s.close >= 0.5)
      .sort((a, b) => b.score - a.score || a.org.no - b.org.no)
    const best = scored[0]
    const second = scored[1]
    if (best && best.score >= 0.75 && (!second || best.score - second.score >= 0.2)) {
      return { kind: 'found', org: best.org, via: 'fuzzy' }
    }
    return {
      kind: 'unknown',
      // The closest first: one character off (日信街道 → 日新街道) before a shared 街道.
      suggestions: scored
        .filter((s) => s.score >= 0.3 || s.close >= 0.5)
        .sort((a, b) => b.close - a.close || b.score - a.score || a.org.no - b.org.no)
        .slice(0, 3)
        .map((s) => s.org),
    }
  }
}

/** A line word at the end of an organisation as typed: 日新街道工会 → 日新街道 + 工会. */
const LINE_SUFFIXES: [RegExp, Line][] = [
  [/(总工会|工会)$/, LINE_WORDS[0]],
  [/(团委|团区委|团市委|团县委|团工委|共青团|团支部|团总支)$/, LINE_WORDS[1]],
  [/(妇女联合会|妇联|妇委会)$/, LINE_WORDS[2]],
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
