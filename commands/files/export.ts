/** #导出: the Excel file of a period for the reader's scope, sent privately. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand, type Reply } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { monthPeriod, parsePeriod, periodMonths } from '../../src/domain/periods.js'
import { buildExport, exportFileName, exportListsFileName } from '../../src/render/export-xlsx.js'
import { SCOPE } from '../../src/messages/refusals.js'
import { FILES } from './sentences.js'
import { exportInput, readerScope, scopeAndPeriod } from './file-data.js'

export const exportFile = defineCommand({
  name: '导出',
  aliases: ['导出表格', '导出Excel'],
  usage: FILES.exportUsage,
  summary: '导出负责范围内的上报情况 Excel 表格，私信发送',
  details: [
    '工作表：月度统计、上报明细、未报名单、成员、六有、考核（管理员另有日志）；打印超过 2 页的名单另发一个“明细”文件。',
    '联络员得到本区的示范点，组长得到所带的各组，管理员得到全市。不写期间时为本月。',
    '表格含成员姓名，只能导出自己负责的范围：可写其中一部分，如 #导出 第一组 2026-11。',
  ],
  examples: ['#导出', '#导出 2026-11', '#导出 2026上半年', '#导出 2026年'],
  category: 'query',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => scopeAndPeriod(a.tokens)),
  async run(ctx, { scopeWord, periodWord: word }) {
    const { deps, sender, incoming } = ctx
    const period = word ? parsePeriod(word) : monthPeriod(monthOf(deps.clock()))
    if (!period) return [{ text: FILES.periodBad(word) }]
    if (periodMonths(period, deps.clock()).length === 0) return [{ text: FILES.periodFuture(period) }]
    const found = readerScope(ctx, scopeWord, 'act')
    if (!found.ok) return found.reply
    const scope = found.value
    if (scope.sites.length === 0) return [{ text: SCOPE.noSites }]
    const input = exportInput(deps, scope, period)
    const files = await buildExport(input)
    const name = exportFileName(period)
    const valid = input.reports.filter((r) => !r.withdrawn).length
    const sites = scope.sites.filter((s) => !s.retired).length
    const to = { kind: 'private' as const, id: sender.id }
    const lists = files.lists && { name: exportListsFileName(period), ...files.lists }
    const sent: Reply[] = [
      {
        to,
        text: FILES.exportSent(name, scope.label, sites, valid) + (lists ? FILES.listsApart(lists) : ''),
        file: { name, data: files.workbook, kind: 'file' },
      },
      ...(lists
        ? [{ to, text: '', file: { name: lists.name, data: lists.data, kind: 'file' as const } }]
        : []),
    ]
    return incoming.conversation.kind === 'room'
      ? [...sent, { text: FILES.sentPrivately(FILES.exportWhat) }]
      : sent
  },
})
