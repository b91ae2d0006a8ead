/** After an outage: the admins are told once, privately; reminders catch up once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('the connection comes back', () => {
  let world: World
  let client: BotClient
  beforeAll(async () => {
    world = await new World().start()
    const repo = await openRepository(null, new Date('2026-11-01T00:00:00Z'))
    await repo.ensureAdminCode('BACK-ADMIN-1', new Date())
    // 24 November, 10:00 Beijing time: the mid-month reminder (the 20th) is due and was never sent.
    // The bot's clock is fixed; people's messages carry the run's date, so no age window applies here.
    client = await connectBot(world, {
      repo,
      reminders: {},
      clock: () => new Date('2026-11-24T02:00:00Z'),
      maxMessageAgeMs: Number.MAX_SAFE_INTEGER,
    })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('tells each admin once, privately, and sends no reminder twice', async () => {
    const admin = world.person('back-admin', '管理员')
    await world.replies(() => world.dm(admin, '#注册 王强 市总工会'))
    await world.replies(() => world.dm(admin, '#认证管理员 BACK-ADMIN-1'))
    await client.handle.idle()
    const reminders = () => world.roomLog.filter((s) => s.text.includes('月中')).length
    const sentAtLogin = reminders()
    expect(sentAtLogin).toBe(1)
    await client.handle.recovered({ reason: 'no heartbeat for 61 s', downMs: 125_000, attempts: 3 })
    await client.handle.idle()
    const notices = world.privateTo(admin).filter((t) => t.includes('连接中断'))
    expect(notices).toEqual([
      '【提示】机器人与微信服务的连接中断了约 2 分钟，现已恢复。中断期间到期的提醒会补发一次；期间群里的消息如未收到回复，请重发。',
    ])
    expect(world.roomLog.filter((s) => s.text.includes('连接中断'))).toEqual([])
    expect(reminders()).toBe(sentAtLogin)
  })
})
