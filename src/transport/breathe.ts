/**
 * Lets the event loop breathe during a burst: handlers are promise chains, and a thousand of them
 * would otherwise run back to back in one turn of the loop (no timer, no socket read, no reply sent
 * meanwhile). `breathe()` resolves at once while the current turn is young; after `budgetMs` the
 * caller waits in line, and the line is let go in later turns, first come first served, only as
 * many per turn as fit in the budget.
 *
 * Waking every waiter with its own `setImmediate` is not enough: the immediates queued in one turn
 * all run in the next one, so a thousand handlers parked that way resume back to back again (the
 * burst profile showed one such turn of 1.1 s). Here each turn releases one waiter per immediate,
 * with the released handler's synchronous work (its microtasks) done before the next immediate
 * looks at the clock; once the budget is spent, the rest wait for the turn after.
 *
 * Real timers and clock on purpose (node:timers, node:perf_hooks): tests that fake timers still run.
 */
import { performance } from 'node:perf_hooks'
import { setImmediate } from 'node:timers'

/** At most this many waiters are offered a place in one turn (each still within the budget). */
const PER_TURN = 64

let turnStart = performance.now()
let marking = false
const waiting: (() => void)[] = []
/** Immediates queued for the next turn's release. */
let queued = 0
let budget = 8

/** Notes when the next turn of the loop begins. */
function markNextTurn(): void {
  if (marking) return
  marking = true
  setImmediate(() => {
    marking = false
    turnStart = performance.now()
  })
}

/** Queues the next turn's release: up to PER_TURN immediates, each letting one waiter go while the turn is young. */
function scheduleRelease(): void {
  if (queued > 0 || waiting.length === 0) return
  markNextTurn()
  queued = Math.min(waiting.length, PER_TURN)
  for (let i = 0; i < queued; i++) setImmediate(releaseOne)
}

function releaseOne(): void {
  queued--
  if (performance.now() - turnStart < budget) waiting.shift()?.()
  if (queued === 0) scheduleRelease()
}

/** Resolves at once while the current turn is young and nobody waits; otherwise waits in line. */
export async function breathe(budgetMs = 8): Promise<void> {
  markNextTurn()
  if (waiting.length === 0 && performance.now() - turnStart < budgetMs) return
  budget = budgetMs
  await new Promise<void>((resolve) => {
    waiting.push(resolve)
    scheduleRelease()
  })
}

/** Handlers waiting for a turn (tests). */
export function waitingToBreathe(): number {
  return waiting.length
}
