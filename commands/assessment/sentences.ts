/** What the assessment commands say: #考核, #评分, #考核设置 and #推荐. */
import type { Assessment, AssessmentSettings, SiteAssessment } from '../../src/domain/assessment.js'
import { DEFAULT_ASSESSMENT_SETTINGS, PARTS, UNRATED, VERDICTS } from '../../src/domain/assessment.js'
import type { SettingKey } from '../../src/domain/assessment-settings-input.js'
import { settingPath } from '../../src/domain/assessment-settings-input.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import {
  leftOutNote,
  monthSpan,
  PART_LABEL,
  SETTING_LABEL,
  verdictText,
} from '../../src/messages/assessment.js'
import { dayMonthLabel } from '../../src/messages/format.js'
import { quote } from '../../src/messages/quote.js'
import { FAILS } from '../../src/messages/refusals.js'
import { periodLabel, shortName } from '../../src/messages/records.js'

const noDataNote = (s: SiteAssessment) => (s.noData.length > 0 ? `（${monthSpan(s.noData)}无数据）` : '')

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

/** More unrated sites than this with the same months of no data share one line. */
const UNRATED_ONE_LINE = 2

/**
 * The group's lines: rated sites one per line; unrated ones one per line when few, else one line per
 * note (无法评定（数据不足，1–6月无数据）：A、B、C), so a half-year without data fits a phone.
 */
function siteLines(sites: readonly SiteAssessment[]): string[] {
  const unrated = sites.filter((s) => s.verdict === UNRATED)
  if (unrated.length <= UNRATED_ONE_LINE) return sites.map(line)
  const notes = new Map<string, SiteAssessment[]>()
  for (const s of unrated) {
    const note = s.noData.length > 0 ? `，${monthSpan(s.noData)}无数据` : ''
    notes.set(note, [...(notes.get(note) ?? []), s])
  }
  return [
    ...sites.filter((s) => s.verdict !== UNRATED).map(line),
    ...[...notes].map(
      ([note, list]) => `${UNRATED}（数据不足${note}）：${list.map((s) => shortName(s.site)).join('、')}`,
    ),
  ]
}

/** The verdict counts, 无法评定 included when any, and the parts left out. */
function footer(a: Assessment, sites: readonly SiteAssessment[]): string[] {
  const counts = VERDICTS.map((v) => `${v}${sites.filter((s) => s.verdict === v).length}`)
  const unrated = sites.filter((s) => s.verdict === UNRATED).length
  return [
    [...counts, ...(unrated > 0 ? [`${UNRATED}${unrated}`] : [])].join(' '),
    ...(a.leftOut.length > 0 ? [leftOutNote(a.leftOut)] : []),
  ]
}

const changed = (now: number, def: number) => (now === def ? '' : '*')

export const ASSESSMENT = {
  usage: '#考核 [2026上半年|2026下半年]',
  /** One message per working group, phone-length. */
  text: (a: Assessment): string[] =>
    a.groups.map((g) =>
      [
        `${periodLabel(a.period)}考核｜${GROUP_NAMES[g.group]}${a.asOf ? `（截至${dayMonthLabel(a.asOf)}）` : ''}`,
        ...siteLines(g.sites),
        ...footer(a, g.sites),
      ].join('\n'),
    ),

  // #评分
  scoreUsage: '#评分 单位 分数 评语',
  scoreMissing: '请写分数（0–100），例如：#评分 日新街道 90 阵地建设扎实',
  scoreBad: (w: string) => `“${quote(w)}”不是 0–100 的分数。`,
  /** The scope policy's one sentence (as #推荐 says it): a leader scores the groups they lead. */
  notLeaderOf: (mine: string, asked: string) => FAILS.SCOPE_NOT_YOURS({ command: '评分', mine, asked }),
  scoreSaved: (name: string, period: string, score: number, updated: boolean) =>
    `已${updated ? '修改' : '记录'}您对 ${name} ${periodLabel(period)}的评分：${score} 分。`,
}

