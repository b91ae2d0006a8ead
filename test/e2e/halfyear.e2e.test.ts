/**
 * The first real half-year through the production path, on a fake clock: the bot is installed on
 * 1 December; three sites 补报 November; the admin imports July–October from a coordinator's
 * workbook; a site is added in December. #统计 上月, #进度, #未报 上月, the heatmap's months, the
 * export (read back cell by cell) and #考核 2026下半年 agree site by site. Then #提醒 in late
 * December with no 2027 data never plans on 1 January, and moves when the official schedule comes.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { monthOf } from '../../src/domain/calendar.js'
import { parseMonthHeader } from '../../src/domain/month-words.js'
import { parsePeriod, periodMonths } from '../../src/domain/periods.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { tallyMonth } from '../../src/domain/reports.js'
import { openRepository } from '../../storage/repository.js'
import { connectBot, World, type BotClient } from '../support/world.js'

const { sites } = builtinRoster()
const IMPORTED = ['2026-07', '2026-08', '2026-09', '2026-10']
/** Every site reported each imported month, some twice; S02 missed September. */
const importedCount = (no: number, month: string) => (no === 2 && month === '2026-09' ? 0 : 1 + (no % 2))
const NOVEMBER: Record<string, number> = { S06: 1, S07: 1, S04: 1 }

/** The coordinator's workbook: a merged title, 序号 and 工作推进组 columns, group rows, marks, a subtotal. */
async function coordinatorBook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('创建信息台账')
  ws.addRow(['2026年下半年工青妇示范点创建信息报送统计'])
  ws.mergeCells('A1:H1')
  ws.addRow(['序号', '工作推进组', '单位名称', '7月', '8月', '9月', '10月', '合计'])
  let i = 0
  for (const g of [1, 2, 3] as const) {
    ws.addRow([null, `第${'一二三'[g - 1]}组`])
    for (const s of sites.filter((x) => x.group === g)) {
      const counts = IMPORTED.map((m) => importedCount(s.no, m))
      const cells = counts.map((c) => (c === 0 ? '×' : c === 1 ? '√' : c))
      ws.addRow([
        ++i,
        `第${'一二三'[g - 1]}组`,
        s.aliases[0] ?? s.name,
        ...cells,
        counts.reduce((a, b) => a + b),
      ])
    }
  }
  ws.addRow([null, '合计'])
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer)
}

