import { describe, expect, it } from 'vitest'
import { builtinRoster } from '../../src/domain/roster-data.js'
import {
  activeSitesFor,
  aliasesAfterRename,
  applyChange,
  historyFromRoster,
  lastDay,
  orgsOn,
  rosterOn,
} from '../../src/domain/roster-history.js'
import {
  parsePeriod,
  parseReportKind,
  parseSixItem,
  parseSixState,
  periodMonths,
  previousPeriod,
} from '../../src/domain/records.js'
import { base, meta, must, sampleHistory } from '../support/records-fixtures.js'

describe('roster history', () => {
  it('keeps past months as they were: a site retired in July counts until June, one added in August from September', () => {
    const { history, added } = sampleHistory()
    const ids = (m: string) => activeSitesFor(history, m).map((s) => s.id)
    expect(ids('2026-06')).toContain('S06')
    expect(ids('2026-06')).toHaveLength(30)
    expect(ids('2026-07')).not.toContain('S06')
    expect(ids('2026-07')).toHaveLength(29)
    expect(ids('2026-08')).not.toContain(added.id) // in the network only from the 10th
    expect(ids('2026-09')).toContain(added.id)
    expect(ids('2026-09')).toHaveLength(30)
    expect(added.no).toBe(31)
  })

  it('a move takes effect from its date: September keeps the old group', () => {
    const { history } = sampleHistory()
    expect(activeSitesFor(history, '2026-09').find((s) => s.id === 'S05')?.group).toBe(2)
    expect(activeSitesFor(history, '2026-10').find((s) => s.id === 'S05')?.group).toBe(3)
  })

  it('a site retired in the middle of a month does not count in that month, nor after', () => {
    const h = must(base(), { kind: 'retire', orgId: 'S02', ...meta(1, '2026-03-15') })
    expect(activeSitesFor(h, '2026-02').map((s) => s.id)).toContain('S02')
    expect(activeSitesFor(h, '2026-03').map((s) => s.id)).not.toContain('S02')
    expect(orgsOn(h, '2026-03-14').find((o) => o.id === 'S02')?.retired).toBeUndefined()
    expect(orgsOn(h, '2026-03-15').find((o) => o.id === 'S02')?.retired).toBe(true)
  })

  it('refuses changes that change nothing or break the roster', () => {
    const { history } = sampleHistory()
    const retireAgain = applyChange(history, { kind: 'retire', orgId: 'S06', ...meta(9, '2026-09-01') })
    expect(retireAgain.ok ? null : retireAgain.error.code).toBe('ALREADY_RETIRED')
    const notRetired = applyChange(history, { kind: 'restore', orgId: 'S01', ...meta(9, '2026-09-01') })
    expect(notRetired.ok ? null : notRetired.error.code).toBe('NOT_RETIRED')
    const sameGroup = applyChange(history, { kind: 'move', orgId: 'S01', group: 1, ...meta(9, '2026-09-01') })
    expect(sameGroup.ok ? null : sameGroup.error.code).toBe('SAME_GROUP')
    const lineOrg = applyChange(history, { kind: 'retire', orgId: 'O31', ...meta(9, '2026-09-01') })
    expect(lineOrg.ok ? null : lineOrg.error.code).toBe('NOT_A_SITE')
    // An alias already used by 大船 collides.
    const clash = applyChange(history, {
      kind: 'rename',
      orgId: 'S02',
      name: '大连市旅顺口区得胜街道办事处',
      aliases: ['大船'],
      ...meta(9, '2026-09-01'),
    })
    expect(clash.ok ? null : clash.error).toMatchObject({
      code: 'NAME_TAKEN',
      word: '大船',
      other: { id: 'S04' },
    })
  })

  it('a rename keeps the old name findable', () => {
    const { history } = sampleHistory()
    const site = activeSitesFor(history, '2026-09').find((s) => s.id === 'S02')!
    const h = must(history, {
      kind: 'rename',
      orgId: 'S02',
      name: '大连市旅顺口区得胜街道办事处',
      aliases: aliasesAfterRename(site, '大连市旅顺口区得胜街道办事处'),
      ...meta(4, '2026-11-01'),
    })
    const r = rosterOn(h, '2026-11-02')
    const hit = r.lookup('大连市旅顺口区得胜街道')
    expect(hit.kind === 'found' && hit.org.id).toBe('S02')
    expect(activeSitesFor(h, '2026-10').find((s) => s.id === 'S02')?.name).toBe('大连市旅顺口区得胜街道')
  })

  it('the migration carries retired flags as withdrawals from the first tracked month', () => {
    const { sites, lineOrgs } = builtinRoster()
    const orgs = [...sites.map((s) => (s.id === 'S07' ? { ...s, retired: true } : s)), ...lineOrgs]
    const h = historyFromRoster(orgs, '2026-05', '2026-11-24T02:00:00.000Z')
    expect(h.base.every((o) => o.retired === undefined)).toBe(true)
    expect(h.changes).toEqual([
      expect.objectContaining({ kind: 'retire', orgId: 'S07', from: '2026-05-01', seq: 1 }),
    ])
    expect(activeSitesFor(h, '2026-05').map((s) => s.id)).not.toContain('S07')
    expect(activeSitesFor(h, '2026-04').map((s) => s.id)).toContain('S07')
  })

  it('knows the last day of each month', () => {
    expect(lastDay('2026-02')).toBe('2026-02-28')
    expect(lastDay('2028-02')).toBe('2028-02-29')
    expect(lastDay('2026-12')).toBe('2026-12-31')
  })
})

describe('record words', () => {
  it('reads states, items, kinds and half-years as people type them', () => {
    expect(parseSixState('达标')).toBe('已达标')
    expect(parseSixState('完成')).toBe('已达标')
    expect(parseSixState('在建')).toBe('建设中')
    expect(parseSixState('未达标')).toBe('未达标')
    expect(parseSixState('差不多')).toBeNull()
    expect(parseSixItem('有阵地')).toBe('有阵地')
    expect(parseSixItem('阵地')).toBe('有阵地')
    expect(parseSixItem('6')).toBe('有特色')
    expect(parseSixItem('有钱')).toBeNull()
    expect(parseReportKind('自选')).toBe('自选动作')
    expect(parseReportKind('宣传')).toBe('宣传报道')
    expect(parseReportKind('随便')).toBeNull()
    expect(parsePeriod('2026上半年')).toBe('2026-H1')
    expect(parsePeriod('2026年下半年')).toBe('2026-H2')
    expect(parsePeriod('2026H2')).toBe('2026-H2')
    expect(parsePeriod('2026')).toBeNull()
    expect(periodMonths('2026-H2')).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ])
    expect(previousPeriod('2027-01')).toBe('2026-H2')
    expect(previousPeriod('2026-07')).toBe('2026-H1')
  })
})
