import { describe, expect, it } from 'vitest'
import { parsePeriod, periodMonths } from '../../src/domain/periods.js'
import { exportFileName, periodLabel } from '../../src/messages/export.js'

describe('periods as people write them', () => {
  it.each([
    ['2026-11', 'month', '2026-11', '2026-11', '2026年11月'],
    ['2026年11月', 'month', '2026-11', '2026-11', '2026年11月'],
    ['２０２６年３月', 'month', '2026-03', '2026-03', '2026年3月'],
    ['2026上半年', 'half', '2026-01', '2026-06', '2026上半年'],
    ['2026年下半年', 'half', '2026-07', '2026-12', '2026下半年'],
    ['2026年', 'year', '2026-01', '2026-12', '2026年'],
    ['2026', 'year', '2026-01', '2026-12', '2026年'],
    [' 2017-2026 ', 'years', '2017-01', '2026-12', '2017—2026年'],
  ])('%s', (input, kind, from, to, label) => {
    const p = parsePeriod(input)
    expect(p).toEqual({ kind, from, to })
    expect(periodLabel(p!)).toBe(label)
  })

  it.each(['2026-13', '2026年中', '下半年', '26', '2026-2020', 'abc', ''])('rejects %s', (input) => {
    expect(parsePeriod(input)).toBeNull()
  })

  it('names the file after the period', () => {
    expect(exportFileName(parsePeriod('2026-11')!)).toBe('工青妇示范点创建信息_2026年11月.xlsx')
    expect(exportFileName(parsePeriod('2026上半年')!)).toBe('工青妇示范点创建信息_2026上半年.xlsx')
  })
})

describe('the months of a period that have begun', () => {
  // 2026-11-30T17:00Z is already 1 December in Shanghai.
  const now = new Date('2026-11-30T17:00:00Z')

  it('leaves out months after the current one, in Shanghai time', () => {
    const months = periodMonths(parsePeriod('2026下半年')!, now, '2026-09')
    expect(months.map((m) => m.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ])
    expect(months.filter((m) => m.beforeTracking).map((m) => m.month)).toEqual(['2026-07', '2026-08'])
    expect(months.filter((m) => m.current).map((m) => m.month)).toEqual(['2026-12'])
  })

  it('clips a year in progress and is empty for a future period', () => {
    const early = new Date('2026-03-10T00:00:00Z')
    expect(periodMonths(parsePeriod('2026')!, early).map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ])
    expect(periodMonths(parsePeriod('2026下半年')!, early)).toEqual([])
    expect(periodMonths(parsePeriod('2025')!, early).every((m) => !m.beforeTracking && !m.current)).toBe(true)
  })
})
