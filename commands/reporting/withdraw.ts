import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { isAdmin } from '../../src/domain/authority.js'
import { parseNo } from '../../src/domain/numbers.js'
import { R } from '../../src/messages/reports.js'
import { U } from '../../src/messages/usability.js'
import { M } from '../../src/messages/zh.js'
import { audited } from '../operations/audited.js'
import { progress } from './file-report.js'

export const withdraw = defineCommand({
  name: '撤回',
  aliases: ['撤销上报', '删除上报'],
  usage: R.withdrawUsage,
  summary: '撤回一篇上报（保留记录，不再计入）',
  details: ['提交人、同单位成员或管理员可以撤回。编号见上报回执。编号后可写原因，记入 #日志。'],
  examples: ['#撤回 57', '#撤回 57 重复上报'],
  category: 'report',
  requires: [registered],
  args: rawArgs.transform((a) => ({
    word: a.tokens[0] ?? '',
    no: parseNo(a.tokens[0] ?? ''),
    reason: a.tokens.slice(1).join(' '),
  })),
  async run({ deps, sender }, { word, no, reason }) {
    if (no === null) {
      const problem = word ? U.noInvalid(word) : R.withdrawNoMissing
      return [{ text: M.badArgs(problem, R.withdrawUsage, undefined) }]
    }
    const r = deps.repo.reports.get(no)
    if (!r) return [{ text: R.withdrawUnknown(no) }]
    if (r.withdrawn) return [{ text: R.withdrawAlready(no) }]
    if (!(r.submitterId === sender.id || sender.member?.orgId === r.orgId || isAdmin(sender.roles))) {
      return [{ text: R.withdrawNotAllowed }]
    }
    const now = deps.clock()
    const updated = await deps.repo.reports.change(no, (x) => {
      x.withdrawn = { by: sender.id, at: now.toISOString() }
    })
    await audited(deps, sender, 'report.withdraw', r.orgId, { no: String(no), month: r.month }, reason)
    const site = deps.repo.roster().get(r.orgId)
    const { reported, total } = progress(deps, r.month)
    return [{ text: R.withdrawn(site, updated ?? r, reported, total) }]
  },
})
