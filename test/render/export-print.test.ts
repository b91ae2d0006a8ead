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

const { sites } = builtinRoster()
const group2 = sites.filter((s) => s.group === 2)
const LONG =
  '为深入学习贯彻党的二十届三中全会精神，进一步凝聚妇女群众力量，我街道妇联联合工会、团工委于十二月上旬在社区党群服务中心开展“巾帼心向党·奋进新征程——学习贯彻全会精神主题宣讲暨家庭教育指导进社区”系列活动，共有两百余名居民参加。'

let no = 0
const report = (orgId: string, month: string, text: string): Report => ({
  no: ++no,
  month,
  orgId,
  submitterId: 'wx',
  submitterName: '张三',
  onBehalf: false,
  via: 'text',
  title: '',
  text,
  links: [],
  files: [],
  messageIds: [`m${no}`],
  at: `${month}-10T02:00:00Z`,
  late: false,
  withdrawn: null,
})

async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  return wb
}

describe('a group leader’s workbook, as it prints', async () => {
  // The quotation starts before the 60th character and ends after it.
  const QUOTED = `${'社区开展活动'.repeat(8)}“巾帼心向党·奋进新征程——学习贯彻全会精神主题宣讲暨家庭教育指导进社区”系列活动，共有两百余名居民参加。`
  const reports = group2.slice(0, 5).map((s) => report(s.id, '2026-12', QUOTED))
  const wb = await load(
    await buildExport({
      period: parsePeriod('2026下半年')!,
      now: new Date('2026-12-01T02:05:00Z'),
      scope: '第二组',
      orgs: group2,
      reports,
      members: [],
      roleHolders: [],
      lateDays: 5,
    }),
  )

  it('opens every sheet with a title row naming the scope and period, and a line with when it was made', () => {
    const titles = wb.worksheets.map((ws) => ws.getRow(1).getCell(1).value)
    expect(titles).toEqual([
      '第二组示范点创建信息统计（2026年7–12月）',
      '第二组示范点创建信息上报明细（2026年7–12月）',
      '第二组示范点未报名单（2026年7–12月）',
      '第二组示范点注册成员名单（2026年7–12月）',
    ])
    for (const ws of wb.worksheets) {
      expect(ws.getRow(2).getCell(1).value).toBe(
        `范围：第二组（${group2.length} 个示范点）\u3000期间：2026年7–12月\u3000制表时间：2026-12-01 10:05\u3000工青妇协同助手`,
      )
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
    }
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
      expect(p.fitToHeight).toBe(0)
      expect(p.printTitlesRow).toBe('3:3')
      expect(ws.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
    }
    expect(wb.getWorksheet('月度统计')!.pageSetup.orientation).toBe('landscape')
    expect(wb.getWorksheet('上报明细')!.pageSetup.orientation).toBe('landscape')
    expect(wb.getWorksheet('成员')!.pageSetup.orientation).toBe('portrait')
  })

  it('wraps the summaries instead of cutting them, and never cuts inside a quotation', () => {
    const ws = wb.getWorksheet('上报明细')!
    const cell = ws.getRow(4).getCell(8)
    const text = String(cell.value)
    expect(cell.alignment?.wrapText).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(quotesBalanced(text)).toBe(true)
    expect(text).toContain('“巾帼心向党·奋进新征程——学习贯彻全会精神主题宣讲暨家庭教育指导进社区”')
    expect(ws.getRow(4).height).toBeGreaterThan(15)
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') expect(quotesBalanced(c.value), c.value).toBe(true)
      }),
    )
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
