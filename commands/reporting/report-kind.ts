/** #标记: marks a report 规定动作 / 自选动作 / 宣传报道 (tallies unchanged; the assessment uses it). */
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { parseReportKind } from '../../src/domain/records.js'
import { parseNo } from '../../src/domain/numbers.js'
import { REC } from '../../src/messages/records.js'
import { U } from '../../src/messages/usability.js'
import { M } from '../../src/messages/zh.js'
import { actorOf, recordsOf } from '../records/record-site.js'

export const reportKind = defineCommand({
  name: '标记',
  aliases: ['标记类别'],
  usage: REC.kindUsage,
  summary: '把一篇上报标记为规定动作、自选动作或宣传报道',
  details: ['不影响上报统计；半年考核会用到。再次标记即为修改。'],
  examples: ['#标记 12 规定动作', '#标记 15 自选'],
  category: 'records',
  requires: [registered],
  args: rawArgs.transform((a) => ({ no: a.tokens[0] ?? '', word: a.tokens[1] ?? '' })),
  async run(ctx, { no, word }) {
    const { deps, sender } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const n = parseNo(no)
    if (n === null) return [{ text: M.badArgs(no ? U.noInvalid(no) : U.noMissing, REC.kindUsage, undefined) }]
    const report = deps.repo.reports.get(n)
    if (!report) return [{ text: REC.reportUnknown(String(n)) }]
    if (report.withdrawn) return [{ text: REC.reportWithdrawn(report.no) }]
    const kind = parseReportKind(word)
    if (!kind) return [{ text: REC.kindBad(word) }]
    const site = deps.repo.roster().get(report.orgId)
    if (site?.kind !== 'site') return [{ text: REC.reportUnknown(String(n)) }]
    const ok = ctx.actFor(site)
    if (!ok.ok) return ok.reply
    await rec.value.records.setKind(report.no, report.month, kind, actorOf(sender), deps.clock())
    return [{ text: REC.kindSaved(report.no, kind) }]
  },
})
