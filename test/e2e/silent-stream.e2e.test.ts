/**
 * A silent stream, through the real process: the server's puppet drops every event (heartbeats and
 * dongs included) while the gRPC stream stays open. The watchdog notices, the supervisor reconnects,
 * the next message is answered, and #状态 and /metrics count the reset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot } from '../support/child.js'
import { until } from '../support/ops-sinks.js'
import { freePort, World } from '../support/world.js'

describe('a stream that goes silent while the connection looks alive', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  it(
    'is reset by the watchdog; the bot answers the next message and counts the reset',
    { timeout: 180_000 },
    async () => {
      // The server's puppet swallows every event while muted; a restart of the puppet (the client's
      // reset) brings a fresh stream.
      let muted = false
      let dropped = 0
      const puppet = world.puppet
      const emit = puppet.emit.bind(puppet)
      puppet.emit = ((...args: Parameters<typeof emit>) => {
        if (!muted) return emit(...args)
        dropped++
        return false
      }) as typeof puppet.emit
      const start = puppet.start.bind(puppet)
      puppet.start = async () => {
        muted = false
        return start()
      }
      const healthPort = await freePort()
      const run = startBot({
        WECHATY_PUPPET_SERVICE_TOKEN: world.token,
        WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
        SEND_INTERVAL_MS: '0',
        GQF_ADMIN_CODE: 'SILENT-ADMIN-1',
        WATCHDOG_SILENCE_MS: '2000',
        WATCHDOG_PROBE_TIMEOUT_MS: '1500',
        HEALTH_PORT: String(healthPort),
      })
      const metric = async (name: string) => {
        const text = await (await fetch(`http://127.0.0.1:${healthPort}/metrics`)).text()
        return Number(text.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1])
      }
      try {
        await run.printed('coordination room bound', 60_000)
        const admin = world.person('silent-admin', '管理员甲')
        await world.replies(() => world.dm(admin, '#认证管理员 SILENT-ADMIN-1'))
        const member = world.person('silent-a', '小陈')
        await world.replies(() => world.say(member, '#注册 陈静 日新街道 妇联'))

        muted = true
        // Said into the silence: lost with the muted stream, like messages a broken stream never delivers.
        world.say(member, '#我的信息')
        await run.printed('watchdog: the event stream is silent; resetting the connection', 60_000)
        await run.printed('connection restored', 60_000)
        expect(dropped).toBeGreaterThan(0)
        expect(muted).toBe(false)

        // The admins hear of the outage in WeChat too (the supervisor's recovery notice).
        await world.puppet.whenSent(
          () => world.privateTo(admin).some((t) => t.includes('现已恢复')),
          'the notice',
        )
        const before = world.roomLog.length
        world.say(member, '#我的信息')
        await world.puppet.whenSent(
          () => world.roomLog.slice(before).some((s) => s.text.includes('陈静')),
          'the answer after the reset',
        )
        world.dm(admin, '#状态')
        await world.puppet.whenSent(
          () => world.privateTo(admin).some((t) => t.includes('【机器人状态】')),
          '#状态',
        )
        const status = world.privateTo(admin).find((t) => t.includes('【机器人状态】'))!
        expect(status).toContain('连接：本次运行重连 1 次，其中看门狗重置 1 次')
        await until(async () => (await metric('gqf_watchdog_resets_total')) === 1, 'the reset in /metrics')
        expect(await metric('gqf_reconnects_total')).toBe(1)
      } finally {
        run.child.kill('SIGTERM')
      }
      expect(await run.exited).toBe(0)
    },
  )
})
