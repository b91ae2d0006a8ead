import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../src/domain/periods.js'
import type { Report } from '../../src/domain/reports.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import type { Member, Org } from '../../src/domain/types.js'
import { buildExport, textWidth, waysOf } from '../../src/render/export-xlsx.js'

const { sites, lineOrgs } = builtinRoster()
const site = (id: string) => sites.find((s) => s.id === id)!
const orgs: Org[] = [...sites.map((s) => (s.id === 'S05' ? { ...s, retired: true } : s)), ...lineOrgs]

let no = 0
function report(orgId: string, month: string, at: string, extra: Partial<Report> = {}): Report {
  return {
    no: ++no,
    month,
    orgId,
    submitterId: `wx-${orgId}`,
    submitterName: '张三',
    onBehalf: false,
    via: 'text',
    title: '',
    text: `${month} 开展“巾帼心向党”主题宣讲活动`,
    links: [],
    files: [],
    messageIds: [`m${no}`],
    at,
    late: false,
    withdrawn: null,
    ...extra,
  }
}

const reports: Report[] = [
  report('S01', '2026-11', '2026-11-20T16:30:00Z'),
  report('S01', '2026-11', '2026-11-21T02:00:00Z', {
    via: 'share',
    title: '日新街道创建信息',
    links: [{ title: '日新街道创建信息', url: 'https://mp.weixin.qq.com/s/abc', description: '' }],
  }),
  report('S02', '2026-11', '2026-11-10T02:00:00Z', {
    withdrawn: { by: 'wx-S02', at: '2026-11-10T03:00:00Z' },
  }),
  report('S04', '2026-11', '2026-11-12T02:00:00Z', {
    onBehalf: true,
    files: [
      { name: '活动照片.jpg', path: 'attachments/2026-11/a.jpg', size: 1, kind: 'image' },
      { name: '总结.docx', path: 'attachments/2026-11/b.docx', size: 1, kind: 'file' },
    ],
  }),
  report('S05', '2026-11', '2026-11-12T02:00:00Z'),
  report('S20', '2026-11', '2026-11-13T02:00:00Z'),
  report('S03', '2026-10', '2026-11-03T02:00:00Z', { late: true }),
  report('S03', '2026-09', '2026-09-03T02:00:00Z'),
]

const member = (contactId: string, name: string, orgId: string, registeredAt: string): Member => ({
  contactId,
  name,
  orgId,
  line: '妇联',
  registeredAt,
  updatedAt: registeredAt,
  history: [],
  wechatName: name,
})
const members = [
  member('wx-a', '王五', 'S02', '2026-10-01T01:00:00Z'),
  member('wx-b', '赵六', 'S02', '2026-10-02T01:00:00Z'),
  member('wx-c', '钱七', lineOrgs[0]!.id, '2026-10-03T01:00:00Z'),
]
const roleHolders = [
  {
    contactId: 'wx-c',
    grants: [
      { role: 'leader' as const, group: 1 as const, grantedBy: 'x', grantedAt: '2026-10-01T00:00:00Z' },
      { role: 'admin' as const, grantedBy: 'x', grantedAt: '2026-10-01T00:00:00Z' },
    ],
  },
]

/** The header row: under the title row and the scope line. */
const H = 3
async function load(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  return wb
}
const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1)
/** The row whose first cell is the site's 编号 (in 月度统计). */
function siteRow(ws: ExcelJS.Worksheet, no: number): ExcelJS.Row {
  for (let r = H + 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === no) return ws.getRow(r)
  throw new Error(`no row for ${no}`)
}
function labelRow(ws: ExcelJS.Worksheet, prefix: string): ExcelJS.Row {
  for (let r = H + 1; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(2).value
    if (typeof v === 'string' && v.startsWith(prefix)) return ws.getRow(r)
  }
  throw new Error(`no row ${prefix}`)
}
const noteText = (c: ExcelJS.Cell) => {
  const n = c.note as unknown
  if (typeof n === 'string') return n
  if (n && typeof n === 'object' && 'texts' in n)
    return (n as { texts: { text: string }[] }).texts.map((t) => t.text).join('')
  return undefined
}
const fillOf = (c: ExcelJS.Cell) => (c.fill?.type === 'pattern' ? c.fill.fgColor?.argb : undefined)

