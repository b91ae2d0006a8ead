/**
 * The half-year assessment in words that several features and the scheduler share: the Excel rows,
 * the notice that it is ready, the setting names, and a half-year that cannot be read.
 */
import type { Assessment, Part } from '../domain/assessment.js'
import { PARTS, VERDICTS } from '../domain/assessment.js'
import { GROUP_NAMES } from '../domain/types.js'
import { periodLabel, shortName } from './records.js'
import { quote } from './quote.js'

const monthsNo = (ms: readonly string[]) => ms.map((m) => Number(m.slice(5))).join('、')

export interface Sheet {
  name: string
  columns: string[]
  rows: (string | number)[][]
}

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

export const ASSESS = {
  periodBad: (w: string) => `“${quote(w)}”不是半年，请写如 2026上半年 或 2026下半年。`,
  settingsBad: (problem: string) => `考核设置有误（${problem}），请管理员修正。`,
  sheet: (a: Assessment): Sheet => ({
    name: `${periodLabel(a.period)}考核`,
    columns: [
      '工作组',
      '组内排名',
      '编号',
      '示范点',
      '级别',
      '应报月数',
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
        s.score,
        s.verdict,
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
      VERDICTS.map((v) => `${v} ${a.verdicts[v]}`).join('，'),
      ...(flagged.length > 0
        ? [`需关注：${flagged.slice(0, 10).join('、')}${flagged.length > 10 ? '…' : ''}`]
        : []),
      `发送 #考核 ${periodLabel(a.period)} 查看详情。`,
    ].join('\n')
  },
}
