import { describe, expect, it } from 'vitest'
import { builtinRoster } from '../../src/domain/roster-data.js'
import type { LookupResult } from '../../src/domain/roster.js'
import { exactKeys, looseKey, Roster } from '../../src/domain/roster.js'
import { closeness, isSubsequence, nameKey, similarity } from '../../src/domain/text.js'
import type { Org } from '../../src/domain/types.js'
import { LOOKUP_QUERIES } from '../../bench/synthetic.js'

/**
 * The partial and fuzzy tiers of Roster.lookup compare only the keys a character/bigram index names.
 * The oracle here is the plain scan they replaced: every key of every organisation compared with
 * what was typed. Both must give the same answer, organisations in the same order.
 */
function scanTiers(orgs: readonly Org[], input: string, includeRetired: boolean): LookupResult | null {
  const key = nameKey(input)
  const active = orgs.filter((o) => !o.retired || includeRetired)
  const keysOf = (org: Org) => KEYS.get(org)!
  const looseOf = (org: Org) => [...new Set(keysOf(org).map(looseKey))].filter((k) => [...k].length >= 2)
  const loose = looseKey(key)
  const tiers: ['substring' | 'subsequence', (org: Org) => boolean][] = [
    ['substring', (org) => keysOf(org).some((k) => k.includes(key))],
    ['subsequence', (org) => keysOf(org).some((k) => isSubsequence(key, k))],
    ['subsequence', (org) => looseOf(org).some((k) => isSubsequence(loose, k))],
  ]
  for (const [via, test] of tiers) {
    const found = active.filter(test)
    if (found.length === 1) return { kind: 'found', org: found[0]!, via }
    if (found.length > 1) return { kind: 'ambiguous', candidates: found }
  }
  const scored = active
    .map((org) => ({
      org,
      score: Math.max(...keysOf(org).map((k) => similarity(key, k))),
      close: Math.max(...keysOf(org).map((k) => closeness(key, k))),
    }))
    .filter((s) => s.score > 0 || s.close >= 0.5)
    .sort((a, b) => b.score - a.score || a.org.no - b.org.no)
  const [best, second] = scored
  if (best && best.score >= 0.75 && (!second || best.score - second.score >= 0.2))
    return { kind: 'found', org: best.org, via: 'fuzzy' }
  return {
    kind: 'unknown',
    suggestions: scored
      .filter((s) => s.score >= 0.3 || s.close >= 0.5)
      .sort((a, b) => b.close - a.close || b.score - a.score || a.org.no - b.org.no)
      .slice(0, 3)
      .map((s) => s.org),
  }
}

const names = (r: LookupResult) =>
  r.kind === 'found'
    ? `found ${r.via} ${r.org.id}`
    : r.kind === 'ambiguous'
      ? `ambiguous ${r.candidates.map((o) => o.id).join(',')}`
      : `unknown ${r.suggestions.map((o) => o.id).join(',')}${r.retired ? ` retired ${r.retired.id}` : ''}`

/** The bench's mixed inputs and forms the roster tests type. */
const TYPED = [
  ...LOOKUP_QUERIES,
  '日信街道',
  '甘井子区大连湾街道李家村',
  '大连市西岗区日新街道工会',
  '365中心',
  '白山',
  '港',
  '大连',
  '街道',
  '社区',
  '中山区人民路',
  '马桥',
  '高新园区',
  '石河',
  '李家',
  '龙王',
  'ＡＢＣ',
  '东芝（大连）',
]

/** Every key of every organisation, computed once (the scan is slow enough without). */
const KEYS = new Map<Org, string[]>()
const key = (org: Org) => exactKeys(org).map((k) => k.key)

/** Keys of every organisation cut and changed the ways people mistype: about 500, spread evenly. */
function variants(orgs: readonly Org[]): string[] {
  const out = new Set<string>(TYPED)
  for (const org of orgs)
    for (const { key } of exactKeys(org)) {
      const chars = [...key]
      for (let i = 0; i < chars.length; i++) {
        out.add(chars.slice(i, i + 3).join(''))
        out.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''))
        out.add([...chars.slice(0, i), '新', ...chars.slice(i + 1)].join(''))
        out.add(chars.filter((_, j) => j % 2 === i % 2).join(''))
      }
    }
  const all = [...out]
  const step = Math.max(1, Math.floor(all.length / 500))
  return all.filter((_, i) => i % step === 0)
}

describe('Roster.lookup through its key index', () => {
  const { sites, lineOrgs } = builtinRoster()
  const orgs = [...sites, ...lineOrgs]
  for (const org of orgs) KEYS.set(org, key(org))

  it('answers as a scan of every key does, for the bench inputs and 500 mistyped keys', () => {
    const roster = new Roster(orgs)
    const inputs = variants(orgs)
    expect(inputs.length).toBeGreaterThan(450)
    let compared = 0
    for (const input of inputs) {
      const got = roster.lookup(input)
      const key = nameKey(input)
      // The number, exact and loose tiers come before the scan and did not change.
      if (got.kind === 'found' && ['number', 'name', 'alias'].includes(got.via)) continue
      if (got.kind === 'unknown' && got.retired) continue
      if ([...key].length < 2) continue
      compared++
      expect(names(got), input).toBe(names(scanTiers(orgs, input, false)!))
    }
    expect(compared).toBeGreaterThan(250)
  })

  it('leaves a retired site out of the partial and fuzzy answers unless asked', () => {
    const retiring = orgs.map((o) => (o.kind === 'site' && o.no === 11 ? { ...o, retired: true } : o))
    for (const org of retiring) KEYS.set(org, key(org))
    const roster = new Roster(retiring)
    for (const input of ['辛赛子街道', '辛寨', '甘井子辛', '寨子街']) {
      for (const includeRetired of [false, true]) {
        const got = roster.lookup(input, { includeRetired })
        expect(names(got), input).toBe(names(scanTiers(retiring, input, includeRetired)!))
      }
    }
    expect(names(roster.lookup('辛赛子街道'))).not.toContain('S11')
  })

  it('still suggests the site one character off first (日信街道 → 日新街道)', () => {
    const got = new Roster(orgs).lookup('辛赛子街道')
    expect(got.kind).toBe('unknown')
    if (got.kind === 'unknown') expect(got.suggestions[0]?.name).toBe('大连市甘井子区辛寨子街道')
  })
})