describe('the export of a month', async () => {
  const { workbook: buf } = await buildExport({
    period: parsePeriod('2026-11')!,
    now: new Date('2026-11-24T02:00:00Z'),
    orgs,
    reports,
    members,
    roleHolders,
    lateDays: 5,
    extraSheets: [
      {
        name: '六有',
        columns: [{ header: '单位' }, { header: '检查日期', width: 14 }, { header: '得分', numFmt: '0.0' }],
        rows: [['日新街道', new Date(Date.UTC(2026, 10, 5)), 95]],
      },
    ],
  })
  const wb = await load(buf)

  it('has the sheets in order, each with a frozen header and a filter', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['月度统计', '上报明细', '未报名单', '成员', '六有'])
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: H })
      expect(ws.autoFilter).toBeTruthy()
    }
  })

  it('counts valid reports per site in 月度统计, greys the retired site and leaves it out of the totals', () => {
    const ws = wb.getWorksheet('月度统计')!
    // The month over two lines (2026年 / 11月), read back as 2026年11月 by #导入.
    expect(values(ws, H)).toEqual(['编号', '单位', '级别', '工作组', '区', '2026年\n11月', '合计', '备注'])
    expect(values(ws, H + 1).slice(0, 4)).toEqual([undefined, '第一组', undefined, '第一组'])
    expect(siteRow(ws, 1).getCell(6).value).toBe(2)
    expect(siteRow(ws, 1).getCell(7).value).toBe(2)
    expect(siteRow(ws, 2).getCell(6).value).toBe(0) // withdrawn: not counted
    const retired = siteRow(ws, 5)
    expect(retired.getCell(6).value).toBe(1)
    expect(retired.getCell(8).value).toBe('已退出')
    expect(retired.getCell(2).font?.color?.argb).toBe('FF808080')
    expect(noteText(retired.getCell(2))).toContain('不计入合计')
    // Sites in bands: every site once, group by group.
    const siteNos = []
    for (let r = H + 1; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).getCell(1).value
      if (typeof v === 'number') siteNos.push(v)
    }
    expect(siteNos).toHaveLength(30)
    expect(siteNos.map((n) => site(`S${String(n).padStart(2, '0')}`).group)).toEqual(
      [...siteNos.map((n) => site(`S${String(n).padStart(2, '0')}`).group)].sort(),
    )
    expect(labelRow(ws, '全市合计：篇数').getCell(6).value).toBe(4)
    expect(labelRow(ws, '全市合计：篇数').getCell(7).value).toBe(4)
    expect(labelRow(ws, '全市合计：已报').getCell(2).value).toBe('全市合计：已报示范点（共29个）')
    expect(labelRow(ws, '全市合计：已报').getCell(6).value).toBe(3)
    expect(labelRow(ws, '省级小计：篇数').getCell(6).value).toBe(3)
    expect(labelRow(ws, '省级小计：已报').getCell(6).value).toBe(2)
    expect(labelRow(ws, '市级小计：篇数').getCell(6).value).toBe(1)
    expect(labelRow(ws, '市级小计：已报').getCell(6).value).toBe(1)
    expect(noteText(ws.getRow(H).getCell(6))).toContain('本月进行中')
  })

  it('lists every report in 上报明细 with Shanghai wall-clock dates, ways and status', () => {
    const ws = wb.getWorksheet('上报明细')!
    expect(values(ws, H)).toEqual([
      '编号',
      '单位',
      '工作组',
      '月份',
      '提交时间',
      '提交人',
      '方式',
      '标题或摘要',
      '链接',
      '附件名',
      '状态',
    ])
    expect(ws.rowCount).toBe(H + 6)
    const first = ws.getRow(H + 1)
    expect(first.getCell(2).value).toBe(site('S01').name)
    expect(first.getCell(4).value).toBe('2026年11月')
    const at = first.getCell(5).value
    expect(at).toBeInstanceOf(Date)
    expect((at as Date).toISOString()).toBe('2026-11-21T00:30:00.000Z')
    expect(first.getCell(5).numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(first.getCell(7).value).toBe('文字')
    expect(first.getCell(11).value).toBe('有效')
    expect(ws.getRow(H + 2).getCell(7).value).toBe('文章')
    expect(ws.getRow(H + 2).getCell(8).value).toBe('日新街道创建信息')
    // The address behind 查看原文: it means nothing on paper.
    expect(ws.getRow(H + 2).getCell(9).value).toEqual({
      text: '查看原文',
      hyperlink: 'https://mp.weixin.qq.com/s/abc',
    })
    expect(ws.getRow(H + 3).getCell(11).value).toBe('已撤回')
    expect(ws.getRow(H + 4).getCell(7).value).toBe('文件、图片、代报')
    expect(ws.getRow(H + 4).getCell(10).value).toBe('活动照片.jpg、总结.docx')
  })

  it('lists the sites without a valid report in 未报名单, one row a site, with their people', () => {
    const ws = wb.getWorksheet('未报名单')!
    // Headers wrap in narrow columns (未报 over 月份).
    expect(values(ws, H).map((v) => String(v).replace('\n', ''))).toEqual([
      '编号',
      '单位',
      '工作组',
      '区',
      '未报月份',
      '未报月数',
      '尚可上报',
      '已注册人员',
    ])
    expect(ws.rowCount).toBe(H + 26)
    const rows = Array.from({ length: 26 }, (_, i) => ws.getRow(H + 1 + i))
    const s2 = rows.find((r) => r.getCell(1).value === 2)!
    // November is running: nothing missed yet, all of it still to report.
    expect([s2.getCell(5).value, s2.getCell(6).value, s2.getCell(7).value]).toEqual([
      null,
      0,
      '11月（进行中）',
    ])
    expect(s2.getCell(8).value).toBe('王五、赵六')
    expect(rows.find((r) => r.getCell(1).value === 6)!.getCell(8).value).toBe('（无人注册）')
    expect(rows.some((r) => r.getCell(1).value === 5)).toBe(false) // retired
  })

  it('lists members with their roles and a real registration date', () => {
    const ws = wb.getWorksheet('成员')!
    expect(values(ws, H)).toEqual(['姓名', '单位', '条线', '角色', '注册时间'])
    expect(values(ws, H + 1).slice(0, 4)).toEqual(['王五', site('S02').name, '妇联', undefined])
    expect(values(ws, H + 3).slice(0, 4)).toEqual(['钱七', lineOrgs[0]!.name, '妇联', '第一组组长、管理员'])
    expect(ws.getRow(H + 1).getCell(5).value).toEqual(new Date('2026-10-01T09:00:00Z'))
  })

  it('renders extra sheets the same way, with dates as dates and widths that fit Chinese', () => {
    const ws = wb.getWorksheet('六有')!
    expect(values(ws, H + 1)).toEqual(['日新街道', new Date(Date.UTC(2026, 10, 5)), 95])
    expect(ws.getRow(H + 1).getCell(2).numFmt).toBe('yyyy-mm-dd')
    // A score column reads with one decimal (95.0), as the chat and the document say it.
    expect(ws.getRow(H + 1).getCell(3).numFmt).toBe('0.0')
    expect(ws.getColumn(2).width).toBe(14)
    expect(ws.getColumn(1).width).toBe(textWidth('日新街道') + 2)
    const details = wb.getWorksheet('上报明细')!
    expect(details.getColumn(2).width).toBeGreaterThanOrEqual(Math.min(60, textWidth(site('S01').name)))
  })
})

