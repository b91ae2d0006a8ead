/** #考核: the half-year scorecard, per working group: leaders their groups, admins all. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { parsePeriod } from '../../src/domain/records.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { ASSESSMENT } from './sentences.js'
import { recordsOf } from '../records/record-site.js'
import { assessmentFor, defaultPeriod } from './assessment-now.js'
import { ASSESS_DOC } from '../../src/messages/assessment-doc.js'
import { assessmentFile } from './assessment-file.js'

export const assessment = defineCommand({
  name: '考核',
  aliases: ['半年考核', '考核表'],
  usage: ASSESSMENT.usage,
  summary: '半年考核：按工作组排名，给出得分和结论',
  details: [
    '按月上报、补报、连续未报、六有、服务项目、工作计划、指导次数、上报类别和组长评分加权计分。',
    '结论分 优秀、合格、预警、建议调整；权重和分档由管理员设置。半年未结束时注明“截至”。',
    '组长查看本组，管理员查看全部。不写半年时默认本半年（1月、7月默认上一个半年）。',
    '末尾加“文件”时私信发送 Word 考核报告（公文格式）：分组得分表、结论分布、需关注的示范点和考核方法。',
  ],
  examples: ['#考核', '#考核 2026上半年', '#考核 2026下半年 文件'],
  category: 'records',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a) => {
    const file = a.tokens.at(-1) === ASSESS_DOC.fileWord
    return { word: (file ? a.tokens.slice(0, -1) : a.tokens).join(''), file }
  }),
  async run(ctx, { word, file }) {
    const { deps, sender, incoming } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const period = word ? parsePeriod(word) : defaultPeriod(deps)
    if (!period) return [{ text: ASSESS.periodBad(word) }]
    // The scope policy's default: an admin's city, a leader's groups (all of them).
    const scope = ctx.scope(undefined, 'act')
    if (!scope.ok) return scope.reply
    const { all, scopes } = scope.value
    const groups = all ? undefined : scopes.flatMap((s) => (s.kind === 'group' ? [s.group] : []))
    const a = assessmentFor(deps, rec.value, period, groups)
    if (!a.ok) return a.reply
    if (file) return assessmentFile(deps, sender.id, incoming.conversation.kind === 'room', a.assessment)
    const texts = ASSESSMENT.text(a.assessment).filter((_, i) => a.assessment.groups[i]!.sites.length > 0)
    if (texts.length === 0) return [{ text: ASSESS.empty }]
    return texts.map((text) => ({ text }))
  },
})
