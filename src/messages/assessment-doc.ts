/** The words of the half-year assessment Word document (#考核 2026下半年 文件). */
import type { AssessmentSettings, Part, SiteAssessment } from '../domain/assessment.js'
import { cnDate } from './compilation.js'
import { periodLabel } from './records.js'

/** 2026-H2 → 2026年下半年. */
const halfYear = (period: string) => periodLabel(period).replace(/^(\d{4})/, '$1年')
/** 2026-H2 → 7—12月. */
const months = (period: string) => (period.endsWith('H1') ? '1—6月' : '7—12月')
const pct = (x: number) => `${Math.round(x * 100)}%`

export const PART_NAMES: Record<Part, string> = {
  reporting: '按月上报',
  sixHave: '“六有”建设',
  projects: '服务项目',
  plan: '年度工作计划',
  guidance: '指导次数',
  kinds: '上报类别',
  leaders: '组长评分',
}

const PART_RULES: Record<Part, (s: AssessmentSettings) => string> = {
  reporting: (s) => `有上报的月份占应报月份的比例，仅有补报的月份按 ${s.lateCredit} 折算`,
  sixHave: () => '“六有”已达标项数占 6 项的比例',
  projects: (s) => `进行中或已完成的服务项目数，达到 ${s.projectsTarget} 个为满分`,
  plan: () => '已提交本年度工作计划为满分，未提交为零',
  guidance: (s) => `半年内接受指导次数，达到 ${s.guidanceTarget} 次为满分`,
  kinds: () => '上报中出现规定动作、自选动作、宣传报道的类别数占 3 类的比例',
  leaders: () => '各组长评分的平均分，百分制',
}

export const ASSESS_DOC = {
  /** The word after the half-year that asks for the Word document. */
  fileWord: '文件',
  fileSent: (name: string, sites: number) => `已发送 ${name}（${sites} 个示范点）。`,
  sentPrivately: '考核报告（Word 文件）已私信发给您，请查收。',
  fileName: (period: string) => `示范点考核报告-${periodLabel(period)}.docx`,
  titleLines: (period: string) => [
    '大连市工青妇基层组织协同创新发展示范点',
    `${halfYear(period)}考核情况报告`,
  ],
  docTitle: (period: string) => `大连市工青妇基层组织协同创新发展示范点${halfYear(period)}考核情况报告`,
  intro: (period: string, sites: number, asOf: string | null, counts: string) =>
    `按照示范点建设要求，市工作推进组对 ${sites} 个示范点${halfYear(period)}（${months(period)}）的建设情况进行了考核${
      asOf ? `（半年尚未结束，数据截至${cnDate(asOf)}）` : ''
    }。考核结果：${counts}。现将有关情况报告如下。`,
  count: (verdict: string, n: number) => `${verdict} ${n} 个`,
  h1: ['一、考核结果', '二、结论分布', '三、需要关注的示范点', '四、考核方法'],
  groupHeading: (i: string, group: string, n: number) => `（${i}）${group}（${n} 个示范点）`,
  columns: [
    '排名',
    '示范点',
    '上报月数',
    '补报',
    '最长连缺',
    '六有',
    '项目',
    '计划',
    '指导',
    '组长评分',
    '总分',
    '结论',
  ],
  reported: (s: SiteAssessment) => `${s.onTime.length + s.late.length}/${s.expected.length}`,
  plan: (done: boolean) => (done ? '已交' : '未交'),
  none: '—',
  verdictColumns: (groups: readonly string[]) => ['结论', ...groups, '合计'],
  noAttention: '本半年没有结论为预警或建议调整的示范点。',
  attentionIntro: (n: number) => `以下 ${n} 个示范点考核结论为预警或建议调整，请所在工作组督促整改：`,
  /** 89.6, 53.0: one decimal, always. */
  score: (x: number) => (Math.round(x * 10) / 10).toFixed(1),
  attention: (i: number, site: string, group: string, verdict: string, score: number, why: string) =>
    `${i}. ${site}（${group}）：${verdict}，${(Math.round(score * 10) / 10).toFixed(1)} 分。${why}。`,
  why: {
    gap: (n: number, months: string) => `连续 ${n} 个月未报（${months}）`,
    rate: (done: number, of: number) => `应报 ${of} 个月、已报 ${done} 个月`,
    six: (n: number) => `“六有”仅 ${n} 项达标`,
    noPlan: '未提交年度工作计划',
    noProjects: '没有在办的服务项目',
    low: (pass: number) => `总分低于合格线 ${pass} 分`,
  },
  whyJoin: '；',
  method: (s: AssessmentSettings) => [
    `每个示范点按以下 ${Object.keys(s.weights).length} 项计分，每项折算为 0 至 1，乘以权重后加总折合为百分制；某项尚无法评定（如组长尚未评分）时不计入，其权重由其余各项按比例分担。`,
    ...(Object.keys(PART_NAMES) as Part[]).map(
      (p, i) => `${i + 1}. ${PART_NAMES[p]}，权重 ${s.weights[p]}：${PART_RULES[p](s)}。`,
    ),
    `结论分档：总分 ${s.thresholds.excellent} 分及以上为优秀，${s.thresholds.pass} 分及以上为合格，${s.thresholds.warning} 分及以上为预警，低于 ${s.thresholds.warning} 分为建议调整。连续 ${s.warnGap} 个月未报的最高为预警，连续 ${s.adjustGap} 个月未报的为建议调整。`,
    `当月及仍可补报的上月尚未结束，仅在已上报时计入，不因此扣分。各组内按结论、总分排名。权重合计 ${Object.values(s.weights).reduce((a, b) => a + b, 0)}，补报折算 ${pct(s.lateCredit)}。`,
  ],
}

/** The words of the scores picture (#图表 考核). */
export const SCORE_CHART = {
  fileName: (period: string) => `示范点考核得分_${periodLabel(period)}.png`,
  title: (period: string, scope: string) => `${scope}示范点考核得分 · ${halfYear(period)}`,
  subtitle: (asOf: string | null, t: { excellent: number; pass: number; warning: number }) =>
    `按考核结论分组，组内按得分从高到低排列｜虚线：预警线 ${t.warning}、合格线 ${t.pass}、优秀线 ${t.excellent}${asOf ? `｜截至${cnDate(asOf)}` : ''}`,
  band: (verdict: string, n: number) => `${verdict}（${n} 个）`,
  site: (name: string, group: string) => `${name} · ${group}`,
  threshold: (label: string, score: number) => `${label} ${score}`,
  thresholdLabels: { excellent: '优秀线', pass: '合格线', warning: '预警线' },
  word: '考核',
  sent: (name: string, scope: string) => `已发送 ${name}（${scope}）。`,
  what: '考核得分图',
  noScope: '只有组长和管理员可以查看考核得分图。',
}
