import { rawArgs, restAfter } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { isAdmin } from '../../src/domain/authority.js'
import { parseNo } from '../../src/domain/numbers.js'
import { CORE } from '../../src/messages/core.js'
import { REPORTING } from './sentences.js'
import { auditNote } from '../operations/audited.js'
import { progress } from './file-report.js'

export const withdraw = defineCommand({
  name: '撤回',
  aliases: ['撤销上报', '删除上报'],
  usage: REPORTING.withdrawUsage,
  summary: '撤回一篇上报（保留记录，不再计入）',
  details: ['提交人、同单位成员或管理员可以撤回。编号见上报回执。编号后可写原因，记入 #日志。'],
  examples: ['#撤回 57', '#撤回 57 重复上报'],
  category: 'report',
  requires: [registered],
  args: rawArgs.transform((a) => ({
    word: a.tokens[0] ?? '',
    no: parseNo(a.tokens[0] ?? ''),
    reason: restAfter(a.rest, 1),
  })),
  async run({ deps, sender }, { word, no, reason }) {
    if (no === null) {
      const problem = word ? CORE.noInvalid(word) : REPORTING.withdrawNoMissing
      return [{ text: CORE.badArgs(problem, REPORTING.withdrawUsage, undefined) }]
    }
    const r = deps.repo.reports.get(no)
    if (!r) return [{ text: REPORTING.withdrawUnknown(no) }]
    if (r.withdrawn) return [{ text: REPORTING.withdrawAlready(no) }]
    if (!(r.submitterId === sender.id || sender.member?.orgId === r.orgId || isAdmin(sender.roles))) {
      return [{ text: REPORTING.withdrawNotAllowed }]
    }
    const now = deps.clock()
    const note = auditNote(
      deps,
      sender,
      'report.withdraw',
      r.orgId,
      { no: String(no), month: r.month },
      reason,
    )
    const updated = await deps.repo.reports.change(
      no,
      (x) => {
        x.withdrawn = { by: sender.id, at: now.toISOString() }
      },
      note,
    )
    const site = deps.repo.roster().get(r.orgId)
    const { reported, total } = progress(deps, r.month)
    return [{ text: REPORTING.withdrawn(site, updated ?? r, reported, total) }]
  },
})
