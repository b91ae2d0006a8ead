/** /healthz's verdicts and the endpoint itself: 200 while logged in with events flowing, 503 with the reason. */
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import { healthOf, startHealthServer, type HealthConnection } from '../../src/ops/health.js'
import { Metrics } from '../../src/ops/metrics.js'

const conn = (over: Partial<HealthConnection> = {}): HealthConnection => ({
  state: () => 'up',
  downReason: () => '',
  loggedIn: () => true,
  silentMs: () => 4000,
  probing: () => false,
  ...over,
})

describe('the health verdict', () => {
  it('is ok when logged in and events flow, with the reason otherwise', () => {
    expect(healthOf(conn(), { reconnects: 2 })).toEqual({
      ok: true,
      loggedIn: true,
      secondsSinceLastEvent: 4,
      reconnects: 2,
    })
    expect(healthOf(conn({ state: () => 'idle', loggedIn: () => false })).reason).toBe(
      'starting: not logged in yet',
    )
    expect(healthOf(conn({ state: () => 'down', downReason: () => 'logout' })).reason).toBe(
      'connection lost: logout',
    )
    expect(healthOf(conn({ loggedIn: () => false })).ok).toBe(false)
    expect(healthOf(conn({ probing: () => true })).reason).toContain('watchdog')
  })
})

describe('the health endpoint', () => {
  it('answers /healthz 200 or 503, /metrics in the Prometheus format, anything else 404', async () => {
    let c = conn()
    const metrics = new Metrics(
      { secondsSinceLastEvent: () => 7, reportsStored: () => 42, dataBytes: async () => 1234 },
      { processMetrics: false },
    )
    metrics.messagesHandled.inc(3)
    metrics.watchdogResets.inc()
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      health: () => healthOf(c),
      metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
      logger: memoryLogger(),
    })
    const base = `http://127.0.0.1:${server.port}`
    try {
      const ok = await fetch(`${base}/healthz`)
      expect(ok.status).toBe(200)
      expect(await ok.json()).toEqual({ status: 'ok', loggedIn: true, secondsSinceLastEvent: 4 })
      c = conn({ state: () => 'down', downReason: () => '14 UNAVAILABLE' })
      const down = await fetch(`${base}/healthz`)
      expect(down.status).toBe(503)
      expect(await down.json()).toMatchObject({
        status: 'unavailable',
        reason: 'connection lost: 14 UNAVAILABLE',
      })
      const m = await fetch(`${base}/metrics`)
      expect(m.headers.get('content-type')).toContain('text/plain')
      const text = await m.text()
      for (const line of [
        'gqf_messages_handled_total 3',
        'gqf_replies_sent_total 0',
        'gqf_send_failures_total 0',
        'gqf_reconnects_total 0',
        'gqf_watchdog_resets_total 1',
        'gqf_seconds_since_last_event 7',
        'gqf_reports_stored 42',
        'gqf_data_bytes 1234',
      ])
        expect(text.split('\n')).toContain(line)
      expect((await fetch(`${base}/`)).status).toBe(404)
      expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405)
    } finally {
      await server.close()
    }
  })
})