describe('the export of a half year', async () => {
  const { workbook: buf } = await buildExport({
    period: parsePeriod('2026下半年')!,
    now: new Date('2026-12-03T02:00:00Z'),
    trackingSince: '2026-09',
    orgs,
    reports,
    members,
    roleHolders,
    lateDays: 5,
  })
  const wb = await load(buf)
  const ws = wb.getWorksheet('月度统计')!

  it('has a column per begun month, marks months before tracking and the late report', () => {
    expect(values(ws, H).slice(5, 12)).toEqual([
      '2026年\n7月',
      '2026年\n8月',
      '2026年\n9月',
      '2026年\n10月',
      '2026年\n11月',
      '2026年\n12月',
      '合计',
    ])
    expect(noteText(ws.getRow(H).getCell(6))).toBe('统计开始前，无数据')
    const s3 = siteRow(ws, 3)
    expect(s3.getCell(6).value).toBeNull()
    expect([s3.getCell(8).value, s3.getCell(9).value, s3.getCell(12).value]).toEqual([1, 1, 2])
    expect(fillOf(s3.getCell(9))).toBe('FFFCE4D6')
    expect(noteText(s3.getCell(9))).toBe('含补报 1 篇')
    expect(fillOf(s3.getCell(8))).not.toBe('FFFCE4D6')
    expect(s3.getCell(13).value).toBe('补报 1 篇')
    expect(labelRow(ws, '全市合计：篇数').getCell(12).value).toBe(6)
    expect(labelRow(ws, '全市合计：已报').getCell(9).value).toBe(1)
  })

  it('says in 未报名单 which months are missed, which may still be reported, and skips months before tracking', () => {
    const miss = wb.getWorksheet('未报名单')!
    const byNo = new Map<unknown, unknown[]>()
    for (let r = H + 1; r <= miss.rowCount; r++)
      byNo.set(miss.getRow(r).getCell(1).value, values(miss, r).slice(4, 7))
    // S03 reported in September and October; November's 补报 is open until 5 December, December runs.
    expect(byNo.get(3)).toEqual([undefined, 0, '11月（补报至12月5日）、12月（进行中）'])
    // S06 reported nothing since tracking began in September: July and August are not counted.
    expect(byNo.get(6)).toEqual(['9–10月', 2, '11月（补报至12月5日）、12月（进行中）'])
  })
})

