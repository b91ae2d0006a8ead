/**
 * breathe(): a burst of handlers parked because the turn's budget is spent is let go over later
 * turns of the event loop, first come first served, a few per turn, not all at once in the next
 * one (which stalled the loop for a second under a burst of 1,000 #上报).
 */
import { setImmediate } from 'node:timers'
import { performance } from 'node:perf_hooks'
import { describe, expect, it } from 'vitest'
import { breathe, waitingToBreathe } from '../../src/transport/breathe.js'

/** Runs synchronously for `ms` (a handler's own work: parsing, the duplicate check, a tally). */
function work(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end) {
    // busy
  }
}

describe('breathe', () => {
  it('lets 100 parked handlers go over many turns of the loop, in the order they came', async () => {
    // Count the loop's turns with a chain of immediates.
    let turn = 0
    let counting = true
    const tick = () => {
      turn++
      if (counting) setImmediate(tick)
    }
    setImmediate(tick)
    await new Promise((r) => setImmediate(r))

    // Spend the budget, so that every handler below has to wait in line.
    work(10)
    const resumed: { id: number; turn: number }[] = []
    const handlers = Array.from({ length: 100 }, async (_, id) => {
      await breathe(8)
      resumed.push({ id, turn })
      work(2)
    })
    expect(waitingToBreathe()).toBe(100)
    await Promise.all(handlers)
    counting = false

    expect(resumed.map((r) => r.id)).toEqual(Array.from({ length: 100 }, (_, i) => i))
    const perTurn = new Map<number, number>()
    for (const r of resumed) perTurn.set(r.turn, (perTurn.get(r.turn) ?? 0) + 1)
    // 2 ms each against a budget of 8 ms: at most a handful per turn, never the whole burst.
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(5)
    expect(perTurn.size).toBeGreaterThanOrEqual(20)
    expect(waitingToBreathe()).toBe(0)
  })

  it('resolves at once while the turn is young and nobody waits', async () => {
    // A turn begins (breathe notes when), and nobody is in line.
    await breathe()
    await new Promise((r) => setImmediate(r))
    expect(waitingToBreathe()).toBe(0)
    let done = false
    void breathe(1000).then(() => (done = true))
    await Promise.resolve()
    await Promise.resolve()
    expect(done).toBe(true)
  })
})
