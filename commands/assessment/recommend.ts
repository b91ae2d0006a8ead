/** #推荐: leaders mark a report as a typical case for the experience exchange, or withdraw it. */
import { rawArgs, restAfter } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { UNDO_WORDS } from '../../src/domain/vocabulary.js'
import { parseNo } from '../../src/domain/numbers.js'
import { CORE } from '../../src/messages/core.js'
import { REPORT } from '../../src/messages/reports.js'
import { RECOMMEND } from './sentences.js'
import { actorOf, recordsOf } from '../records/record-site.js'

const isUndo = (w: string | undefined) => UNDO_WORDS.some((u) => u === w)

export const recommend = defineCommand({
  name: '推荐',
  aliases: ['推荐经验', '典型推荐'],
  usage: RECOMMEND.usage,
  summary: '把一篇上报推荐为典型经验，收入半年经验汇编；也可撤销推荐',
  details: [
    '组长推荐本组示范点的上报，管理员可推荐全部。再次推荐即修改理由。',
    '#推荐 撤销 编号 [原因] 撤销推荐：不再收入经验汇编，记录保留在 #日志。',
  ],
  examples: ['#推荐 12 居民参与度高，做法可复制', '#推荐 撤销 12 内容重复'],
  category: 'records',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a) => {
    const undo = isUndo(a.tokens[0])
    const t = undo ? a.tokens.slice(1) : a.tokens
    return { undo, no: t[0] ?? '', reason: restAfter(a.rest, (undo ? 1 : 0) + 1) }
  }),
  async run(ctx, { undo, no, reason }) {
    const { deps, sender } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const n = parseNo(no)
    if (n === null)
      return [{ text: CORE.badArgs(no ? CORE.noInvalid(no) : CORE.noMissing, RECOMMEND.usage, undefined) }]
    const report = deps.repo.reports.get(n)
    if (!report) return [{ text: REPORT.unknown(String(n)) }]
    const site = deps.repo.roster().get(report.orgId)
    if (site?.kind !== 'site') return [{ text: REPORT.unknown(String(n)) }]
    const may = ctx.actFor(site)
    if (!may.ok) return may.reply
    if (undo) {
      const done = await rec.value.records.unrecommend(
        report.no,
        report.month,
        reason,
        actorOf(sender),
        deps.clock(),
      )
      return [
        { text: done ? RECOMMEND.unrecommended(report.no, site.name) : RECOMMEND.notRecommended(report.no) },
      ]
    }
    if (report.withdrawn) return [{ text: REPORT.withdrawn(report.no) }]
    const again = rec.value.records.recommendations().some((r) => r.reportNo === report.no && !r.withdrawn)
    await rec.value.records.recommend(report.no, report.month, reason, actorOf(sender), deps.clock())
    return [{ text: (again ? RECOMMEND.reasonChanged : RECOMMEND.recommended)(report.no, site.name) }]
  },
})
