/**
 * The puppet service goes away and comes back on the same address (real gRPC transport, free port):
 * the supervisor reconnects and the bot answers again. The outage itself is real time — the server
 * really is down — but heartbeat and backoff timings are the short test ones.
 */
import { describe, expect, it } from 'vitest'
import { runOutage } from '../support/outage.js'

describe('recovery from a puppet-service outage', () => {
  it('answers again after a 2-second outage', { timeout: 60_000 }, async () => {
    const run = await runOutage(2000)
    expect(run.answeredBefore).toBe(true)
    expect(run.answeredAfter).toBe(true)
    expect(run.gaveUp).toBe(false)
    expect(run.recovered).toHaveLength(1)
    expect(run.recovered[0]!.reason).toMatch(/UNAVAILABLE|logout|heartbeat/)
  })

  it('answers again after a 30-second outage, having kept trying', { timeout: 120_000 }, async () => {
    const run = await runOutage(30_000)
    expect(run.answeredAfter).toBe(true)
    expect(run.gaveUp).toBe(false)
    expect(run.recovered).toHaveLength(1)
    // 200 ms doubling to a 1 s cap: many attempts in 30 s, each one logged.
    expect(run.attemptLogs).toBeGreaterThan(10)
    expect(run.recovered[0]!.attempts).toBe(run.attemptLogs)
  })
})
