/**
 * The formatting every feature shares, in one place: a site's display name (one rule, one table of
 * approved short forms), period and month labels, scope labels, quoting and list joins.
 */
import type { Month } from '../domain/calendar.js'
import type { Period } from '../domain/periods.js'
import type { GroupNo } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { SCOPE_WORDS } from '../domain/vocabulary.js'
export { quote, QUOTE_MAX } from './quote.js'

/**
 * The approved short forms of long official names. Only these are ever shown instead of a full
 * name: nicknames people type (大大, 大船重工) find a site but are never said back.
 */
export const SHORT_FORMS: Readonly<Record<string, string>> = {
  大连市西岗区365外来人员服务中心: '365外来人员服务中心',
  大连市旅顺口区得胜街道: '得胜街道',
  大连高新园区党群服务中心: '高新园区党群服务中心',
  大连船舶重工集团有限公司: '大船',
  大连市中山区桂林街道望海社区: '望海社区',
  大连市西岗区日新街道: '日新街道',
  大连医科大学附属第一医院: '医大一院',
  大连市中山区人民路街道: '人民路街道',
  大连市沙河口区白山路街道: '白山路街道',
  大连市甘井子区辛寨子街道: '辛寨子街道',
  大连金普新区炮台街道三家社区: '三家社区',
  大连市西岗区北京街道黄河社区: '黄河社区',
  大连市甘井子区椒金山街道: '椒金山街道',
  大连金普新区马桥子街道: '马桥子街道',
  大连金普新区金石滩街道: '金石滩街道',
  '大连市工青妇“双创”联合体': '双创联合体',
  东芝大连有限公司: '东芝大连',
  大连市西岗区香炉礁街道香川社区: '香川社区',
  大连市沙河口区星海湾街道: '星海湾街道',
  大连高新区龙王塘街道: '龙王塘街道',
  大连金普新区石河街道石河村: '石河村',
  大连港集团有限公司: '大连港',
  大连文思海辉信息技术有限公司: '文思海辉',
  大连市西岗区八一路街道: '八一路街道',
  大连市甘井子大连湾李家村: '李家村',
  大连市旅顺口区经济技术开发区: '旅顺开发区',
  大连高新区凌水街道大山村: '大山村',
  大连枫叶职业技术学院: '枫叶学院',
  泰通建设集团有限公司: '泰通建设',
}

/** A name of at most this many characters is shown as it is. */
const SHORT_ENOUGH = 6
/** An alias shorter than this is a nickname (大大), never shown unless the table approves it. */
const ALIAS_MIN = 4

/**
 * The one rule for a site's (or an organisation's) display name: the full name when it is short,
 * else its approved short form, else its first alias of a proper length, else the full name.
 */
export function displayName(org: { name: string; aliases: readonly string[] }): string {
  if ([...org.name].length <= SHORT_ENOUGH) return org.name
  const approved = SHORT_FORMS[org.name]
  if (approved) return approved
  return org.aliases.find((a) => [...a].length >= ALIAS_MIN) ?? org.name
}

/** The other names of an organisation that may be shown: nicknames (大大) are found, never shown. */
export function shownAliases(org: { name: string; aliases: readonly string[] }): string[] {
  const approved = SHORT_FORMS[org.name]
  return org.aliases.filter((a) => a === approved || [...a].length >= ALIAS_MIN)
}

/** 2026-11 → 11月; with the year when it differs from `thisYear`: 2025年12月. */
export function monthLabel(month: Month, thisYear?: string): string {
  const [y, m] = month.split('-')
  const mm = `${Number(m)}月`
  return thisYear && thisYear !== y ? `${y}年${mm}` : mm
}

/** 2026-11 → 2026年11月. */
export function fullMonthLabel(month: Month): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** 2026-11-30 → 11月30日. */
export function dayMonthLabel(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/**
 * A period for files (2026年11月, 2026上半年, 2026年, 2017—2026年) or a half-year of the
 * assessment (2026-H1 → 2026上半年): one label for both, a half-year written as people type it.
 */
export function periodLabel(p: Period | string): string {
  if (typeof p === 'string') return `${p.slice(0, 4)}${p.endsWith('H1') ? '上' : '下'}半年`
  const y = p.from.slice(0, 4)
  switch (p.kind) {
    case 'month':
      return fullMonthLabel(p.from)
    case 'half':
      return `${y}${p.from.endsWith('-01') ? '上' : '下'}半年`
    case 'year':
      return `${y}年`
    case 'years':
      return `${y}—${p.to.slice(0, 4)}年`
  }
}

/** A scope as words: 全市, 第一组, 西岗区, 省级. */
export type ScopeWords =
  | { kind: 'all' }
  | { kind: 'group'; group: GroupNo }
  | { kind: 'district'; district: string }
  | { kind: 'level'; level: string }

export function scopeLabel(scope: ScopeWords): string {
  switch (scope.kind) {
    case 'all':
      return SCOPE_WORDS.all[0]
    case 'group':
      return GROUP_NAMES[scope.group]
    case 'district':
      return scope.district
    case 'level':
      return scope.level
  }
}

/** Several scopes in one label: 第一组、第三组. */
export const scopesLabel = (scopes: readonly ScopeWords[]): string => listed(scopes.map(scopeLabel))

/** A list in a sentence: A、B、C. */
export const listed = (items: readonly string[]): string => items.join('、')