describe('imported counts in 上报明细', () => {
  it('are one row a site and month saying how many, not rows with nothing in them', async () => {
    const imported = (i: number) =>
      report('S06', '2026-10', '2026-11-20T02:00:00Z', {
        no: 0,
        via: 'import',
        text: '',
        messageIds: [`i${i}`],
      })
    const { workbook } = await buildExport({
      period: parsePeriod('2026下半年')!,
      now: new Date('2026-11-24T02:00:00Z'),
      orgs,
      reports: [imported(1), imported(2), imported(3), report('S06', '2026-11', '2026-11-21T02:00:00Z')],
      members: [],
      roleHolders: [],
      lateDays: 5,
    })
    const ws = (await load(workbook)).getWorksheet('上报明细')!
    expect(ws.rowCount).toBe(H + 2)
    expect(values(ws, H + 1).slice(3, 8)).toEqual([
      '2026年10月',
      new Date('2026-11-20T10:00:00Z'),
      '张三',
      '导入',
      '台账导入 3 篇（无原文）',
    ])
    expect(values(ws, H + 2)[3]).toBe('2026年11月')
  })
})

describe('ways of a report', () => {
  it('joins what applies', () => {
    expect(waysOf(report('S01', '2026-11', '2026-11-01T00:00:00Z', { late: true, onBehalf: true }))).toEqual([
      'text',
      'onBehalf',
      'late',
    ])
  })
})