describe('a mid-year start through the puppet service', () => {
  let world: World
  let client: BotClient
  let now = new Date('2026-12-01T01:00:00Z') // 1 December, 09:00 in Dalian
  const at = (iso: string) => (now = new Date(iso))
  const answer = async (key: string, text: string) =>
    (await world.replies(() => world.post(world.person(key), now, { text })))[0]!.text

  beforeAll(async () => {
    world = await new World().start()
    const repo = await openRepository(mkdtempSync(join(tmpdir(), 'gqf-half-')), now)
    await repo.ensureAdminCode('HALF-ADMIN', now)
    client = await connectBot(world, { repo, clock: () => now, holidaysMissing: true })
    for (const [key, name, org] of [
      ['rixin', '周敏', '日新街道'],
      ['dada', '吴磊', '大连大学'],
    ])
      await answer(key!, `#注册 ${name} ${org}`)
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('tells the first admin at authentication that the 2027 schedule is missing', async () => {
    const said = await world.replies(
      () => world.post(world.person('boss'), now, { text: '#认证管理员 HALF-ADMIN' }),
      2,
    )
    expect(said.map((s) => s.text).join('\n')).toContain('2027年的官方放假安排')
  })

  it('November 补报, a December site and the July–October import agree in every view', async () => {
    at('2026-12-01T02:00:00Z')
    expect(await answer('rixin', '#补报 11月28日日新街道开展巾帼宣讲')).toContain('11月')
    expect(await answer('dada', '#补报 大连大学妇委会开展读书会')).toContain('11月')
    expect(await answer('boss', '#代报 大船 上月 大船工会开展技能比武')).toContain('11月')
    expect(
      await answer('boss', '#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥'),
    ).toContain('青泥洼桥')

    expect(await answer('boss', '#导入')).toContain('分享要导入的表格文件')
    const book = await coordinatorBook()
    const [preview] = await world.replies(() =>
      world.post(world.person('boss'), now, { file: { name: '创建信息台账.xlsx', data: book } }),
    )
    expect(preview!.text).toContain('30 个示范点 × 4 个月')
    expect(await answer('boss', '#导入 确认')).toContain('已导入')

    const repo = client.repo
    const expected = (id: string, no: number, month: string) =>
      IMPORTED.includes(month) ? importedCount(no, month) : month === '2026-11' ? (NOVEMBER[id] ?? 0) : 0
    for (const m of [...IMPORTED, '2026-11']) {
      const t = tallyMonth(repo.rosterHistory.activeSitesFor(m), repo.reports.ofMonth(m), m)
      for (const s of t.sites) expect(s.count, `${s.site.name} ${m}`).toBe(expected(s.site.id, s.site.no, m))
    }

    const tally = await answer('boss', '#统计 上月')
    expect(tally).toContain('全市已报 3/30')
    expect(await answer('boss', '#进度 日新街道')).toContain(
      `共 ${IMPORTED.reduce((n, m) => n + importedCount(6, m), 0) + 1} 篇`,
    )
    const missing = await answer('boss', '#未报 上月')
    expect(missing).toContain('27')
    expect(missing).not.toContain('日新街道')

    // The heatmap's months: July–December known, June not.
    const months = periodMonths(parsePeriod('2026')!, now, repo.tracking())
    expect(months.filter((m) => !m.beforeTracking).map((m) => m.month)).toEqual([
      ...IMPORTED,
      '2026-11',
      '2026-12',
    ])

    // The export, read back cell by cell.
    world.post(world.person('boss'), now, { text: '#导出 2026下半年' })
    const isExport = (f: { name: string }) => f.name.endsWith('.xlsx')
    await world.puppet.whenSent(() => world.puppet.files.some(isExport), 'the export file')
    const file = world.puppet.files.find(isExport)!
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.data as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('月度统计')!
    let header = 0
    ws.eachRow((row, r) => {
      if (!header && row.values && (row.values as unknown[]).some((v) => v === '单位')) header = r
    })
    const cols = new Map<number, string>()
    ws.getRow(header).eachCell((c, i) => {
      const m = parseMonthHeader(String(c.value ?? ''), now, 2026)
      if (m) cols.set(i, m)
    })
    expect([...cols.values()]).toEqual([...IMPORTED, '2026-11', '2026-12'])
    let checked = 0
    ws.eachRow((row, r) => {
      const no = row.getCell(1).value
      if (r <= header || typeof no !== 'number') return
      const site = repo.roster().orgs.find((o) => o.no === no)!
      for (const [c, m] of cols) {
        const v = row.getCell(c).value
        if (site.no > 30 && m < '2026-12') continue
        expect(v ?? 0, `${site.name} ${m}`).toBe(expected(site.id, site.no, m))
      }
      checked++
    })
    expect(checked).toBeGreaterThanOrEqual(30)

    const verdicts = await world.replies(
      () => world.post(world.person('boss'), now, { text: '#考核 2026下半年' }),
      3,
    )
    const text = verdicts.map((s) => s.text).join('\n')
    expect(text).not.toContain('建议调整｜')
    expect(text).toMatch(/青泥洼桥 无法评定/)
    expect(text).toContain('报4/4月')
    expect(text).toContain('得胜街道 75分 合格｜报3/4月')
    expect(text).not.toContain('六有0/6')
    expect(text).toContain('未计入（全网尚无数据）')
    expect(monthOf(now)).toBe('2026-12')
  })

  it('#提醒 in late December never plans on 1 January 2027; the official schedule moves the plan', async () => {
    at('2026-12-28T02:00:00Z')
    const plan = await answer('boss', '#提醒')
    expect(plan).not.toContain('1月1日')
    expect(plan).toContain('1月4日（周一） 09:30 月度通报（12月）')
    expect(await answer('boss', '#节假日 2027 元旦 2027-01-01至2027-01-04 放假')).toContain('已保存')
    const moved = await answer('boss', '#提醒')
    expect(moved).toContain('1月5日（周二） 09:30 月度通报（12月）')
  })
})
