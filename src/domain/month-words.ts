/**
 * Months as people write them where the bot must not guess: a word that looks like a month but is
 * none (2026-13, 13月), a text that starts with a date (11月28日…), a text that names a month
 * (医大一院11月创建信息), and month headers of a spreadsheet (2026年7月, 7月, 2026-07, 2026.7, 七月).
 */
import { addMonths, monthOf, parseMonth, type Month } from './calendar.js'
import { CHINESE_MONTH_NUMERALS } from './vocabulary.js'

const NUMERAL = `[${[...new Set(CHINESE_MONTH_NUMERALS.join(''))].join('')}]{1,3}`
const MONTH_LIKE = [
  /^\d{4}[-/.年]\d{1,3}月?份?$/,
  /^\d{1,3}月份?$/,
  // 年 \u5e74, 月 \u6708, 份 \u4efd, 日 \u65e5, 号 \u53f7 (patterns, not sentences).
  new RegExp(`^\\d{4}\\u5e74?${NUMERAL}\\u6708\\u4efd?$`),
  new RegExp(`^${NUMERAL}\\u6708\\u4efd?$`),
]

/** A word written as a month (2026-13, 13月, 2026年0月): true even when it is not a valid one. */
export function looksLikeMonth(word: string): boolean {
  const k = word.normalize('NFKC').replace(/\s+/g, '')
  return MONTH_LIKE.some((re) => re.test(k))
}

/** A text that starts with a day of a month (11月28日…, 11.28…): the day belongs to the text, not a month argument. */
export function startsWithDate(text: string): boolean {
  return /^(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]/.test(text.normalize('NFKC').trim())
}

const MONTH_IN_TEXT = new RegExp(`(?:^|[^\\d])(\\d{1,2}|${NUMERAL})\\u6708(?!\\d{1,2}[\\u65e5\\u53f7])`, 'g')

/**
 * The month a text, file name or article title names as a whole month (11月创建信息), when that
 * is last month and not this one; null otherwise. A day (11月28日) does not name the month.
 */
export function namesLastMonth(text: string, now: Date): Month | null {
  const current = monthOf(now)
  const last = addMonths(current, -1)
  const num = (w: string) =>
    /^\d+$/.test(w) ? Number(w) : (CHINESE_MONTH_NUMERALS as readonly string[]).indexOf(w) + 1
  const named = new Set<number>()
  for (const m of text.normalize('NFKC').matchAll(MONTH_IN_TEXT)) named.add(num(m[1]!))
  const lastNo = Number(last.slice(5))
  return named.has(lastNo) && !named.has(Number(current.slice(5))) ? last : null
}

/** A year written in a title cell (2026年下半年创建信息上报情况): the first 20xx; null when none. */
export function yearInTitle(text: string): number | null {
  const m = /(20\d{2})/.exec(text.normalize('NFKC'))
  return m ? Number(m[1]) : null
}

/**
 * A spreadsheet's month header: 2026年7月, 2026-07, 2026.7, 2026/7, 7月, 7月份, 七月, with a
 * remark in brackets left out (7月（篇）). A header without a year takes `titleYear` when the
 * sheet names one, else the nearest month not after `now`. Null when it is no month.
 */
export function parseMonthHeader(cell: string, now: Date, titleYear: number | null): Month | null {
  const k = cell
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/(?<=月)份$/, '')
  if (k === '') return null
  const dated = parseMonth(k)
  if (dated) return dated
  if (!/月$/.test(k) && !/^\d{4}[-/.]\d{1,2}$/.test(k)) return null
  const bare = parseMonth(k, now)
  if (!bare || /本|上|这|当/.test(k)) return null
  return titleYear === null ? bare : `${titleYear}-${bare.slice(5)}`
}
