import { describe, expect, it } from 'vitest'
import { isMonthDay, parseTimeOfDay } from '../../src/domain/time-rules.js'

describe('one rule for times and days', () => {
  it('reads times of day as people type them and refuses impossible ones', () => {
    expect(parseTimeOfDay('9:30')).toBe('09:30')
    expect(parseTimeOfDay('09：30')).toBe('09:30')
    expect(parseTimeOfDay('１５:３０')).toBe('15:30')
    expect(parseTimeOfDay('24:00')).toBeNull()
    expect(parseTimeOfDay('12:60')).toBeNull()
    expect(parseTimeOfDay('noon')).toBeNull()
  })

  it('takes days of the month that every month has', () => {
    expect([1, 28].map(isMonthDay)).toEqual([true, true])
    expect([0, 29, 31, 2.5].map(isMonthDay)).toEqual([false, false, false, false])
  })
})
