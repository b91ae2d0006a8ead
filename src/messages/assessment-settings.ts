/** #考核设置 in words: the settings in force, the change saved, the refusals. */
import { quote } from './quote.js'
import type { AssessmentSettings, Part } from '../domain/assessment.js'
import { DEFAULT_ASSESSMENT_SETTINGS, PARTS } from '../domain/assessment.js'
import type { SettingKey } from '../domain/assessment-settings-input.js'
import { settingPath } from '../domain/assessment-settings-input.js'

const PART_LABEL: Record<Part, string> = {
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

const changed = (now: number, def: number) => (now === def ? '' : '*')

export const ASSET = {
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
  unknownKey: (w: string) =>
    `“${quote(w)}”不是考核设置项。权重：上报 六有 项目 计划 指导 类别 评分；阈值：优秀 合格 预警；参数：补报 项目目标 指导目标 预警连缺 调整连缺。`,
  badNumber: (w: string) => `“${quote(w)}”不是数字。`,
  invalid: (problem: string) =>
    `未保存：设置不合理（${problem}）。权重 0–100 且至少一项大于 0；优秀≥合格≥预警；补报折算 0–1；目标为正整数；调整连缺≥预警连缺。`,
}
