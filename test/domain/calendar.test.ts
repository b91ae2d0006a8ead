import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  addMonths,
  lateDeadline,
  monthOf,
  monthRange,
  parseMonth,
  shanghaiDayStart,
} from '../../src/domain/calendar.js'

describe('months in Asia/Shanghai, with the process in UTC', () => {
  const tz = process.env['TZ']
  beforeAll(() => {
    process.env['TZ'] = 'UTC'
  })
  afterAll(() => {
    process.env['TZ'] = tz
  })

  it('puts a report sent just before midnight on the last day in that month, and just after in the next', () => {
    // 2026-11-30 23:59:59 in Dalian is 15:59:59 UTC; one second later it is December there.
    expect(new Date('2026-11-30T15:59:59Z').getUTCDate()).toBe(30)
    expect(monthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11')
    expect(monthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12')
    // The UTC date is still 30 November, the month in Dalian is December.
    expect(monthOf(new Date('2026-11-30T20:00:00Z'))).toBe('2026-12')
    expect(monthOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01')
    expect(monthOf(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03')
    expect(monthOf(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02')
  })

  it('reads the month forms people type', () => {
    expect(parseMonth('2026-10')).toBe('2026-10')
    expect(parseMonth('2026-9')).toBe('2026-09')
    expect(parseMonth('2026年10月')).toBe('2026-10')
    expect(parseMonth('２０２６－１０')).toBe('2026-10')
    expect(parseMonth('202610')).toBe('2026-10')
    expect(parseMonth('2026-13')).toBeNull()
    expect(parseMonth('十月')).toBeNull()
    expect(parseMonth('2026.10')).toBe('2026-10')
    expect(parseMonth('2026/10')).toBe('2026-10')
    expect(parseMonth('2026年十月')).toBe('2026-10')
  })

  it('reads year-less months against now: a later month than the current one is last year’s', () => {
    const now = new Date('2026-11-24T02:00:00Z')
    expect(parseMonth('10月', now)).toBe('2026-10')
    expect(parseMonth('十月', now)).toBe('2026-10')
    expect(parseMonth('十一月', now)).toBe('2026-11')
    expect(parseMonth('12月', now)).toBe('2025-12')
    expect(parseMonth('本月', now)).toBe('2026-11')
    expect(parseMonth('上月', now)).toBe('2026-10')
    expect(parseMonth('上个月', new Date('2026-01-05T02:00:00Z'))).toBe('2025-12')
    expect(parseMonth('１０月', now)).toBe('2026-10')
    expect(parseMonth('13月', now)).toBeNull()
    expect(parseMonth('十三月', now)).toBeNull()
    expect(parseMonth('10', now)).toBeNull()
  })

  it('counts months across years', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01')
    expect(addMonths('2026-01', -1)).toBe('2025-12')
    expect(monthRange('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02'])
    expect(shanghaiDayStart(2026, 12, 1).toISOString()).toBe('2026-11-30T16:00:00.000Z')
  })

  it('closes 补报 for a month at the end of day N of the next month, Dalian time', () => {
    expect(lateDeadline('2026-10', 5).toISOString()).toBe('2026-11-05T16:00:00.000Z')
    expect(lateDeadline('2026-12', 5).toISOString()).toBe('2027-01-05T16:00:00.000Z')
    expect(lateDeadline('2026-10', 0).toISOString()).toBe('2026-10-31T16:00:00.000Z')
  })
})
