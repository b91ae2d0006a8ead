/** A message first delivered late (the bot was down) counts in the month it was sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('messages delivered late', () => {
  let world: World
  let client: BotClient
  // Just after midnight on 1 June, Beijing time.
  const now = new Date('2026-05-31T16:06:00Z')
  beforeAll(async () => {
    world = await new World().start()
    const repo = await openRepository(null, new Date('2026-05-01T00:00:00Z'))
    client = await connectBot(world, { repo, clock: () => now })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('a report sent at 23:55 on 31 May and first delivered 11 minutes later counts for May', async () => {
    const a = world.person('late-a', '小李')
    const reg = await world.replies(() =>
      world.post(a, new Date('2026-05-31T15:50:00Z'), { text: '#注册 李娜 日新街道 妇联' }),
    )
    expect(reg[0]?.text).toContain('注册成功')
    const receipt = await world.replies(() =>
      world.post(a, new Date('2026-05-31T15:55:00Z'), { text: '#上报 五月最后一天的活动' }),
    )
    expect(receipt[0]?.text).toMatch(/^已收到日新街道的5月创建信息/)
    expect(client.repo.reports.ofMonth('2026-05')).toHaveLength(1)
    expect(client.repo.reports.ofMonth('2026-06')).toHaveLength(0)
  })
})
