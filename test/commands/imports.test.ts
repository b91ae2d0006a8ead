/**
 * #导入 through handle(): a coordinator's workbook (title row, 序号 and 工作推进组 columns, group
 * rows, marks, a formula, a subtotal row, a name it cannot place) previewed, applied, counted in
 * every view, taken back; bad files refused with one sentence; the bot's own export re-imported.
 */
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { Incoming } from '../../src/core/types.js'
import { cellCount, readSheet } from '../../src/domain/import-sheet.js'
import {
  looksLikeMonth,
  namesLastMonth,
  parseMonthHeader,
  startsWithDate,
} from '../../src/domain/month-words.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { Roster } from '../../src/domain/roster.js'
import { tallyMonth } from '../../src/domain/reports.js'
import { parseCsv, zipDirectory } from '../../commands/imports/read-file.js'
import { makeRecordsCore } from '../support/core.js'

const DEC = new Date('2026-12-02T02:00:00Z')
const { sites, lineOrgs } = builtinRoster()
const roster = new Roster([...sites, ...lineOrgs])
const find = (t: string) => roster.lookup(t, { includeRetired: true })

/** A workbook laid out as a coordinator keeps it. */
export async function coordinatorWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('下半年台账')
  ws.addRow(['2026年下半年示范点创建信息报送情况'])
  ws.mergeCells('A1:H1')
  ws.addRow(['序号', '工作推进组', '单位', '7月', '8月份', '九月', '10月', '合计'])
  ws.addRow([null, '第一组'])
  ws.addRow([1, '第一组', sites[0]!.name, 2, '✓', '×', 1, { formula: 'SUM(D4:G4)', result: 4 }])
  ws.addRow([2, '第一组', sites[1]!.aliases[0] ?? sites[1]!.name, 1, 1, 1, { formula: '1+1', result: 2 }])
  ws.addRow([3, '第一组', String(sites[2]!.no), '已报', null, '未报', '待定'])
  ws.addRow([4, '第一组', '不存在的单位', 1, 1, 1, 1])
  ws.addRow([null, '小计', null, 3, 2, 1, 2])
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}

describe('reading months and cells as people write them', () => {
  const now = new Date('2026-12-02T02:00:00Z')
  it('month headers', () => {
    expect(parseMonthHeader('2026年7月', now, null)).toBe('2026-07')
    expect(parseMonthHeader('7月', now, null)).toBe('2026-07')
    expect(parseMonthHeader('7月', now, 2025)).toBe('2025-07')
    expect(parseMonthHeader('2026-07', now, null)).toBe('2026-07')
    expect(parseMonthHeader('2026.7', now, null)).toBe('2026-07')
    expect(parseMonthHeader('七月', now, null)).toBe('2026-07')
    expect(parseMonthHeader('8月份（篇）', now, null)).toBe('2026-08')
    expect(parseMonthHeader('单位', now, null)).toBeNull()
    expect(parseMonthHeader('合计', now, null)).toBeNull()
  })
  it('cells', () => {
    expect(cellCount('3')).toBe(3)
    expect(cellCount('✓')).toBe(1)
    expect(cellCount('已报')).toBe(1)
    expect(cellCount('×')).toBe(0)
    expect(cellCount('未报')).toBe(0)
    expect(cellCount('')).toBe('blank')
    expect(cellCount('待定')).toBeNull()
  })
  it('month-like words and dates in texts', () => {
    expect(looksLikeMonth('2026-13')).toBe(true)
    expect(looksLikeMonth('13月')).toBe(true)
    expect(looksLikeMonth('测试内容')).toBe(false)
    expect(startsWithDate('11月28日大连大学妇委会开展活动')).toBe(true)
    expect(namesLastMonth('医大一院11月创建信息.pdf', now)).toBe('2026-11')
    expect(namesLastMonth('11月28日开展活动', now)).toBeNull()
    expect(namesLastMonth('12月创建信息', now)).toBeNull()
  })
  it('CSV with quotes', () => {
    expect(parseCsv('单位,7月\r\n"大连大学, 妇委会",2\n')).toEqual([
      ['单位', '7月'],
      ['大连大学, 妇委会', '2'],
    ])
  })
  it('a coordinator sheet: title, 序号, group rows, subtotal, unknown names, unreadable cells', () => {
    const grid = {
      name: '台账',
      rows: [
        ['2026年下半年创建信息'],
        ['序号', '工作推进组', '单位', '7月', '8月', '9月'],
        ['', '第一组', '', '', '', ''],
        ['1', '第一组', sites[0]!.name, '2', '✓', ''],
        ['2', '第一组', '日信街道', '1', '', ''],
        ['', '合计', '', '3', '1', ''],
      ],
    }
    const r = readSheet(grid, find, DEC)
    if (typeof r !== 'object' || !('entries' in r)) throw new Error(String(r))
    expect(r.months).toEqual(['2026-07', '2026-08'])
    expect(r.emptyMonths).toEqual(['2026-09'])
    expect(r.entries).toContainEqual({ orgId: sites[0]!.id, month: '2026-07', count: 2 })
    expect(r.orgIds).toEqual([sites[0]!.id])
    expect(r.unplaced.map((u) => u.text)).toEqual(['日信街道'])
  })
  it('refuses a future month and a sheet without sites', () => {
    expect(
      readSheet(
        {
          name: 's',
          rows: [
            ['单位', '2027年1月'],
            [sites[0]!.name, '1'],
          ],
        },
        find,
        DEC,
      ),
    ).toEqual({
      future: '2027-01',
    })
    expect(
      readSheet(
        {
          name: 's',
          rows: [
            ['名称', '7月'],
            ['甲乙丙', '1'],
          ],
        },
        find,
        DEC,
      ),
    ).toBe('noSite')
    expect(
      readSheet(
        {
          name: 's',
          rows: [
            ['名称', '数量'],
            [sites[0]!.name, '1'],
          ],
        },
        find,
        DEC,
      ),
    ).toBe('noMonth')
  })
})

