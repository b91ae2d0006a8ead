/** #经验汇编: the recommended reports of a half-year as a Word document, sent privately. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { actsFor } from '../../src/domain/authority.js'
import { parsePeriod, periodMonths } from '../../src/domain/records.js'
import { buildCompilation, type CompilationItem } from '../../src/render/compilation-docx.js'
import { DEFAULT_ISSUER } from '../../src/messages/compilation.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { FILES } from './sentences.js'
import { recordsOf } from '../records/record-site.js'
import { defaultPeriod } from '../assessment/assessment-now.js'

export const compilation = defineCommand({
  name: '经验汇编',
  aliases: ['汇编'],
  usage: FILES.compilationUsage,
  summary: '把半年内推荐的典型经验汇编成 Word 文档，私信发送',
  details: ['收入该半年推荐的上报：标题、单位、日期、正文、链接、图片和推荐理由，按工作组和示范点编排。'],
  examples: ['#经验汇编 2026上半年'],
  category: 'records',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run({ deps, sender, incoming }, word) {
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const period = word ? parsePeriod(word) : defaultPeriod(deps)
    if (!period) return [{ text: ASSESS.periodBad(word) }]
    const months = periodMonths(period)
    const items: CompilationItem[] = []
    for (const r of rec.value.records.recommendations()) {
      if (r.withdrawn) continue
      const report = deps.repo.reports.get(r.reportNo)
      if (!report || report.withdrawn || !months.includes(report.month)) continue
      const site = deps.repo.roster().get(report.orgId)
      if (site?.kind !== 'site' || !actsFor(sender.roles, site)) continue
      items.push({ report, site, recommender: r.byName, reason: r.reason })
    }
    if (items.length === 0) return [{ text: FILES.compilationEmpty(period) }]
    const readFile = (file: Parameters<typeof deps.repo.reports.readFile>[0]) =>
      deps.repo.reports.readFile(file)
    const data = await buildCompilation({
      period,
      items,
      readFile,
      issuer: deps.settings.issuer ?? DEFAULT_ISSUER,
      today: shanghaiDate(deps.clock()),
    })
    const to = { kind: 'private' as const, id: sender.id }
    const file = { name: FILES.compilationFileName(period), data, kind: 'file' as const }
    const note = { text: FILES.compilationFile(period, items.length), to, file }
    return incoming.conversation.kind === 'room'
      ? [note, { text: FILES.compilationSent(period, items.length) }]
      : [note]
  },
})
