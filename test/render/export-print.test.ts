import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { chain, type AuditEntry, type AuditInput } from '../../src/domain/audit.js'
import { parsePeriod } from '../../src/domain/periods.js'
import type { Report } from '../../src/domain/reports.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { buildExport } from '../../src/render/export-xlsx.js'
import { cutOutsideQuotes, firstPhrase } from '../../src/messages/phrase.js'
import { quotesBalanced } from '../support/quotes.js'
import { logSheet } from '../../src/render/xlsx-log.js'
import { linesOf, printFit } from '../../src/render/xlsx-sheet.js'
import { reportMaker } from '../support/report-fixture.js'

const { sites } = builtinRoster()
const group2 = sites.filter((s) => s.group === 2)
const LONG =
  '为深入学习贯彻党的二十届三中全会精神，进一步凝聚妇女群众力量，我街道妇联联合工会、团工委于十二月上旬在社区党群服务中心开展“巾帼心向党·奋进新征程——学习贯彻全会精神主题宣讲暨家庭教育指导进社区”系列活动，共有两百余名居民参加。'

const make = reportMaker()
const report = (orgId: string, month: string, text: string): Report => make(orgId, month, { text })

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  return wb
}

describe('a group leader’s workbook, as it prints', async () => {
  // The quotation starts before the summary's 30th character and ends after it.
  const QUOTED = `${'社区开展活动'.repeat(4)}“巾帼心向党·奋进新征程”主题宣讲暨家庭教育指导进社区系列活动，共有两百余名居民参加。`
  const reports = group2.slice(0, 5).map((s) => report(s.id, '2026-12', QUOTED))
  const files = await buildExport({
    period: parsePeriod('2026下半年')!,
    now: new Date('2026-12-01T02:05:00Z'),
    scope: '第二组',
    orgs: group2,
    reports,
    members: [],
    roleHolders: [],
    lateDays: 5,
  })
  const wb = await load(files.workbook)

  it('is one workbook of a handful of pages: its lists are short enough to print in it', () => {
    expect(files.lists).toBeUndefined()
    expect(files.pages).toBeLessThanOrEqual(6)
  })

  it('opens every sheet with a title row naming the scope and period, and a line with when it was made', () => {
    // A title or scope line wider than its table is broken into lines (before the period, between parts).
    const titles = wb.worksheets.map((ws) => String(ws.getRow(1).getCell(1).value).replace('\n', ''))
    expect(titles).toEqual([
      '第二组示范点创建信息统计（2026年7–12月）',
      '第二组示范点创建信息上报明细（2026年7–12月）',
      '第二组示范点未报名单（2026年7–12月）',
      '第二组示范点注册成员名单（2026年7–12月）',
    ])
    for (const ws of wb.worksheets) {
      expect(String(ws.getRow(2).getCell(1).value).replace(/\n/g, '\u3000')).toBe(
        `范围：第二组（${group2.length} 个示范点）\u3000期间：2026年7–12月\u3000制表时间：2026-12-01 10:05\u3000工青妇协同助手`,
      )
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
    }
    const members = wb.getWorksheet('成员')!
    expect(members.getRow(1).getCell(1).value).toBe('第二组示范点注册成员名单\n（2026年7–12月）')
    expect(members.getRow(1).height).toBeGreaterThan(40)
    expect(String(members.getRow(2).getCell(1).value).split('\n').length).toBeGreaterThan(1)
  })

  it('names the subtotals for the group, never 全市', () => {
    const ws = wb.getWorksheet('月度统计')!
    const labels: string[] = []
    ws.eachRow((row) => {
      const v = row.getCell(2).value
      if (typeof v === 'string') labels.push(v)
    })
    expect(labels).toContain('第二组合计：篇数')
    expect(labels).toContain(`第二组合计：已报示范点（共${group2.length}个）`)
    expect(labels.some((l) => l.includes('全市'))).toBe(false)
  })

  it('prints on A4, one page wide with fit-to-page on, the header repeated, and page numbers', () => {
    for (const ws of wb.worksheets) {
      const p = ws.pageSetup
      expect(p.paperSize).toBe(9)
      expect(p.fitToPage).toBe(true)
      expect(p.fitToWidth).toBe(1)
      expect(p.printTitlesRow).toBe('3:3')
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
      // No print area: everything written prints, and nothing else (no empty page).
      expect(p.printArea).toBeUndefined()
    }
    expect(wb.getWorksheet('月度统计')!.pageSetup.orientation).toBe('landscape')
    expect(wb.getWorksheet('上报明细')!.pageSetup.orientation).toBe('landscape')
    expect(wb.getWorksheet('成员')!.pageSetup.orientation).toBe('portrait')
    // Small sheets fit on one page.
    expect(wb.worksheets.map((ws) => ws.pageSetup.fitToHeight)).toEqual([1, 1, 1, 1])
  })

  it('wraps the summaries instead of cutting them, and never cuts inside a quotation', () => {
    const ws = wb.getWorksheet('上报明细')!
    const cell = ws.getRow(4).getCell(8)
    const text = String(cell.value)
    expect(cell.alignment?.wrapText).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(quotesBalanced(text)).toBe(true)
    expect(text).toContain('“巾帼心向党·奋进新征程”')
    // The row is as tall as the summary's lines in its column.
    const width = ws.getColumn(8).width!
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(16 * linesOf(text, width))
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') expect(quotesBalanced(c.value), c.value).toBe(true)
      }),
    )
  })

  it('gives every row the height of its wrapped lines and every month header two lines', () => {
    const monthly = wb.getWorksheet('月度统计')!
    expect(monthly.getRow(3).getCell(6).value).toBe('2026年\n7月')
    expect(monthly.getRow(3).height).toBeGreaterThanOrEqual(32)
    expect(monthly.getRow(1).height).toBe(28)
  })
})

