/**
 * #导出, #图表 and #周报 through handle(): the Excel file read back cell by cell (each role sees its
 * scope), the PNG bytes, permissions, and the digest switch.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Incoming, Reply } from '../../src/core/types.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { closeHeatmapWorker } from '../../src/render/chart-worker.js'
import { WEEKLY } from '../../commands/reminders/sentences.js'
import { FILES } from '../../commands/files/sentences.js'
import { decodePng } from '../support/png.js'
import { makeRecordsCore } from '../support/core.js'
import { reportMaker } from '../support/report-fixture.js'

const { sites } = builtinRoster()
type World = Awaited<ReturnType<typeof makeRecordsCore>>
let w: World

let n = 0
const msg = (senderId: string, text: string, kind: 'room' | 'private' = 'room'): Incoming => ({
  id: `f${++n}`,
  conversation: kind === 'room' ? { kind, id: 'coord@chatroom' } : { kind, id: senderId },
  senderId,
  senderName: senderId,
  text,
  kind: 'text',
  mentionSelf: false,
  mentions: [],
  at: new Date('2026-11-24T02:00:00Z'),
})
const send = (senderId: string, text: string, kind: 'room' | 'private' = 'room'): Promise<Reply[]> =>
  w.core.handle(msg(senderId, text, kind))

async function workbook(reply: Reply): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(reply.file!.data as unknown as ExcelJS.Buffer)
  return wb
}
/** The values of one column, data rows only (title, scope line and header left out). */
function column(wb: ExcelJS.Workbook, sheet: string, col: number): string[] {
  const ws = wb.getWorksheet(sheet)!
  const out: string[] = []
  ws.eachRow((row, i) => {
    if (i > 3) out.push(String(row.getCell(col).value ?? ''))
  })
  return out
}

beforeAll(async () => {
  w = await makeRecordsCore()
  // 张三 reports for 日新街道 (第二组, 西岗区); 李四 for 大船 (第一组, 西岗区).
  await w.ask('zhang', '#上报 日新街道开展巾帼宣讲活动')
  await w.ask('li', '#上报 大船工会开展技能比武')
  await w.ask('admin', '#六有 大船 有阵地 已达标 职工之家')
})
afterAll(closeHeatmapWorker)

describe('#导出 of a long period', () => {
  it('sends the lists too long to print with the workbook as a second file, and says so', async () => {
    const y = await makeRecordsCore()
    const make = reportMaker()
    for (const m of ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11'])
      for (const s of sites) {
        const { no: _no, ...report } = make(s.id, m, {
          text: `${s.name}召开工青妇联席会议，研究协同创新工作`,
        })
        await y.repo.reports.add(report)
      }
    const replies = await y.core.handle({ ...msg('admin', '#导出 2026下半年'), id: 'long1' })
    expect(replies).toHaveLength(3)
    const [first, second, note] = replies
    const name = '工青妇示范点创建信息_2026下半年.xlsx'
    const listsName = '工青妇示范点创建信息_2026下半年_明细.xlsx'
    expect(first!.to).toEqual({ kind: 'private', id: 'admin' })
    expect(second!.to).toEqual({ kind: 'private', id: 'admin' })
    expect([first!.file!.name, second!.file!.name]).toEqual([name, listsName])
    const lists = await workbook(second!)
    expect(lists.worksheets.map((s) => s.name)).toEqual(['上报明细'])
    expect(column(lists, '上报明细', 2)).toHaveLength(5 * sites.length)
    const pages = Number(/打印约 (\d+) 页/.exec(first!.text)?.[1])
    expect(pages).toBeGreaterThan(2)
    expect(first!.text).toBe(
      FILES.exportSent(name, '全市', sites.length, 5 * sites.length) +
        FILES.listsApart({ name: listsName, sheets: ['上报明细'], pages }),
    )
    expect((await workbook(first!)).getWorksheet('上报明细')).toBeUndefined()
    expect(note).toEqual({ text: FILES.sentPrivately(FILES.exportWhat) })
  })
})

describe('#导出', () => {
  it("sends a leader their group's sites only, privately, and says so in one line in the group", async () => {
    const replies = await send('lead1', '#导出 2026-11')
    expect(replies).toHaveLength(2)
    const [file, note] = replies
    expect(file!.to).toEqual({ kind: 'private', id: 'lead1' })
    expect(file!.file!.name).toBe('工青妇示范点创建信息_2026年11月.xlsx')
    expect(file!.text).toBe(FILES.exportSent('工青妇示范点创建信息_2026年11月.xlsx', '第一组', 10, 1))
    expect(note).toEqual({ text: FILES.sentPrivately(FILES.exportWhat) })
    const wb = await workbook(file!)
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '月度统计',
      '上报明细',
      '未报名单',
      '成员',
      '六有',
      '2026下半年考核',
    ])
    const group1 = sites.filter((s) => s.group === 1).map((s) => s.name)
    const monthlySites = column(wb, '月度统计', 2).filter((name) => sites.some((s) => s.name === name))
    expect(monthlySites.sort()).toEqual([...group1].sort())
    expect(new Set(column(wb, '月度统计', 4).filter(Boolean))).toEqual(new Set(['第一组']))
    expect(column(wb, '上报明细', 8)).toEqual(['大船工会开展技能比武'])
    expect(column(wb, '成员', 1)).toEqual(['李四'])
    expect(column(wb, '六有', 2).sort()).toEqual([...group1].sort())
    const dachuan = column(wb, '六有', 2).indexOf('大连船舶重工集团有限公司')
    expect(dachuan).toBeGreaterThanOrEqual(0)
    expect(column(wb, '六有', 6)[dachuan]).toBe('已达标')
    expect(column(wb, '六有', 11)[dachuan]).toBe('1')
    expect(new Set(column(wb, '2026下半年考核', 1))).toEqual(new Set(['第一组']))
  })

  it("gives a liaison their district's sites and an admin everything, the audit sheet included", async () => {
    const [liaison] = await send('liaXG', '#导出 2026下半年', 'private')
    const lw = await workbook(liaison!)
    const xigang = sites.filter((s) => s.district === '西岗区').map((s) => s.name)
    expect(new Set(column(lw, '月度统计', 5).filter(Boolean))).toEqual(new Set(['西岗区']))
    expect(
      column(lw, '月度统计', 2)
        .filter((x) => sites.some((s) => s.name === x))
        .sort(),
    ).toEqual([...xigang].sort())
    expect(column(lw, '上报明细', 8).sort()).toEqual(['大船工会开展技能比武', '日新街道开展巾帼宣讲活动'])
    expect(lw.getWorksheet('日志')).toBeUndefined()
    expect(liaison!.file!.name).toBe('工青妇示范点创建信息_2026下半年.xlsx')

    const [admin] = await send('admin', '#导出', 'private')
    const aw = await workbook(admin!)
    expect(column(aw, '月度统计', 2).filter((x) => sites.some((s) => s.name === x))).toHaveLength(
      sites.length,
    )
    expect(aw.getWorksheet('日志')).toBeDefined()
    expect(column(aw, '日志', 5).length).toBeGreaterThan(0)
  })

  it('refuses members without a role, bad and future periods', async () => {
    const [refused] = await send('zhang', '#导出')
    expect(refused!.file).toBeUndefined()
    expect(refused!.text).not.toContain('已发送')
    expect((await send('lead1', '#导出 明年'))[0]!.text).toBe(FILES.periodBad('明年'))
    expect((await send('lead1', '#导出 2030年'))[0]!.text).toContain('尚未开始')
  })
})

