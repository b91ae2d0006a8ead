/**
 * The statutory holidays of a year by rule, for a year whose official schedule is not known yet.
 * 《全国年节及纪念日放假办法》(as amended in 2024): 元旦 1 day (1 January); 春节 4 days (除夕 to
 * 初三); 清明 1 day (the solar term); 劳动节 2 days (1–2 May); 端午 1 day (五月初五); 中秋 1 day
 * (八月十五); 国庆 3 days (1–3 October). Only the 调休 make-up workdays (and the weekends the
 * State Council joins to them) wait for the official notice. The lunar and solar-term dates come
 * in as parameters (an adapter computes them), so this stays pure.
 */
import type { HolidayPeriod, HolidayYear } from './holidays.js'
import { STATUTORY_HOLIDAY_NAMES as N } from './vocabulary.js'

/** The movable dates of a year, 'YYYY-MM-DD': 正月初一, 清明, 五月初五, 八月十五. */
export interface MovableDates {
  springFestival: string
  qingming: string
  dragonBoat: string
  midAutumn: string
}

const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

const one = (name: string, date: string): HolidayPeriod => ({ name, from: date, to: date })

/** The statutory days off of `year`, without 调休 (no make-up workdays). */
export function statutoryYear(year: number, d: MovableDates): HolidayYear {
  return {
    holidays: [
      one(N.newYear, `${year}-01-01`),
      { name: N.spring, from: addDays(d.springFestival, -1), to: addDays(d.springFestival, 2) },
      one(N.qingming, d.qingming),
      { name: N.labour, from: `${year}-05-01`, to: `${year}-05-02` },
      one(N.dragonBoat, d.dragonBoat),
      one(N.midAutumn, d.midAutumn),
      { name: N.national, from: `${year}-10-01`, to: `${year}-10-03` },
    ],
    workdays: [],
  }
}
