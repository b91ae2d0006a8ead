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

/**
 * Words that make a shared article's title look like the network's work (the sharer may want it
 * counted, so a private hint helps); an article without any of them gets no hint at all.
 */
export const REPORT_RELATED_WORDS = [
  '工会',
  '团委',
  '共青团',
  '妇联',
  '志愿',
  '创建',
  '活动',
  '开展',
] as const

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

/**
 * Questions people ask the bot in plain words, and the command that answers them. The first
 * intent whose phrase the message contains wins, so more specific phrases come first.
 */
export const INTENTS: readonly { phrases: readonly string[]; command: string; tokens: readonly string[] }[] =
  [
    {
      phrases: ['还有谁没报', '谁没报', '谁还没报', '哪些没报', '哪些单位没报', '还有哪些没报', '没报的'],
      command: '未报',
      tokens: [],
    },
    { phrases: ['怎么注册', '如何注册', '注册怎么'], command: '帮助', tokens: ['注册'] },
    { phrases: ['怎么上报', '如何上报', '怎么报', '上报怎么'], command: '帮助', tokens: ['上报'] },
    {
      phrases: [
        '截止到哪天',
        '截止到几号',
        '几号截止',
        '哪天截止',
        '什么时候截止',
        '截止日期',
        '截止时间',
        '截止到什么时候',
        '最晚哪天',
        '最晚几号',
      ],
      command: '截止',
      tokens: [],
    },
    {
      phrases: ['怎么补报', '如何补报', '补报怎么', '漏报了', '忘了报', '忘记报', '上个月没报', '上月没报'],
      command: '帮助',
      tokens: ['补报'],
    },
    {
      phrases: [
        '下一步',
        '接下来做什么',
        '接下来干什么',
        '还要做什么',
        '该做什么',
        '我要做什么',
        '需要做什么',
      ],
      command: '进度',
      tokens: [],
    },
    {
      phrases: [
        '报了没有',
        '报了没',
        '报了吗',
        '有没有报',
        '报没报',
        '我们的进度',
        '上报情况',
        '我的状态',
        '我们的状态',
        '本单位情况',
      ],
      command: '进度',
      tokens: [],
    },
    { phrases: ['报了多少', '几个报了', '多少家报了', '全市情况', '统计一下'], command: '统计', tokens: [] },
    { phrases: ['我是谁', '我注册了吗', '我的信息', '我注册的'], command: '我的信息', tokens: [] },
    { phrases: ['有什么命令', '怎么用', '能做什么', '会什么'], command: '帮助', tokens: [] },
  ]

/** The notice's six items (“六有”), in its order. */
export const SIX_ITEMS = ['有人员', '有阵地', '有项目', '有载体', '有制度', '有特色'] as const

/** The states of a 六有 item, and the words people type for each. */
export const SIX_STATES = ['未达标', '建设中', '已达标'] as const
export const SIX_STATE_WORDS: Record<(typeof SIX_STATES)[number], readonly string[]> = {
  已达标: [
    '已达标',
    '达标',
    '完成',
    '已完成',
    '已建成',
    '建成',
    '已有',
    '有',
    '合格',
    '✅',
    '√',
    'ok',
    'yes',
  ],
  建设中: ['建设中', '在建', '建设', '进行中', '推进中', '筹建', '筹建中', '部分达标', '部分', '🚧'],
  未达标: ['未达标', '不达标', '未完成', '未建', '无', '没有', '暂无', '❌', '×', 'no'],
}

/** The kinds of a report the notice names (规定动作, 自选动作) and media coverage, with their typed forms. */
export const REPORT_KINDS = ['规定动作', '自选动作', '宣传报道'] as const
export const REPORT_KIND_WORDS: Record<(typeof REPORT_KINDS)[number], readonly string[]> = {
  规定动作: ['规定动作', '规定', '必选', '必选动作'],
  自选动作: ['自选动作', '自选', '创新'],
  宣传报道: ['宣传报道', '宣传', '报道', '媒体报道'],
}

/** The half-year words: 上半年, 下半年. */
export const HALF_WORDS = { first: '上', second: '下' } as const

/** The verdicts of the half-year assessment, best first (the exit mechanism's words). */
export const VERDICTS = ['优秀', '合格', '预警', '建议调整'] as const
/** The assessment of a site with no counted month: no verdict at all. */
export const UNRATED = '无法评定' as const

/** Asks a list reply for every line instead of the phone-length summary: `#统计 详细`. */
export const DETAIL_WORDS = ['详细', '明细', '完整'] as const
export const DETAIL_WORD = DETAIL_WORDS[0]

/** What admins type in #提醒设置. */
export const REMINDER_SETTING_WORDS = {
  pause: '暂停',
  resume: '恢复',
  time: '时间',
  midDay: '月中日',
} as const

/** How people mark a month in a hand-kept table (#导入): reported (counts 1), none (0), no data. */
export const IMPORT_CELL_WORDS = {
  yes: ['✓', '√', '✔', '☑', '是', '已报', '有', '报', 'y', 'yes', 'Y', 'YES', '●'],
  no: ['×', '✗', '✘', 'x', 'X', '否', '未报', '无', '0', 'n', 'no', 'N', 'NO', '○'],
  blank: ['', '-', '—', '——', '/', '无数据', '－'],
} as const

/** The options of #导入. */
export const IMPORT_WORDS = {
  confirm: ['确认', '确定'],
  undo: ['撤销', '撤回'],
  cancel: ['取消', '放弃'],
} as const

/** The statutory holidays by the names people use (《全国年节及纪念日放假办法》). */
export const STATUTORY_HOLIDAY_NAMES = {
  newYear: '元旦',
  spring: '春节',
  qingming: '清明节',
  labour: '劳动节',
  dragonBoat: '端午节',
  midAutumn: '中秋节',
  national: '国庆节',
} as const
