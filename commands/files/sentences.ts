/** What the file commands say: #导出, #图表, #经验汇编, and the sheets they add to the export. */
import type { Period } from '../../src/domain/periods.js'
import { SIX_ITEMS } from '../../src/domain/records.js'
import { periodLabel as exportPeriodLabel } from '../../src/messages/export.js'
import { quote } from '../../src/messages/quote.js'
import { periodLabel } from '../../src/messages/records.js'

export const FILES = {
  exportUsage: '#导出 [2026-11|2026上半年|2026下半年|2026年]',
  chartUsage: '#图表 [2026年|2026上半年]',
  periodBad: (w: string) =>
    `“${quote(w)}”不是可以导出的期间。请写如 2026-11、2026上半年、2026下半年 或 2026年。`,
  periodFuture: (p: Period) => `${exportPeriodLabel(p)}尚未开始，没有可导出的数据。`,
  exportSent: (file: string, scope: string, sites: number, reports: number) =>
    `已发送 ${file}（${scope}，${sites} 个示范点，${reports} 篇上报）。`,
  /** After exportSent when the long lists went to a second file. */
  listsApart: (lists: { name: string; sheets: readonly string[]; pages: number }) =>
    `${lists.sheets.join('、')}打印约 ${lists.pages} 页，另发 ${lists.name}。`,
  chartSent: (file: string, scope: string) => `已发送 ${file}（${scope}）。`,
  sentPrivately: (what: string) => `${what}已私信发给您，请查收。`,
  exportWhat: 'Excel 表格',
  chartWhat: '热力图',
  chartFailed: '热力图生成失败，请稍后再试。',
  sixSheet: {
    name: '六有',
    columns: ['编号', '单位', '工作组', '区', ...SIX_ITEMS, '已达标项数'],
    missingState: '未填报',
  },

  // #经验汇编
  compilationUsage: '#经验汇编 2026上半年',
  compilationEmpty: (period: string) =>
    `${periodLabel(period)}还没有推荐的典型经验。发送 #推荐 编号 理由 推荐。`,
  compilationSent: (period: string, n: number) => `${periodLabel(period)}经验汇编（${n} 篇）已私信发给您。`,
  compilationFile: (period: string, n: number) => `${periodLabel(period)}经验汇编，共 ${n} 篇。`,
  compilationFileName: (period: string) => `经验汇编-${periodLabel(period)}.docx`,
}
