/** Holidays by rule for a year the library lacks: the lunar and 清明 dates, and the days the 2024 law gives. */
import { describe, expect, it } from 'vitest'
import { chineseDaysCalendar, movableDates, statutoryOf } from '../../src/calendar/chinese-days.js'
import { daysOfYear, isWorkdayIn, missingYears } from '../../src/domain/holidays.js'

const SPRING: Record<number, string> = {
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
}
const QINGMING: Record<number, string> = {
  2025: '2025-04-04',
  2026: '2026-04-05',
  2027: '2027-04-05',
  2028: '2028-04-04',
  2029: '2029-04-04',
  2030: '2030-04-05',
  2031: '2031-04-05',
  2032: '2032-04-04',
  2033: '2033-04-04',
  2034: '2034-04-05',
  2035: '2035-04-05',
}

describe('statutory holidays by rule', () => {
  it('Spring Festival and 清明 2025–2035 as published', () => {
    for (let y = 2025; y <= 2035; y++) {
      expect(movableDates(y).springFestival).toBe(SPRING[y])
      expect(movableDates(y).qingming).toBe(QINGMING[y])
    }
  })

  it('every computed day of 2025 and 2026 is a day off in the official schedule', () => {
    for (const y of [2025, 2026]) {
      const computed = statutoryOf(y)
      const off = daysOfYear(y).filter((d) => !isWorkdayIn(computed, d) && new Date(d).getUTCDay() % 6 !== 0)
      expect(off.length).toBeGreaterThanOrEqual(8)
      for (const d of off) expect(chineseDaysCalendar.isWorkday(d)).toBe(false)
    }
  })

  it('2027: 元旦, 春节 (除夕 to 初三), 劳动节 and 国庆 by the 2024 law; no 调休 known', () => {
    const y = statutoryOf(2027)
    expect(y.holidays.find((h) => h.name === '春节')).toEqual({
      name: '春节',
      from: '2027-02-05',
      to: '2027-02-08',
    })
    expect(y.workdays).toEqual([])
    expect(chineseDaysCalendar.hasData(2027)).toBe(false)
    expect(chineseDaysCalendar.isWorkday('2027-01-01')).toBe(false)
    expect(chineseDaysCalendar.isWorkday('2027-10-01')).toBe(false)
    expect(chineseDaysCalendar.isWorkday('2027-01-04')).toBe(true)
    expect(chineseDaysCalendar.statutory?.(2027)?.holidays).toHaveLength(7)
    expect(chineseDaysCalendar.statutory?.(2026)).toBeNull()
  })

  it('the years admins should enter: the current one, and from December the next', () => {
    expect(missingYears('2026-11-20', chineseDaysCalendar)).toEqual([])
    expect(missingYears('2026-12-01', chineseDaysCalendar)).toEqual([2027])
  })
})
