/**
 * The heatmap and the Excel file tell the truth over time: a site added in November is 尚未列入 for the months
 * before, not 未报; a site withdrawn in November shows what it reported while it counted, and is
 * grey (已退出) only from then on — as the tallies of those months count them.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../src/domain/periods.js'
import type { Site } from '../../src/domain/types.js'
import { heatmapLayout } from '../../src/render/heatmap-layout.js'
import { heatmapInput } from '../../commands/files/file-data.js'
import { makeRecordsCore } from '../support/core.js'
import { reportMaker } from '../support/report-fixture.js'

/** A world counting since July, where on 24 November a site is added and 泰通建设 withdraws. */
async function changingRoster() {
  const w = await makeRecordsCore('2026-07-01T02:00:00Z')
  w.setNow('2026-11-24T02:00:00Z')
  const { no: _no, ...october } = reportMaker()('S30', '2026-10', { text: '泰通建设开展职工技能比武' })
  await w.repo.reports.add(october)
  await w.ask('admin', '#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥')
  await w.ask('admin', '#退出示范点 泰通建设 连续三个月未报送')
  return w
}

describe('the Excel file over a changing roster', () => {
  it('counts each month’s sites as the chat does: no 未报 before a site was added or after one withdrew', async () => {
    const w = await changingRoster()
    const replies = await w.core.handle(w.incoming('admin', '#导出 2026下半年'))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(replies.find((r) => r.file)!.file!.data as unknown as ExcelJS.Buffer)
    const monthly = wb.getWorksheet('月度统计')!
    const row = (name: string) => {
      for (let r = 4; r <= monthly.rowCount; r++)
        if (monthly.getRow(r).getCell(2).value === name) return monthly.getRow(r)
      throw new Error(name)
    }
    // July … December are columns 6 … 11.
    const added = row('大连市中山区青泥洼桥街道')
    expect([6, 7, 8, 9, 10].map((c) => added.getCell(c).value)).toEqual([null, null, null, null, null])
    expect(added.getCell(6).note).toBe('尚未列入示范点，当月不计')
    const left = row('泰通建设集团有限公司')
    expect([left.getCell(9).value, left.getCell(10).value]).toEqual([1, null])
    expect(left.getCell(10).note).toBe('已退出')
    // October's city figure counts 泰通建设, which reported then.
    const sitesRow = row('全市合计：已报示范点（共30个）')
    expect(sitesRow.getCell(9).value).toBe(1)
    const missing = wb.getWorksheet('未报名单')!
    const names = Array.from(
      { length: missing.rowCount - 3 },
      (_, i) => missing.getRow(4 + i).getCell(2).value,
    )
    expect(names).not.toContain('大连市中山区青泥洼桥街道')
    const leftRow = missing.getRow(4 + names.indexOf('泰通建设集团有限公司（已退出）'))
    expect([leftRow.getCell(5).value, leftRow.getCell(6).value, leftRow.getCell(7).value]).toEqual([
      '7–9月',
      3,
      null,
    ])
  })
})

describe('the heatmap over a changing roster', () => {
  it('marks months before a site was added as 尚未列入 and shows a withdrawn site’s months while it counted', async () => {
    // Counting since July; the roster changes on 24 November.
    const w = await makeRecordsCore('2026-07-01T02:00:00Z')
    w.setNow('2026-11-24T02:00:00Z')
    const { no: _no, ...october } = reportMaker()('S30', '2026-10', { text: '泰通建设开展职工技能比武' })
    await w.repo.reports.add(october)
    expect(
      await w.ask('admin', '#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥'),
    ).toContain('青泥洼桥')
    // The new site counts from December, 泰通建设 no longer in November: the receipts' x/29.
    expect(await w.ask('admin', '#退出示范点 泰通建设 连续三个月未报送')).toContain(
      '（现有示范点 30 个，本月计入统计 29 个）',
    )
    const sites = w.repo
      .roster()
      .orgs.filter((o): o is Site => o.kind === 'site')
      .sort((a, b) => a.group - b.group || a.no - b.no)
    const added = sites.find((s) => s.name === '大连市中山区青泥洼桥街道')!
    const scope = { admin: true, label: '全市', sites }
    const layout = heatmapLayout(
      heatmapInput(
        { repo: w.repo, clock: () => new Date('2026-11-24T02:05:00Z') },
        scope,
        parsePeriod('2026下半年')!,
      ),
    )
    const rowOf = (id: string) => layout.rows.findIndex((r) => r.kind === 'site' && r.site.id === id)
    const month = (m: string) => layout.months.findIndex((x) => x.month === m)
    const cell = (id: string, m: string) =>
      layout.cells.find((c) => c.row === rowOf(id) && c.col === month(m))!
    for (const m of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
      expect([m, cell(added.id, m).code]).toEqual([m, 'notYet'])
    expect(cell('S30', '2026-09').code).toBe('missed')
    expect([cell('S30', '2026-10').code, cell('S30', '2026-10').count]).toEqual(['one', 1])
    expect(cell('S30', '2026-11').code).toBe('retired')
    expect(layout.legend.map((l) => l.label)).toContain('尚未列入')
  })
})
