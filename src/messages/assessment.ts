/**
 * The half-year assessment in words that several features and the scheduler share: the Excel rows,
 * the notice that it is ready, the setting names, the verdict as shown, and a half-year that cannot be read.
 */
import type { Assessment, Part, SiteAssessment } from '../domain/assessment.js'
import { PARTS, UNRATED, VERDICTS } from '../domain/assessment.js'
import { GROUP_NAMES } from '../domain/types.js'
import { periodLabel, shortName } from './records.js'
import { quote } from './quote.js'

const monthsNo = (ms: readonly string[]) => ms.map((m) => Number(m.slice(5))).join('、')

export interface Sheet {
  name: string
  /** Each column's header, and its number format where it has one (the scores: one decimal, as the chat and the document say them). */
  columns: { header: string; numFmt?: string }[]
  rows: (string | number)[][]
}

const ONE_DECIMAL = '0.0'
const SCORE_COLUMNS: readonly string[] = ['组长评分', '总分']

export const PART_LABEL: Record<Part, string> = {
  reporting: '上报',
  sixHave: '六有',
  projects: '项目',
  plan: '计划',
  guidance: '指导',
  kinds: '类别',
  leaders: '评分',
}

/** Each setting as the audit trail and the replies name it. */
export const SETTING_LABEL: Record<string, string> = {
  ...Object.fromEntries(PARTS.map((p) => [`weights.${p}`, `${PART_LABEL[p]}权重`])),
  'thresholds.excellent': '优秀线',
  'thresholds.pass': '合格线',
  'thresholds.warning': '预警线',
  lateCredit: '补报折算',
  projectsTarget: '项目目标',
  guidanceTarget: '指导目标',
  warnGap: '预警连缺',
  adjustGap: '调整连缺',
}

/** 7–9月, or 7、9月 when not consecutive. */
export function monthSpan(ms: readonly string[]): string {
  const n = ms.map((m) => Number(m.slice(5)))
  const run = n.every((x, i) => i === 0 || x === n[i - 1]! + 1)
  return n.length > 1 && run ? `${n[0]}–${n.at(-1)}月` : `${n.join('、')}月`
}

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

/** The parts the score leaves out for lack of data, in words. */
export const leftOutNote = (parts: readonly Part[]) =>
  `未计入（全网尚无数据）：${parts.map((p) => PART_WORDS[p]).join('、')}，其权重由其余各项分担。`

export const ASSESS = {
  periodBad: (w: string) => `“${quote(w)}”不是半年，请写如 2026上半年 或 2026下半年。`,
  settingsBad: (problem: string) => `考核设置有误（${problem}），请管理员修正。`,
  empty: '该半年还没有可考核的示范点。',
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
    ].map((header) => (SCORE_COLUMNS.includes(header) ? { header, numFmt: ONE_DECIMAL } : { header })),
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
  /** The private note in January and July, once the last month’s 补报 has closed. */
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
      ...(a.leftOut.length > 0 ? [leftOutNote(a.leftOut)] : []),
      ...(flagged.length > 0
        ? [`需关注：${flagged.slice(0, 10).join('、')}${flagged.length > 10 ? '…' : ''}`]
        : []),
      `发送 #考核 ${periodLabel(a.period)} 查看详情。`,
    ].join('\n')
  },
}
