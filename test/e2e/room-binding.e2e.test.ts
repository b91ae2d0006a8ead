import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectBot, World, type BotClient } from '../support/world.js'

describe('binding the coordination room', () => {
  let world: World
  let client: BotClient
  beforeAll(async () => {
    world = await new World('别的群').start()
    client = await connectBot(world, { roomTopic: '新建的工作群' })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('binds the room when the bot is invited into it after start, and answers there only', async () => {
    expect(client.repo.room()).toBeNull()
    const a = world.person('a', '小王')
    // Not answered in a room that is not the coordination room; the private marker is.
    const ignored = await world.silence(
      client,
      () => world.say(a, '#帮助'),
      (marker) => world.dm(a, marker),
    )
    expect(ignored).toEqual([])
    expect(world.roomLog).toEqual([])

    const room = world.mocker.createRoom({
      id: 'later@chatroom',
      topic: '新建的工作群',
      memberIdList: [a.id],
    })
    // The answer there shows the room is bound.
    await world.replies(() => {
      room.add(world.botUser).by(a)
      a.say('#注册 王芳 日新街道').to(room)
    })
    await client.handle.idle()
    expect(client.repo.room()).toEqual({ id: 'later@chatroom', topic: '新建的工作群' })
    expect(
      world.puppet.sends.filter((s) => s.conversationId === 'later@chatroom').map((s) => s.text),
    ).toEqual(['王芳 注册成功：大连市西岗区日新街道（省级示范点·第二组）'])
  })
})
