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

/** The working groups' names, as the notice writes them (also typed by people). */
export const GROUP_NAMES = { 1: '第一组', 2: '第二组', 3: '第三组' } as const

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
