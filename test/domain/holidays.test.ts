import { describe, expect, it } from 'vitest'
import { applyHolidayCommand, parseHolidayCommand, parseDay } from '../../src/domain/holiday-input.js'
import { diffYear, layeredCalendar, WEEKDAYS_ONLY, type HolidayYear } from '../../src/domain/holidays.js'
import { workdaysOf } from '../../src/domain/workdays.js'
import { HOLIDAY_WORDS } from '../../src/messages/holidays.js'

const parse = (line: string) => parseHolidayCommand(line.split(' '), HOLIDAY_WORDS)

describe('parsing #节假日', () => {
  it('reads a holiday in every accepted date form', () => {
    const want = { op: 'holiday', year: 2027, period: { name: '春节', from: '2027-02-06', to: '2027-02-14' } }
    for (const line of [
      '2027 春节 2027-02-06至2027-02-14 放假',
      '2027 春节 2027-02-06~2027-02-14',
      '2027 春节 2027/2/6至2027/2/14 放假',
      '2027 春节 2027-02-06 至 2027-02-14 放假',
      '2027 春节 2027年2月6日至2月14日',
    ])
      expect(parse(line)).toEqual({ ok: true, value: want })
    expect(parse('2027 清明节 2027-04-05 放假')).toEqual({
      ok: true,
      value: { op: 'holiday', year: 2027, period: { name: '清明节', from: '2027-04-05', to: '2027-04-05' } },
    })
  })

  it('reads make-up workdays, the year alone, removal and clearing', () => {
    expect(parse('2027 调休上班 2027-02-20 2027/2/4')).toEqual({
      ok: true,
      value: { op: 'workdays', year: 2027, dates: ['2027-02-04', '2027-02-20'] },
    })
    expect(parse('2027')).toEqual({ ok: true, value: { op: 'show', year: 2027 } })
    expect(parse('2027 删除 春节')).toEqual({ ok: true, value: { op: 'remove', year: 2027, what: '春节' } })
    expect(parse('2027 删除 2027/2/20')).toEqual({
      ok: true,
      value: { op: 'remove', year: 2027, what: '2027-02-20' },
    })
    expect(parse('2027 清除')).toEqual({ ok: true, value: { op: 'clear', year: 2027 } })
  })

  it('refuses bad years, impossible dates, dates of another year, reversed and month-long ranges', () => {
    expect(parseHolidayCommand([], HOLIDAY_WORDS)).toEqual({ ok: false, error: { code: 'usage' } })
    expect(parse('27 春节 2027-02-06')).toMatchObject({ ok: false, error: { code: 'bad-year' } })
    expect(parse('2027 春节 2027-02-30')).toMatchObject({
      ok: false,
      error: { code: 'bad-date', word: '2027-02-30' },
    })
    expect(parse('2027 元旦 2026-12-31至2027-01-01')).toMatchObject({
      ok: false,
      error: { code: 'out-of-year', date: '2026-12-31' },
    })
    expect(parse('2027 调休上班 2028-01-02')).toMatchObject({ ok: false, error: { code: 'out-of-year' } })
    expect(parse('2027 春节 2027-02-14至2027-02-06')).toMatchObject({
      ok: false,
      error: { code: 'reversed' },
    })
    expect(parse('2027 春节 2027-02-01至2027-03-15')).toMatchObject({
      ok: false,
      error: { code: 'too-long' },
    })
    expect(parse('2027 春节')).toEqual({ ok: false, error: { code: 'usage' } })
    expect(parseDay('2027-13-01')).toBeNull()
  })
})

describe('applying #节假日', () => {
  const apply = (data: HolidayYear | undefined, line: string) => {
    const p = parse(line)
    if (!p.ok || p.value.op === 'show') throw new Error(line)
    return applyHolidayCommand(data, p.value)
  }
  const spring = apply(undefined, '2027 春节 2027-02-06至2027-02-14 放假')
  const base = spring.ok ? spring.value! : undefined

  it('refuses overlapping holidays and make-up workdays inside a holiday, and weekdays as make-up days', () => {
    expect(apply(base, '2027 元宵 2027-02-14至2027-02-15')).toMatchObject({
      ok: false,
      error: { code: 'overlap', name: '春节' },
    })
    expect(apply(base, '2027 调休上班 2027-02-07')).toMatchObject({
      ok: false,
      error: { code: 'workday-in-holiday', name: '春节' },
    })
    expect(apply(base, '2027 调休上班 2027-02-17')).toMatchObject({
      ok: false,
      error: { code: 'not-weekend' },
    })
    const withSat = apply(base, '2027 调休上班 2027-02-20')
    expect(withSat.ok && apply(withSat.value!, '2027 春节 2027-02-13至2027-02-21')).toMatchObject({
      ok: false,
      error: { code: 'holiday-over-workday', date: '2027-02-20' },
    })
  })

  it('replaces a holiday of the same name, removes items, and leaves nothing after the last one', () => {
    expect(apply(base, '2027 春节 2027-02-05至2027-02-13')).toEqual({
      ok: true,
      value: { holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-13' }], workdays: [] },
    })
    expect(apply(base, '2027 删除 国庆节')).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(apply(base, '2027 删除 春节')).toEqual({ ok: true, value: null })
    expect(apply(base, '2027 清除')).toEqual({ ok: true, value: null })
  })
})

describe('the layered calendar', () => {
  const entered: HolidayYear = {
    holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-14' }],
    workdays: ['2027-02-20'],
  }
  const cal = layeredCalendar(WEEKDAYS_ONLY, (y) => (y === 2027 ? entered : undefined))

  it('uses the entered year over the library, and the library elsewhere', () => {
    expect(cal.hasData(2027)).toBe(true)
    expect(cal.hasData(2028)).toBe(false)
    expect(workdaysOf('2027-02', cal)).not.toContain('2027-02-08')
    expect(workdaysOf('2027-02', cal)).toContain('2027-02-20')
    expect(cal.isWorkday('2028-02-08')).toBe(true)
    expect(cal.conflicts?.(2027)).toBeNull() // the library has no 2027
  })

  it('lists the days the entered data and a library that has the year disagree on', () => {
    const library = { ...WEEKDAYS_ONLY, hasData: () => true }
    expect(diffYear(2027, entered, library).map((d) => d.date)).toEqual([
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-02-12',
      '2027-02-20',
    ])
    expect(layeredCalendar(library, () => entered).conflicts?.(2027)).toHaveLength(6)
  })
})