describe('#图表', () => {
  it('draws the heatmap as a phone-sized PNG, sent privately', async () => {
    const replies = await send('lead2', '#图表', 'private')
    expect(replies).toHaveLength(1)
    const [pic] = replies
    expect(pic!.to).toEqual({ kind: 'private', id: 'lead2' })
    expect(pic!.file!.kind).toBe('image')
    expect(pic!.file!.name).toBe('工青妇示范点上报情况_2026年.png')
    const png = decodePng(pic!.file!.data)
    expect(png.width).toBe(1080)
    expect(png.height).toBeGreaterThan(400)
    expect(png.colours()).toBeGreaterThan(5)
  })

  it('is open to every registered member (the city by default); the score chart is not', async () => {
    const [pic, note] = await send('li', '#图表')
    expect(pic!.file!.kind).toBe('image')
    expect(pic!.to).toEqual({ kind: 'private', id: 'li' })
    expect(pic!.text).toContain('全市')
    expect(note!.file).toBeUndefined()
    const [scores] = await send('li', '#图表 考核')
    expect(scores!.file).toBeUndefined()
    expect(scores!.text).toContain('#图表')
  })
})

describe('#周报', () => {
  it('shows a leader the digest of their group now', async () => {
    const [r] = await send('lead2', '#周报', 'private')
    expect(r!.text).toContain('【周报】第二组')
    expect(r!.text).toContain('日新街道开展巾帼宣讲活动')
    expect(r!.text).not.toContain('大船工会开展技能比武')
  })

  it('switches the weekly private digest off and on for that person only', async () => {
    expect((await send('lead2', '#周报 关闭'))[0]!.text).toBe(WEEKLY.off)
    expect(w.repo.reminders.digestOff('lead2')).toBe(true)
    expect(w.repo.reminders.digestOff('lead1')).toBe(false)
    expect((await send('lead2', '#周报 关闭'))[0]!.text).toBe(WEEKLY.alreadyOff)
    expect((await send('lead2', '#周报 开启'))[0]!.text).toBe(WEEKLY.on)
    expect(w.repo.reminders.digestOff('lead2')).toBe(false)
    expect((await send('lead2', '#周报 随便'))[0]!.text).toBe(WEEKLY.bad('随便'))
  })

  it('is not for liaisons', async () => {
    const [r] = await send('liaXG', '#周报')
    expect(r!.text).not.toContain('【周报】')
  })
})