describe('an admin’s full-year workbook, as it prints', async () => {
  // A year of reports: 2 a month from every site, one of them an article.
  const make = reportMaker()
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
  const reports = months.flatMap((m) =>
    sites.flatMap((s) => [
      make(s.id, m, {
        text: `${m.slice(5)}月10日，${s.name}召开工青妇联席会议，研究协同创新工作，参加人数30人。`,
      }),
      make(s.id, m, {
        title: '开展“巾帼心向党 奋进新征程”主题宣讲',
        links: [{ title: '', url: `https://mp.weixin.qq.com/s/${s.id}${m}`, description: '' }],
      }),
    ]),
  )
  const files = await buildExport({
    period: parsePeriod('2026年')!,
    now: new Date('2026-12-20T02:05:00Z'),
    orgs: sites,
    reports,
    members: [],
    roleHolders: [],
    lateDays: 5,
  })
  const wb = await load(files.workbook)
  const lists = await load(files.lists!.data)

  it('prints in a handful of pages: the year’s 上报明细 comes as a file of its own, named on the first sheet', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月度统计', '未报名单', '成员'])
    expect(files.pages).toBeLessThanOrEqual(6)
    expect(lists.worksheets.map((w) => w.name)).toEqual(['上报明细'])
    expect(files.lists!.sheets).toEqual(['上报明细'])
    expect(files.lists!.pages).toBeGreaterThan(2)
    expect(
      String(wb.getWorksheet('月度统计')!.getRow(2).getCell(1).value).replace(/\n/g, '\u3000'),
    ).toContain('上报明细另见 工青妇示范点创建信息_2026年_明细.xlsx')
  })

  it('prints 月度统计 on one page and 上报明细 landscape over several readable pages', () => {
    const monthly = wb.getWorksheet('月度统计')!.pageSetup
    expect([monthly.orientation, monthly.fitToHeight]).toEqual(['landscape', 1])
    const details = lists.getWorksheet('上报明细')!
    expect([details.pageSetup.orientation, details.pageSetup.fitToHeight]).toEqual(['landscape', 0])
    expect(details.rowCount).toBe(3 + reports.length)
    // One line a report: the summary's column holds it, and the row is one line tall.
    expect(details.getRow(4).height).toBe(18)
    expect(details.getRow(5).getCell(9).value).toEqual({
      text: '查看原文',
      hyperlink: 'https://mp.weixin.qq.com/s/S012026-01',
    })
    // The list file has the same title and scope line as the workbook it belongs to.
    expect(details.getRow(1).getCell(1).value).toBe('全市示范点创建信息上报明细（2026年）')
  })
})