let n = 0
const file = (senderId: string, name: string, data: Buffer, at = DEC): Incoming => ({
  id: `imp${++n}`,
  conversation: { kind: 'private', id: senderId },
  senderId,
  senderName: senderId,
  text: '',
  kind: 'file',
  mentionSelf: false,
  mentions: [],
  at,
  share: { kind: 'file', name, load: async () => data },
})

describe('#导入 through handle()', () => {
  it('previews, applies (counted everywhere, bot reports win), takes back; audit-logged', async () => {
    const w = await makeRecordsCore('2026-12-02T02:00:00Z')
    const data = await coordinatorWorkbook()
    expect(await w.core.handle(file('admin', '台账.xlsx', data))).toEqual([])
    const preview = await w.ask('admin', '#导入')
    expect(preview).toContain('导入预览：台账.xlsx')
    expect(preview).toContain('3 个示范点 × 4 个月')
    expect(preview).toContain('不存在的单位')
    expect(preview).toContain('G6“待定”')
    expect(preview.split('\n').length).toBeLessThanOrEqual(9)
    expect(w.repo.imports.batches()).toHaveLength(0)
    expect(await w.ask('admin', '#导入 确认')).toContain('已导入2026年7月至10月')
    const t = (m: string) => tallyMonth(sites, w.repo.reports.ofMonth(m), m)
    expect(t('2026-07').sites.find((s) => s.site.id === sites[0]!.id)!.count).toBe(2)
    expect(t('2026-08').reported).toBe(2)
    expect(t('2026-09').reported).toBe(1)
    expect(await w.ask('admin', '#统计 2026-07')).not.toContain('没有记录')
    expect(await w.ask('admin', '#统计 2026-06')).toContain('没有记录')
    expect(w.repo.tracking().earlier).toEqual(['2026-07', '2026-08', '2026-09', '2026-10'])
    expect(w.repo.audit.entries().map((e) => e.action)).toContain('import.apply')
    expect(await w.ask('admin', '#导入 撤销')).toContain('已撤回导入')
    expect(t('2026-07').reported).toBe(0)
    expect(w.repo.tracking().earlier).toEqual([])
    expect(w.repo.audit.entries().map((e) => e.action)).toContain('import.undo')
  })

  it('#导入 first, then the file; a member without a role cannot import', async () => {
    const w = await makeRecordsCore('2026-12-02T02:00:00Z')
    expect(await w.ask('admin', '#导入')).toContain('分钟内分享')
    const out = await w.core.handle(file('admin', '台账.xlsx', await coordinatorWorkbook()))
    expect(out.map((r) => r.text).join('')).toContain('导入预览')
    expect(await w.ask('zhang', '#导入')).not.toContain('导入预览')
  })

  it('bad files: one sentence, nothing changed', async () => {
    const w = await makeRecordsCore('2026-12-02T02:00:00Z')
    const bad = async (name: string, data: Buffer) => {
      await w.core.handle(file('admin', name, data))
      const text = await w.ask('admin', '#导入')
      expect(text).toContain('未导入任何数据')
      expect(w.repo.imports.pending('admin')).toBeUndefined()
    }
    await bad('台账.xlsx', Buffer.from('not a zip at all'))
    await bad('台账.csv', Buffer.from('名称,2027年3月\n大连大学,1\n'))
    // A zip whose directory declares far more than it holds: refused before inflating.
    const bomb = await coordinatorWorkbook()
    const dir = zipDirectory(bomb)!
    expect(dir.sheets).toBe(1)
    const eocd = bomb.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    const cd = bomb.readUInt32LE(eocd + 16)
    bomb.writeUInt32LE(0x7fffffff, cd + 24)
    await bad('台账.xlsx', bomb)
  })

  it("the bot's own #导出 file re-imports to the same tallies", async () => {
    const a = await makeRecordsCore('2026-11-24T02:00:00Z')
    await a.ask('zhang', '#上报 日新街道开展巾帼宣讲活动')
    await a.ask('zhang', '#上报 日新街道开展第二次活动')
    await a.ask('li', '#上报 大船工会开展技能比武')
    const replies = await a.core.handle({ ...a.incoming('admin', '#导出 2026下半年') })
    const xlsx = replies.find((r) => r.file)!.file!
    const b = await makeRecordsCore('2026-11-24T02:00:00Z')
    await b.core.handle(file('admin', xlsx.name, xlsx.data, new Date('2026-11-24T02:00:00Z')))
    expect(await b.ask('admin', '#导入')).toContain('导入预览')
    await b.ask('admin', '#导入 确认')
    for (const m of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']) {
      const ta = tallyMonth(sites, a.repo.reports.ofMonth(m), m).sites.map((s) => s.count)
      const tb = tallyMonth(sites, b.repo.reports.ofMonth(m), m).sites.map((s) => s.count)
      expect(tb).toEqual(ta)
    }
    expect(b.repo.tracking()).toEqual(a.repo.tracking())
  })
})