/** #考核设置. */
export const SETTINGS = {
  usage: '#考核设置 [权重 上报 40｜阈值 优秀 90｜参数 补报 0.8｜恢复默认]',
  show: (s: AssessmentSettings): string => {
    const d = DEFAULT_ASSESSMENT_SETTINGS
    return [
      '考核设置（*为已修改）：',
      `权重：${PARTS.map((p) => `${PART_LABEL[p]}${s.weights[p]}${changed(s.weights[p], d.weights[p])}`).join(' ')}`,
      `阈值：优秀≥${s.thresholds.excellent}${changed(s.thresholds.excellent, d.thresholds.excellent)} 合格≥${s.thresholds.pass}${changed(s.thresholds.pass, d.thresholds.pass)} 预警≥${s.thresholds.warning}${changed(s.thresholds.warning, d.thresholds.warning)}，以下为建议调整`,
      `参数：补报折算${s.lateCredit}${changed(s.lateCredit, d.lateCredit)} 项目目标${s.projectsTarget}${changed(s.projectsTarget, d.projectsTarget)} 指导目标${s.guidanceTarget}${changed(s.guidanceTarget, d.guidanceTarget)}`,
      `连续未报：${s.warnGap}${changed(s.warnGap, d.warnGap)}个月最高预警，${s.adjustGap}${changed(s.adjustGap, d.adjustGap)}个月建议调整`,
      '得分＝各项完成度×权重之和÷权重合计×100（无法计算的项不计）。',
      '修改：#考核设置 权重 上报 40；详见 #帮助 考核设置',
    ].join('\n')
  },
  saved: (key: SettingKey, value: number) =>
    `已将${SETTING_LABEL[settingPath(key)]}设为 ${value}，立即生效。`,
  reset: '已恢复默认考核设置。',
  /** Nothing changed, nothing written or logged. */
  unchanged: (key: SettingKey, value: number) =>
    `${SETTING_LABEL[settingPath(key)]}已经是 ${value}，未作改动。`,
  alreadyDefault: '考核设置已是默认值，未作改动。',
  unknownKey: (w: string) =>
    `“${quote(w)}”不是考核设置项。权重：上报 六有 项目 计划 指导 类别 评分；阈值：优秀 合格 预警；参数：补报 项目目标 指导目标 预警连缺 调整连缺。`,
  badNumber: (w: string) => `“${quote(w)}”不是数字。`,
  /** A section word (权重) without the item, or an item without its number. */
  keyMissing: '请写要修改的项和数值，例如：#考核设置 权重 上报 40',
  numberMissing: '请在设置项后写数值，例如：#考核设置 权重 上报 40、#考核设置 阈值 优秀 90',
  /** Not saved, with the one rule the value breaks. */
  invalid: (problem: string) => `未保存：${problem}。`,
  outOfRange: (name: string, value: number, range: string) => `${name}须在 ${range} 之间，您写的是 ${value}`,
  allWeightsZero: '各项权重不能全为 0，至少一项须大于 0',
  order: (high: string, a: number, low: string, b: number) => `${high}（${a}）不能低于${low}（${b}）`,
  notPositive: (name: string, value: number) => `${name}须为正整数，您写的是 ${value}`,
}

/** #推荐. */
export const RECOMMEND = {
  usage: '#推荐 编号 理由｜#推荐 撤销 编号 [原因]',
  unrecommended: (no: number, site: string) => `已撤销编号 ${no}（${site}）的推荐，不再收入经验汇编。`,
  notRecommended: (no: number) => `编号 ${no} 没有被推荐，无需撤销。`,
  recommended: (no: number, site: string) => `已推荐编号 ${no}（${site}）为典型经验，将收入经验汇编。`,
  reasonChanged: (no: number, site: string) => `编号 ${no}（${site}）已是典型经验，推荐理由已修改。`,
}