describe('how a sheet prints', () => {
  it('fits a small sheet on one page, and a long one on as few pages as print at 70 % or more', () => {
    expect(printFit([10, 30, 10], [20, ...Array<number>(30).fill(18)])).toMatchObject({
      orientation: 'portrait',
      fitToHeight: 1,
      scale: 1,
    })
    const long = printFit(Array<number>(12).fill(16), [20, ...Array<number>(800).fill(18)])
    expect(long).toMatchObject({ orientation: 'landscape', fitToHeight: 0 })
    expect(long.scale).toBeGreaterThanOrEqual(0.7)
    expect(long.pages).toBeGreaterThan(10)
  })

  it('counts the lines of a wrapped cell by the width of its characters', () => {
    expect(linesOf('大连市西岗区日新街道', 24)).toBe(1)
    expect(linesOf('大连市西岗区日新街道'.repeat(3), 24)).toBe(3)
    expect(linesOf('一\n二', 10)).toBe(2)
    expect(linesOf(null, 10)).toBe(1)
  })
})

describe('cutting text outside quotations', () => {
  it('ends at a phrase boundary before the limit, or keeps a quotation whole', () => {
    expect(cutOutsideQuotes('短句。', 10)).toBe('短句。')
    const cut = cutOutsideQuotes('开展“巾帼心向党”主题宣讲活动，居民踊跃参加，效果很好', 16)
    expect(cut).toBe('开展“巾帼心向党”主题宣讲活动…')
    const open = cutOutsideQuotes('我们在社区开展“巾帼心向党主题宣讲进万家活动”取得实效', 10)
    expect(quotesBalanced(open)).toBe(true)
    expect(open).toBe('我们在社区开展…')
    expect(cutOutsideQuotes('我们在社区开展“巾帼心向党主题宣讲进万家活动”取得实效', 10, 20)).toBe(
      '我们在社区开展“巾帼心向党主题宣讲进万家活动”…',
    )
  })

  it('takes the first sentence as a title, quotations whole', () => {
    expect(firstPhrase('开展“巾帼心向党。奋进新征程”宣讲。居民参加。')).toBe(
      '开展“巾帼心向党。奋进新征程”宣讲',
    )
    expect(quotesBalanced(firstPhrase(LONG))).toBe(true)
    expect([...firstPhrase(LONG)].length).toBeLessThanOrEqual(46)
  })
})

describe('the 日志 sheet, for people', () => {
  const hash = (t: string) => t.length.toString(16).padStart(64, '0')
  const input = (over: Partial<AuditInput>): AuditInput => ({
    at: '2026-11-20T02:00:00Z',
    by: 'wxid_abc123',
    byName: 'name=李娜; role=第二组组长',
    action: 'roster.move',
    target: 'S05',
    detail: { from: '2026-12-01', group: '3' },
    reason: '工作调整',
    ...over,
  })
  const a = chain(null, input({}), hash)
  const b = chain(
    a,
    input({
      by: 'system',
      action: 'settings.change',
      target: 'assessment',
      detail: { 'weights.reporting': '50' },
      reason: '',
    }),
    hash,
  )
  const entries: AuditEntry[] = [a, b]
  const sheet = logSheet({
    entries,
    person: (id) => (id === 'wxid_abc123' ? { name: '李娜', org: '中山区妇联' } : undefined),
    target: (t) => (t === 'S05' ? '望海社区' : t === 'assessment' ? '考核设置' : t),
  })

  it('says when, who and where, what, to what and why in words, with no ids or hashes', () => {
    expect(sheet.name).toBe('日志')
    expect(sheet.columns.map((c) => c.header)).toEqual([
      '时间',
      '操作人',
      '所在单位',
      '操作',
      '对象',
      '内容',
      '原因',
    ])
    const [first, second] = sheet.rows
    expect(first!.slice(1)).toEqual([
      '李娜',
      '中山区妇联',
      '调整工作组',
      '望海社区',
      '2026-12-01起生效，调至第三组',
      '工作调整',
    ])
    expect(second!.slice(1, 6)).toEqual(['系统', null, '修改设置', '考核设置', '上报权重改为50'])
    const all = sheet.rows.flat().map(String).join('|')
    expect(all).not.toMatch(/wxid_|[0-9a-f]{64}|=/)
  })
})
