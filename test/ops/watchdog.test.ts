/** The watchdog: silence starts a probe, an unanswered probe resets the connection, any event answers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { EventEmitter } from 'node:events'
import { memoryLogger } from '../../src/logger.js'
import { Watchdog, watchFlow } from '../../src/ops/watchdog.js'

function setup(up = () => true) {
  const dings: string[] = []
  const resets: string[] = []
  let counted = 0
  const dog = new Watchdog({
    silenceMs: 10_000,
    probeTimeoutMs: 3000,
    checkEveryMs: 1000,
    ding: (d) => dings.push(d),
    up,
    reset: (r) => resets.push(r),
    onReset: () => counted++,
    logger: memoryLogger(),
  })
  dog.start()
  return { dog, dings, resets, counted: () => counted }
}

describe('the watchdog', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('probes after the silence and resets when the probe goes unanswered', async () => {
    const { dog, dings, resets, counted } = setup()
    await vi.advanceTimersByTimeAsync(9000)
    expect(dings).toEqual([])
    await vi.advanceTimersByTimeAsync(2000)
    expect(dings).toEqual(['gqf-watchdog-1'])
    expect(dog.probing).toBe(true)
    await vi.advanceTimersByTimeAsync(3000)
    expect(resets).toHaveLength(1)
    expect(resets[0]).toMatch(/^watchdog: no event for 1\d s/)
    expect(dog.resets).toBe(1)
    expect(counted()).toBe(1)
    dog.stop()
  })

  it('is satisfied by any event: the answer to its probe, or a message before it', async () => {
    const { dog, dings, resets } = setup()
    await vi.advanceTimersByTimeAsync(11_000)
    expect(dings).toHaveLength(1)
    dog.seen() // the dong
    await vi.advanceTimersByTimeAsync(5000)
    expect(resets).toEqual([])
    dog.seen()
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(5000)
      dog.seen() // messages keep flowing
    }
    expect(dings).toHaveLength(1)
    expect(resets).toEqual([])
    dog.stop()
  })

  it('leaves the connection to the supervisor while it is down', async () => {
    let up = false
    const { dog, dings, resets } = setup(() => up)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(dings).toEqual([])
    up = true
    await vi.advanceTimersByTimeAsync(9000)
    expect(dings).toEqual([])
    await vi.advanceTimersByTimeAsync(2000)
    expect(dings).toHaveLength(1)
    up = false // lost meanwhile: the supervisor reconnects; no reset on top
    await vi.advanceTimersByTimeAsync(5000)
    expect(resets).toEqual([])
    dog.stop()
  })

  it('counts every puppet event but the heartbeat as flow', () => {
    const puppet = new EventEmitter()
    let seen = 0
    const unwatch = watchFlow(puppet, () => seen++)
    puppet.emit('heartbeat', { data: 'x' })
    expect(seen).toBe(0)
    for (const e of ['dong', 'message', 'login', 'ready', 'room-join', 'dirty']) puppet.emit(e, {})
    expect(seen).toBe(6)
    unwatch()
    puppet.emit('message', {})
    expect(seen).toBe(6)
  })
})
