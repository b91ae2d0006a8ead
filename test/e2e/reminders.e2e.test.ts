/**
 * Reminders through the real WeChat path: a reminder that fell due while the bot was away goes
 * out once on reconnect, @-mentioning the people of the sites without a report in one message.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('reminders through the puppet service', () => {
  let world: World
  let client: BotClient | undefined
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('catches up once on reconnect, with one @-list, and never again after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-rem-e2e-'))
    const installed = new Date('2026-11-19T04:00:00Z') // 19 November, 12:00 in Dalian
    const repo = await openRepository(dir, installed)
    const a = world.person('a', '小周')
    const b = world.person('b', '小吴')
    await repo.register(a.id, { name: '周敏', orgId: 'S06', line: null, wechatName: '小周' }, installed)
    await repo.register(b.id, { name: '吴磊', orgId: 'S07', line: null, wechatName: '小吴' }, installed)
    await repo.reports.add({
      month: '2026-11',
      orgId: 'S07',
      submitterId: b.id,
      submitterName: '吴磊',
      onBehalf: false,
      via: 'text',
      title: '大大',
      text: '大大',
      links: [],
      files: [],
      messageIds: ['m-b'],
      at: installed.toISOString(),
      late: false,
      withdrawn: null,
    })
    // The bot comes back on 20 November at 10:00, half an hour after the mid-month progress fell due.
    const clock = () => new Date('2026-11-20T02:00:00Z')
    client = await connectBot(world, { repo, clock, reminders: {} })
    await world.untilSent(1)
    await client.handle.idle()
    expect(world.roomLog).toHaveLength(1)
    const said = world.roomLog[0]!
    expect(said.mentionIds).toEqual([a.id])
    expect(said.text.split('\n').slice(0, 3)).toEqual([
      '@小周 【月中进度】11月创建信息全市已报 1/30，本月截至 11月30日。',
      '尚未上报：',
      // Each site once; * marks a site nobody has registered for.
      '第一组（10）：365外来人员服务中心*、得胜街道*、高新园区党群服务中心*、大船*、黄河社区*、椒金山街道*、马桥子街道*、金石滩街道*、双创联合体*、东芝大连*',
    ])
    expect(said.text).not.toContain('大连大学')

    await client.stop()
    client = await connectBot(world, { dataDir: dir, clock, reminders: {} })
    // connectBot waited for the catch-up on login; the marker's answer is the only message since.
    // The marker is sent at the bot's time (its clock is fixed), whatever the date of the run.
    const marker = (text: string) => world.post(world.person('marker', '标记员', false), clock(), { text })
    expect(await world.silence(client, () => undefined, marker)).toEqual([])
    expect(world.roomLog.filter((s) => s.text.includes('【月中进度】'))).toHaveLength(1)
  })
})
