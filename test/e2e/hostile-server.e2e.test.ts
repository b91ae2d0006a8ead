/**
 * Nothing a server sends crashes the bot: the real entry point (src/main.ts, compiled ahead: test/support/child.ts) against a puppet
 * service that sends unknown dirty, event and message types, payloads missing fields or not JSON,
 * and answers some RPCs with UNIMPLEMENTED. Each oddity is logged once, and the bot keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot, type Run } from '../support/child.js'
import { hostile } from '../support/hostile-server.js'
import { World } from '../support/world.js'

/** `p`, unless the bot exits first: then the test fails at once, with what the bot printed. */
function whileAlive<T>(run: Run, p: Promise<T>): Promise<T> {
  const died = run.exited.then((code) => {
    throw new Error(`the bot exited (${code}):\n${run.output().slice(-3000)}`)
  })
  return Promise.race([p, died])
}

describe('a puppet service that sends what the client does not expect', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  it('logs each oddity once, ignores it, and still answers commands', async () => {
    const server = hostile(world)
    const run = startBot({
      WECHATY_PUPPET_SERVICE_TOKEN: world.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      SEND_INTERVAL_MS: '0',
    })
    try {
      await whileAlive(run, run.printed('coordination room bound', 90_000))
      server.emitAll()
      server.emitAll()
      const a = world.person('hostile-a', '小周')
      world.say(a, '#注册 周敏 日新街道 妇联')
      await whileAlive(
        run,
        world.puppet.whenSent(
          () => world.roomLog.some((s) => s.text.includes('注册成功')),
          'a receipt',
          60_000,
        ),
      )
      // An @-mention makes the client ask for the room member payload, which the server does not implement.
      const before = world.roomLog.length
      world.sayToBot(a, '#我的信息')
      await whileAlive(
        run,
        world.puppet.whenSent(() => world.roomLog.length > before, 'my info', 60_000),
      )
      expect(world.roomLog.at(-1)?.text).toContain('周敏')
      expect(run.child.exitCode).toBeNull()
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
    // Everything was sent twice; each kind of oddity is logged once.
    const lines = run.output().split('\n')
    const once = (text: string) =>
      expect(
        lines.filter((l) => l.includes(text)),
        text,
      ).toHaveLength(1)
    once('dirty payload of a type this client does not know; ignored payloadType=7 ')
    once('dirty payload of a type this client does not know; ignored payloadType=8 ')
    for (let type = 28; type <= 34; type++)
      once(`event type this client does not know; ignored type=${type} `)
    once('could not read; ignored event=message')
    once('could not read; ignored event=dirty')
    for (const e of ['message', 'room-join', 'room-leave', 'room-topic', 'room-invite', 'friendship']) {
      once(`without a field it needs; ignored event=${e} `)
    }
    once('message type this client does not know; read as Unknown type=17 ')
    once('message type this client does not know; read as Unknown type=99 ')
    once('does not implement this call method=roomMemberRawPayload ')
    expect(run.output()).not.toContain('dirtyFunc')
    // A safety net for a loaded machine (two processes start), not a timing.
  }, 120_000)
})
