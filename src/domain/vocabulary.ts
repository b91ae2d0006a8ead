/**
 * Words people type that the bot understands (not sentences it says): scope words, 条线, levels,
 * quote marks. Kept in one place so parsers agree.
 */

/** Words that name a scope of sites in #汇总, #未报, #示范点. */
export const SCOPE_WORDS = {
  /** The whole city; the first is the label shown. */
  all: ['全市', '全部'],
  province: '省级',
  city: '市级',
} as const

/** The three 条线 (lines) of 工青妇. */
export const LINE_WORDS = ['工会', '团委', '妇联'] as const

/** Site levels, as the notice's annexes name them. */
export const LEVEL_WORDS = ['省级', '市级'] as const

/** Quotes that keep a phrase together, opening → closing. */
export const QUOTES: Readonly<Record<string, string>> = { '「': '」', '『': '』', '“': '”', '"': '"' }

/** The full-width number sign people type for #. */
export const FULL_WIDTH_HASH = '＃'

/** Words that default the report keywords: a shared article whose title holds one counts. */
export const DEFAULT_REPORT_KEYWORDS = ['创建信息', '示范点', '工青妇']

/** Months named without a number: this month and last month. */
export const RELATIVE_MONTH_WORDS = {
  current: ['本月', '这个月', '这月', '当月'],
  previous: ['上月', '上个月', '上一个月'],
} as const

/** Chinese numerals for months: 一月 … 十二月 (index + 1 is the month). */
export const CHINESE_MONTH_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
] as const

/** Words around a 编号 people write: 编号6, 第6, 6号, No.6, #6. */
export const NUMBER_PREFIXES = ['编号', '序号', '第', 'no.', 'no', '#'] as const
export const NUMBER_SUFFIXES = ['号', '篇', '个'] as const

/** Words that are never a person's name: 条线, scopes, roles, the parts of #注册 itself. */
export const RESERVED_NAME_WORDS: readonly string[] = [
  ...LINE_WORDS,
  '总工会',
  '共青团',
  '妇女联合会',
  ...SCOPE_WORDS.all,
  ...LEVEL_WORDS,
  '管理员',
  '组长',
  '联络员',
  '姓名',
  '单位',
  '注册',
  '实名注册',
  '上报',
  '示范点',
]
