/**
 * Operators told outside WeChat, through the real process (src/main.ts, compiled ahead: test/support/child.ts): the puppet service goes away
 * for longer than ALERT_AFTER_MS and comes back. A local webhook receiver and a local SMTP server get
 * one message for the outage and one for its recovery; /healthz turns 503 during it and 200 after.
 * No alert carries the token or a member's text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot } from '../support/child.js'
import { healthz, smtpSink, until, webhookSink } from '../support/ops-sinks.js'
import { freePort, World } from '../support/world.js'

describe('alerts and the health endpoint during an outage', () => {
  let world: World
  let hook: Awaited<ReturnType<typeof webhookSink>>
  let smtp: Awaited<ReturnType<typeof smtpSink>>
  beforeAll(async () => {
    world = await new World().start()
    hook = await webhookSink()
    smtp = await smtpSink()
  })
  afterAll(async () => {
    await world?.stop()
    await hook?.close()
    await smtp?.close()
  })

  it(
    'tells the outage and the recovery once each, by webhook and email; /healthz 200 → 503 → 200',
    { timeout: 180_000 },
    async () => {
      const port = Number(world.endpoint.split(':').pop())
      const healthPort = await freePort()
      const run = startBot({
        WECHATY_PUPPET_SERVICE_TOKEN: world.token,
        WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
        SEND_INTERVAL_MS: '0',
        ALERT_WEBHOOK_URL: hook.url,
        ALERT_SMTP_URL: smtp.url,
        ALERT_EMAIL_TO: 'ops@example.org, duty@example.org',
        ALERT_EMAIL_FROM: 'gqf-bot@example.org',
        ALERT_AFTER_MS: '1000',
        HEALTH_PORT: String(healthPort),
      })
      const events = () => hook.posts.map((p) => `${p.body['event']}:${p.body['text']}`)
      try {
        await run.printed('coordination room bound', 60_000)
        await until(async () => (await healthz(healthPort))?.status === 200, '/healthz 200 after login')
        const member = world.person('ops-a', '小周')
        await world.replies(() => world.say(member, '#注册 周敏 日新街道 妇联'))

        await world.stop()
        await until(async () => (await healthz(healthPort))?.status === 503, '/healthz 503 in the outage')
        const down = await healthz(healthPort)
        expect(down?.body).toMatchObject({ status: 'unavailable' })
        expect(String(down?.body['reason'])).toMatch(/^connection lost: /)
        await until(() => hook.posts.length >= 1 && smtp.mails.length >= 1, 'the outage alert')

        await world.start(port)
        await until(
          async () => (await healthz(healthPort))?.status === 200,
          '/healthz 200 after the outage',
          90_000,
        )
        await until(() => hook.posts.length >= 2 && smtp.mails.length >= 2, 'the recovery alert')
        // The bot serves again.
        await world.replies(() => world.say(member, '#我的信息'))
      } finally {
        run.child.kill('SIGTERM')
      }
      expect(await run.exited).toBe(0)

      expect(hook.posts.map((p) => p.path)).toEqual(['/alerts', '/alerts'])
      expect(events()).toHaveLength(2)
      expect(events()[0]).toMatch(
        /^connection-lost:【工青妇协同助手】与微信服务的连接已中断约 \d+ 秒，正在自动重连/,
      )
      expect(events()[1]).toMatch(
        /^connection-lost:【工青妇协同助手】与微信服务的连接已恢复（中断约 \d+ 秒，重连 \d+ 次）。$/,
      )
      expect(typeof hook.posts[0]!.body['at']).toBe('string')

      expect(smtp.mails).toHaveLength(2)
      expect(smtp.mails[0]!.to).toEqual(['ops@example.org', 'duty@example.org'])
      expect(smtp.mails[0]!.headers).toMatch(/^From: gqf-bot@example.org/m)
      expect(smtp.mails[0]!.text).toContain('与微信服务的连接已中断约')
      expect(smtp.mails[1]!.text).toContain('与微信服务的连接已恢复')

      const everything = JSON.stringify(hook.posts) + smtp.mails.map((m) => m.headers + m.text).join('')
      expect(everything).not.toContain(world.token.slice('insecure_'.length))
      expect(everything).not.toContain('周敏')
    },
  )
})
