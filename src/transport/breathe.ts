/**
 * Lets the event loop breathe during a burst: handlers are promise chains, and a thousand of them
 * would otherwise run back to back in one turn of the loop (no timer, no socket read, no reply sent
 * meanwhile). `breathe()` yields to the loop once the current turn has run for `budgetMs`.
 * Real timers and clock on purpose (node:timers, node:perf_hooks): tests that fake timers still run.
 */
import { performance } from 'node:perf_hooks'
import { setImmediate } from 'node:timers'

let turnStart = performance.now()
let marking = false

/** Notes when the next turn of the loop begins. */
function markNextTurn(): void {
  if (marking) return
  marking = true
  setImmediate(() => {
    marking = false
    turnStart = performance.now()
  })
}

/** Resolves at once while the current turn is young; after `budgetMs` it waits for the next turn. */
export async function breathe(budgetMs = 8): Promise<void> {
  markNextTurn()
  if (performance.now() - turnStart < budgetMs) return
  await new Promise<void>((resolve) => setImmediate(resolve))
}
