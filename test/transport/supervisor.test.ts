import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import {
  ConnectionSupervisor,
  type Link,
  type LinkSignals,
  type OutageInfo,
} from '../../src/transport/supervisor.js'

/** A connection whose service is up or down at the test's word. */
class FakeLink implements Link {
  signals!: LinkSignals
  serviceUp = true
  logged = true
  restarts = 0
  dings = 0
  watch(s: LinkSignals) {
    this.signals = s
    return () => undefined
  }
  async restart() {
    this.restarts++
    this.logged = false
    this.signals.logout()
    if (!this.serviceUp) throw new Error('14 UNAVAILABLE: No connection established')
    this.logged = true
    this.signals.login()
  }
  ding() {
    this.dings++
    if (this.serviceUp) this.signals.alive()
  }
  loggedIn = () => this.logged
}

function setup(over: Partial<ConstructorParameters<typeof ConnectionSupervisor>[0]> = {}) {
  const link = new FakeLink()
  const logger = memoryLogger()
  const recovered: OutageInfo[] = []
  const gaveUp: OutageInfo[] = []
  const sup = new ConnectionSupervisor({
    link,
    logger,
    onRecovered: (i) => void recovered.push(i),
    onGiveUp: (i) => void gaveUp.push(i),
    ...over,
  })
  sup.start()
  return { link, logger, recovered, gaveUp, sup }
}

describe('ConnectionSupervisor', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('retries with doubling waits up to the cap, logging each attempt, until the service is back', async () => {
    const { link, logger, recovered, sup } = setup()
    link.serviceUp = false
    link.signals.error('14 UNAVAILABLE: Connection dropped')
    expect(sup.state).toBe('down')
    const times: number[] = []
    const t0 = Date.now()
    const restart = link.restart.bind(link)
    link.restart = async () => {
      times.push(Date.now() - t0)
      return restart()
    }
    await vi.advanceTimersByTimeAsync(200_000)
    // 1, 2, 4, 8, 16, 30, 30, … seconds apart
    expect(times.slice(0, 7)).toEqual([1000, 3000, 7000, 15_000, 31_000, 61_000, 91_000])
    expect(recovered).toEqual([])
    link.serviceUp = true
    await vi.advanceTimersByTimeAsync(30_000)
    expect(sup.state).toBe('up')
    expect(recovered).toHaveLength(1)
    expect(recovered[0]).toMatchObject({
      reason: '14 UNAVAILABLE: Connection dropped',
      attempts: times.length,
    })
    expect(logger.lines.filter((l) => l.includes('reconnect attempt attempt=')).length).toBe(times.length)
    // Up again: no more attempts, and the next outage is reported on its own.
    const n = link.restarts
    await vi.advanceTimersByTimeAsync(120_000)
    expect(link.restarts).toBe(n)
    link.signals.logout()
    await vi.advanceTimersByTimeAsync(1000)
    expect(recovered).toHaveLength(2)
    sup.stop()
  })

  it('notices missing heartbeats while it dings a silent service', async () => {
    const { link, recovered, sup } = setup({ heartbeatIntervalMs: 1000, heartbeatTimeoutMs: 5000 })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(sup.state).toBe('up')
    expect(link.dings).toBeGreaterThan(5)
    link.serviceUp = false // dings go unanswered, no error arrives
    await vi.advanceTimersByTimeAsync(6500)
    expect(sup.state).toBe('down')
    link.serviceUp = true
    await vi.advanceTimersByTimeAsync(2000)
    expect(sup.state).toBe('up')
    expect(recovered[0]!.reason).toMatch(/no heartbeat/)
    sup.stop()
  })

  it('ignores errors that are not about the connection', async () => {
    const { link, sup } = setup()
    link.signals.error('2 UNKNOWN: contact not found')
    await vi.advanceTimersByTimeAsync(5000)
    expect(sup.state).toBe('up')
    expect(link.restarts).toBe(0)
    sup.stop()
  })

  it('gives up once after the limit and stops trying', async () => {
    const { link, gaveUp, sup } = setup({ giveUpMs: 60_000 })
    link.serviceUp = false
    link.signals.error('14 UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED')
    await vi.advanceTimersByTimeAsync(59_000)
    expect(gaveUp).toEqual([])
    await vi.advanceTimersByTimeAsync(2000)
    expect(gaveUp).toHaveLength(1)
    expect(gaveUp[0]!.downMs).toBeGreaterThanOrEqual(60_000)
    expect(sup.state).toBe('stopped')
    const n = link.restarts
    await vi.advanceTimersByTimeAsync(600_000)
    expect(link.restarts).toBe(n)
    expect(gaveUp).toHaveLength(1)
  })

  it('bounds an attempt that hangs', async () => {
    const { link, sup } = setup({ attemptTimeoutMs: 5000 })
    link.restart = () => new Promise<void>(() => undefined)
    link.signals.logout()
    await vi.advanceTimersByTimeAsync(1000 + 5000 + 2000 + 5000 + 100)
    expect(sup.state).toBe('down')
    let calls = 0
    link.restart = async () => {
      calls++
      link.signals.login()
    }
    await vi.advanceTimersByTimeAsync(4000)
    expect(calls).toBe(1)
    expect(sup.state).toBe('up')
    sup.stop()
  })
})
