import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectBot, settle, World, type BotClient } from '../support/world.js'

describe('spike', () => {
  let world: World
  let client: BotClient
  beforeAll(async () => {
    world = await new World().start()
    client = await connectBot(world)
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })
  it('registers', async () => {
    const a = world.person('a', '小张')
    world.say(a, '#注册 张三 日新街道 妇联')
    await settle(client, world)
    expect(world.roomLog.map((s) => s.text)).toEqual([
      '张三 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）',
    ])
  })
})
