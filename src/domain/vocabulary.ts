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

/** Words that undo a record: `#推荐 撤销 12`. */
export const UNDO_WORDS = ['撤销', '取消', '撤回'] as const

/** What admins type in #考核设置: the parts of the score, the verdict thresholds, the other numbers. */
export const ASSESSMENT_WORDS = {
  weights: {
    reporting: ['上报', '按月上报'],
    sixHave: ['六有'],
    projects: ['项目', '服务项目'],
    plan: ['计划', '工作计划'],
    guidance: ['指导'],
    kinds: ['类别', '上报类别'],
    leaders: ['评分', '组长评分'],
  },
  thresholds: { excellent: ['优秀'], pass: ['合格'], warning: ['预警'] },
  other: {
    lateCredit: ['补报', '补报折算'],
    projectsTarget: ['项目目标', '项目数'],
    guidanceTarget: ['指导目标', '指导次数'],
    warnGap: ['预警连缺', '连缺预警'],
    adjustGap: ['调整连缺', '连缺调整'],
  },
  weightWord: ['权重'],
  thresholdWord: ['阈值', '分档'],
  otherWord: ['参数'],
  resetWord: ['恢复默认', '默认'],
} as const
