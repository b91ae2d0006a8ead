/** #考核设置: admins view and change the weights and thresholds of the half-year assessment. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { resolveAssessmentSettings } from '../../src/domain/assessment.js'
import type { AssessmentOverride } from '../../src/domain/assessment-rules.js'
import { applySettingsCommand, parseSettingsCommand } from '../../src/domain/assessment-settings-input.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { SETTINGS } from './sentences.js'
import { settingProblem } from './settings-problem.js'
import { actorOf } from '../records/record-site.js'

/** Whether two overrides give the same settings (a value set to what it already is changes nothing). */
function same(a: AssessmentOverride, b: AssessmentOverride): boolean {
  const x = resolveAssessmentSettings(a)
  const y = resolveAssessmentSettings(b)
  return x.ok && y.ok && JSON.stringify(x.settings) === JSON.stringify(y.settings)
}

export const assessmentSettings = defineCommand({
  name: '考核设置',
  aliases: ['考核权重', '考核参数'],
  usage: SETTINGS.usage,
  summary: '查看或修改半年考核的权重、分档和参数',
  details: [
    '得分（0–100）＝Σ(完成度×权重)÷Σ权重×100；无法计算的项（尚无应报月份、无组长评分）不计，其权重由其他项分摊。',
    '完成度：上报＝(按时月数＋补报月数×补报折算)÷应报月数；六有＝达标项÷6；项目＝进行中或完成的项目÷项目目标（最多1）；计划＝当年已提交1否则0；指导＝半年指导次数÷指导目标（最多1）；类别＝规定动作、自选动作、宣传报道中出现的种数÷3；评分＝组长评分平均÷100。',
    '结论：得分≥优秀线为优秀，≥合格线为合格，≥预警线为预警，否则建议调整；连续未报达到预警连缺最高为预警，达到调整连缺为建议调整。',
    '默认：权重 上报40 六有20 项目10 计划5 指导5 类别5 评分15；优秀90 合格75 预警60；补报折算0.8，项目目标2，指导目标2，预警连缺3，调整连缺5。',
    '每次修改记入 #日志；“恢复默认”清除全部修改。',
  ],
  examples: [
    '#考核设置',
    '#考核设置 权重 上报 40',
    '#考核设置 阈值 优秀 90',
    '#考核设置 参数 补报 0.5',
    '#考核设置 恢复默认',
  ],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => parseSettingsCommand(a.tokens)),
  async run({ deps, sender }, cmd) {
    const records = deps.repo.records
    const now = deps.clock()
    switch (cmd.op) {
      case 'show': {
        const s = resolveAssessmentSettings(records.assessmentOverride())
        return [{ text: s.ok ? SETTINGS.show(s.settings) : ASSESS.settingsBad(s.problem) }]
      }
      case 'reset':
        // Nothing to reset: not written, so the log shows no change that did not happen.
        if (same(records.assessmentOverride(), {})) return [{ text: SETTINGS.alreadyDefault }]
        await records.setAssessmentOverride({}, actorOf(sender), now)
        return [{ text: SETTINGS.reset }]
      case 'error':
        // Nothing written where the item or the number goes: say what to write, not “”.
        if (cmd.word === '')
          return [{ text: cmd.code === 'UNKNOWN_KEY' ? SETTINGS.keyMissing : SETTINGS.numberMissing }]
        return [
          { text: cmd.code === 'UNKNOWN_KEY' ? SETTINGS.unknownKey(cmd.word) : SETTINGS.badNumber(cmd.word) },
        ]
      case 'set': {
        const next = applySettingsCommand(records.assessmentOverride(), cmd.key, cmd.value)
        if (!next.ok) {
          const current = resolveAssessmentSettings(records.assessmentOverride())
          const why = current.ok ? settingProblem(current.settings, cmd.key, cmd.value) : next.problem
          return [{ text: SETTINGS.invalid(why) }]
        }
        if (same(records.assessmentOverride(), next.override))
          return [{ text: SETTINGS.unchanged(cmd.key, cmd.value) }]
        await records.setAssessmentOverride(next.override, actorOf(sender), now)
        return [{ text: SETTINGS.saved(cmd.key, cmd.value) }]
      }
    }
  },
})
