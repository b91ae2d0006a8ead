/**
 * #导出 and #图表 over the real puppet-service path: a leader asks in the group, the files arrive
 * privately with the bytes the bot made, and the group gets one line each.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILES } from '../../commands/files/sentences.js'
import { renderHeatmap } from '../../src/render/heatmap.js'
import { closeHeatmapWorker } from '../../src/render/chart-worker.js'
import type { Site } from '../../src/domain/types.js'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('files for leaders, end to end', () => {
  let world: World
  let client: BotClient
  // A fixed clock (before the messages' own times): the picture made here is the one the bot made.
  const now = new Date()
  beforeAll(async () => {
    world = await new World().start()
    client = await connectBot(world, { clock: () => now })
    await client.repo.grant(world.person('lead1', '赵组长').id, { role: 'leader', group: 1 }, 'test', now)
    await world.replies(() => world.say(world.person('li', '小李'), '#注册 李四 大船'))
    await world.replies(() => world.say(world.person('li', '小李'), '#上报 大船工会开展技能比武'))
  }, 60_000)
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
    await closeHeatmapWorker()
  })

  it('sends the Excel file privately to the leader who asked in the group, holding only their group', async () => {
    const leader = world.person('lead1')
    const before = world.puppet.files.length
    const said = await world.replies(() => world.say(leader, '#导出'), 2)
    await world.puppet.whenSent(() => world.puppet.files.length > before, 'the Excel file')
    expect(said.find((s) => s.conversationId === world.room.id)?.text).toBe(
      FILES.sentPrivately(FILES.exportWhat),
    )
    expect(said.find((s) => s.conversationId === leader.id)?.text).toMatch(
      /^已发送 工青妇示范点创建信息_\d{4}年\d+月\.xlsx（第一组/,
    )
    const file = world.puppet.files.at(-1)!
    expect(file.conversationId).toBe(leader.id)
    expect(file.name).toMatch(/^工青妇示范点创建信息_\d{4}年\d+月\.xlsx$/)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file.data as unknown as ExcelJS.Buffer)
    const groups = new Set<string>()
    wb.getWorksheet('月度统计')!.eachRow((row, i) => {
      if (i > 1 && typeof row.getCell(1).value === 'number') groups.add(String(row.getCell(4).value))
    })
    expect(groups).toEqual(new Set(['第一组']))
    const details: string[] = []
    // Rows 1–3: the title, the scope line and the header.
    wb.getWorksheet('上报明细')!.eachRow((row, i) => {
      if (i > 3) details.push(String(row.getCell(8).value))
    })
    expect(details).toEqual(['大船工会开展技能比武'])
  })

  it('sends the heatmap privately: the bytes that arrive are the picture the bot drew', async () => {
    const leader = world.person('lead1')
    const before = world.puppet.files.length
    const said = await world.replies(() => world.say(leader, '#图表'), 2)
    await world.puppet.whenSent(() => world.puppet.files.length > before, 'the picture')
    expect(said.find((s) => s.conversationId === world.room.id)?.text).toBe(
      FILES.sentPrivately(FILES.chartWhat),
    )
    const file = world.puppet.files.at(-1)!
    expect(file.conversationId).toBe(leader.id)
    const year = String(new Date(now.getTime() + 8 * 3600_000).getUTCFullYear())
    expect(file.name).toBe(`工青妇示范点上报情况_${year}年.png`)
    const repo = client.repo
    const sites = repo.roster().orgs.filter((o): o is Site => o.kind === 'site' && o.group === 1)
    const expected = await renderHeatmap({
      period: { kind: 'year', from: `${year}-01`, to: `${year}-12` },
      now,
      sites,
      reports: repo.reports.all().filter((r) => sites.some((s) => s.id === r.orgId)),
      trackingSince: repo.trackingSince(),
    })
    expect(file.data.equals(expected)).toBe(true)
  })
})

describe('a file over the configured size', () => {
  let world: World
  let client: BotClient
  beforeAll(async () => {
    world = await new World().start()
    client = await connectBot(world, { maxFileBytes: 1000 })
    await client.repo.grant(
      world.person('lead2', '钱组长').id,
      { role: 'leader', group: 2 },
      'test',
      new Date(),
    )
  }, 60_000)
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('is not sent, and the asker hears why', async () => {
    const leader = world.person('lead2')
    const said = await world.replies(() => world.say(leader, '#导出'), 3)
    expect(world.puppet.files).toEqual([])
    const privately = said.filter((s) => s.conversationId === leader.id).map((s) => s.text)
    expect(privately).toHaveLength(2)
    expect(privately[1]).toMatch(/^文件 工青妇示范点创建信息_.*\.xlsx 有 .* MB，超过机器人可发送的上限 0 MB/)
  })
})
