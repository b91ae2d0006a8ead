/** Sends that fail, through the plugin: retried, never recorded as delivered, shown in #状态. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { HandledStore } from '../../storage/handled-store.js'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('a send that fails', () => {
  let world: World
  let client: BotClient
  let handled: HandledStore
  let backups = 0
  const owedFor = (id: string) => handled.owed().filter((o) => o.id === id).length
  beforeAll(async () => {
    world = await new World().start()
    const repo = await openRepository(null)
    await repo.ensureAdminCode('FAULT-ADMIN-1', new Date())
    handled = await HandledStore.open(null)
    client = await connectBot(world, {
      repo,
      handled,
      retryDelayMs: 1,
      version: '9.9.9',
      storeSize: async () => ({ files: 3, bytes: 2048 }),
      backup: async () => ({ path: `/backups/${++backups}`, created: true }),
    })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('is retried: two refusals, then the receipt goes out once and nothing stays owed', async () => {
    const a = world.person('pf-a', '小吴')
    world.puppet.failNext = 2
    const said = await world.replies(() => world.say(a, '#注册 吴芳 日新街道 妇联'))
    expect(said.map((s) => s.text)).toEqual([expect.stringContaining('注册成功')])
    await client.handle.idle()
    expect(world.puppet.failNext).toBe(0)
    expect(owedFor(world.idOf(a, '#注册 吴芳 日新街道 妇联'))).toBe(0)
    expect(world.roomLog.filter((s) => s.text.includes('吴芳 注册成功'))).toHaveLength(1)
  })

  it('that never succeeds is not recorded as delivered (still owed), and #状态 names it', async () => {
    const b = world.person('pf-b', '小郑')
    world.puppet.failNext = Infinity
    const before = world.puppet.refused
    world.say(b, '#注册 郑红 大船 工会')
    // Three attempts in all (two retries), then the outbox gives up.
    while (world.puppet.refused < before + 3) await new Promise((r) => setTimeout(r, 10))
    await client.handle.idle()
    expect(world.puppet.refused).toBe(before + 3)
    world.puppet.failNext = 0
    expect(client.repo.member(b.id)).toBeDefined()
    expect(owedFor(world.idOf(b, '#注册 郑红 大船 工会'))).toBe(1)

    const admin = world.person('pf-admin', '管理员')
    await world.replies(() => world.dm(admin, '#注册 王强 市总工会'))
    await world.replies(() => world.dm(admin, '#认证管理员 FAULT-ADMIN-1'))
    const [status] = await world.replies(() => world.dm(admin, '#状态'))
    const text = status!.text
    expect(text).toContain('版本 9.9.9')
    expect(text).toContain('微信账号：工青妇协同助手')
    expect(text).toContain('数据文件：3 个，共 2.0 KB')
    expect(text).toMatch(/最近备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2} 完成/)
    expect(text).toMatch(/最近发送失败：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（微信发送失败）/)
    expect(text).toContain('注册成员 3 人')
    expect(backups).toBe(1)
  })
})
