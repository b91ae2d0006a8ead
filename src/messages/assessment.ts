/** The half-year assessment in words: the chat text per group, the Excel rows, the notice that it is ready. */
import type { Assessment, Part, SiteAssessment } from '../domain/assessment.js'
import { UNRATED, VERDICTS } from '../domain/assessment.js'
import { dayMonthLabel } from './format.js'
import { GROUP_NAMES } from '../domain/types.js'
import { periodLabel, shortName } from './records.js'
import { quote } from './quote.js'

const monthsNo = (ms: readonly string[]) => ms.map((m) => Number(m.slice(5))).join('、')

export interface Sheet {
  name: string
  columns: string[]
  rows: (string | number)[][]
}

/** 7–9月, or 7、9月 when not consecutive. */
export function monthSpan(ms: readonly string[]): string {
  const n = ms.map((m) => Number(m.slice(5)))
  const run = n.every((x, i) => i === 0 || x === n[i - 1]! + 1)
  return n.length > 1 && run ? `${n[0]}–${n.at(-1)}月` : `${n.join('、')}月`
}

const noDataNote = (s: SiteAssessment) => (s.noData.length > 0 ? `（${monthSpan(s.noData)}无数据）` : '')

/** What the score is made of, in words: the parts left out for lack of data. */
const PART_WORDS: Record<Part, string> = {
  reporting: '按月上报',
  sixHave: '六有',
  projects: '服务项目',
  plan: '工作计划',
  guidance: '指导',
  kinds: '上报类别',
  leaders: '组长评分',
}

/** The verdict as shown: 无法评定（数据不足） for a site with no counted month. */
export const verdictText = (v: SiteAssessment['verdict']) => (v === UNRATED ? `${UNRATED}（数据不足）` : v)

function line(s: SiteAssessment): string {
  const months = `报${s.onTime.length + s.late.length}/${s.expected.length}月${noDataNote(s)}`
  if (s.verdict === UNRATED) return `${s.rank}. ${shortName(s.site)} ${verdictText(s.verdict)}｜${months}`
  const late = s.late.length > 0 ? ` 补${s.late.length}` : ''
  const gap = s.longestGap >= 2 ? ` 连缺${s.longestGap}` : ''
  const six = s.parts.sixHave === null ? '' : ` 六有${s.sixDone}/6`
  const projects = s.parts.projects === null ? '' : ` 项目${s.projects}`
  const plan = s.parts.plan === null || s.plan ? '' : ' 无计划'
  return `${s.rank}. ${shortName(s.site)} ${s.score}分 ${s.verdict}｜${months}${late}${gap}${six}${projects}${plan}`
}

/** The verdict counts, 无法评定 included when any, and the parts left out. */
function footer(a: Assessment, sites: readonly SiteAssessment[]): string[] {
  const counts = VERDICTS.map((v) => `${v}${sites.filter((s) => s.verdict === v).length}`)
  const unrated = sites.filter((s) => s.verdict === UNRATED).length
  return [
    [...counts, ...(unrated > 0 ? [`${UNRATED}${unrated}`] : [])].join(' '),
    ...(a.leftOut.length > 0 ? [ASSESS_LEFT_OUT(a.leftOut)] : []),
  ]
}

const ASSESS_LEFT_OUT = (parts: readonly Part[]) =>
  `未计入（全网尚无数据）：${parts.map((p) => PART_WORDS[p]).join('、')}，其权重由其余各项分担。`

export const ASSESS = {
  usage: '#考核 [2026上半年|2026下半年]',
  periodBad: (w: string) => `“${quote(w)}”不是半年，请写如 2026上半年 或 2026下半年。`,
  noScope: '只有组长和管理员可以查看考核。',
  settingsBad: (problem: string) => `考核设置有误（${problem}），请管理员修正。`,
  empty: '该半年还没有可考核的示范点。',
  fileReady: (name: string) => `考核表已生成：${name}`,
  scoreUsage: '#评分 单位 分数 评语',
  scoreBad: (w: string) => `“${quote(w)}”不是 0–100 的分数。`,
  scoreSaved: (name: string, period: string, score: number, updated: boolean) =>
    `已${updated ? '修改' : '记录'}你对 ${name} ${periodLabel(period)}的评分：${score} 分。`,
  notLeaderOf: (name: string) => `你不是 ${name} 所在工作组的组长，不能评分。`,

  /** One message per working group, phone-length. */
  text: (a: Assessment): string[] =>
    a.groups.map((g) =>
      [
        `${periodLabel(a.period)}考核｜${GROUP_NAMES[g.group]}${a.asOf ? `（截至${dayMonthLabel(a.asOf)}）` : ''}`,
        ...g.sites.map(line),
        ...footer(a, g.sites),
      ].join('\n'),
    ),

  sheet: (a: Assessment): Sheet => ({
    name: `${periodLabel(a.period)}考核`,
    columns: [
      '工作组',
      '组内排名',
      '编号',
      '示范点',
      '级别',
      '计入月数',
      '无数据月份',
      '已报月数',
      '补报月数',
      '补报月份',
      '最长连续未报',
      '上报篇数',
      '六有达标',
      '服务项目',
      '工作计划',
      '指导次数',
      '组长评分',
      '评分人数',
      '总分',
      '结论',
    ],
    rows: a.groups.flatMap((g) =>
      g.sites.map((s) => [
        GROUP_NAMES[g.group],
        s.rank,
        s.site.no,
        s.site.name,
        s.site.level,
        s.expected.length,
        s.noData.length > 0 ? monthSpan(s.noData) : '',
        s.onTime.length + s.late.length,
        s.late.length,
        monthsNo(s.late),
        s.longestGap,
        s.totalReports,
        s.sixDone,
        s.projects,
        s.plan ? '已提交' : '未提交',
        s.guidance,
        s.leaderScore ?? '',
        s.leaderCount,
        s.verdict === UNRATED ? '' : s.score,
        verdictText(s.verdict),
      ]),
    ),
  }),

  /** The private note at the first workday of January and July. */
  ready: (a: Assessment): string => {
    const all = a.groups.flatMap((g) => g.sites)
    const flagged = all
      .filter((s) => s.verdict === '预警' || s.verdict === '建议调整')
      .map((s) => shortName(s.site))
    return [
      `${periodLabel(a.period)}示范点考核表已生成（${all.length} 个示范点）。`,
      [
        ...VERDICTS.map((v) => `${v} ${a.verdicts[v]}`),
        ...(a.unrated > 0 ? [`${verdictText(UNRATED)} ${a.unrated}`] : []),
      ].join('，'),
      ...(a.leftOut.length > 0 ? [ASSESS_LEFT_OUT(a.leftOut)] : []),
      ...(flagged.length > 0
        ? [`需关注：${flagged.slice(0, 10).join('、')}${flagged.length > 10 ? '…' : ''}`]
        : []),
      `发送 #考核 ${periodLabel(a.period)} 查看详情。`,
    ].join('\n')
  },
}
