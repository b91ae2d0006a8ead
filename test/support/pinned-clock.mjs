/* global process */
// Pins the wall clock of a test process (and of every bot process a test starts) to a fixed date,
// so that no test depends on the real date. The clock still runs: now = real now + offset, with one
// offset for the whole run (computed once in vitest.config.ts and handed to child processes through
// GQF_TEST_CLOCK_OFFSET_MS), so the test process and the bots it starts agree to the millisecond.
// Loaded as a vitest setup file and, for child processes, with NODE_OPTIONS=--import.
const offset = Number(process.env.GQF_TEST_CLOCK_OFFSET_MS ?? '0')
const Real = globalThis.Date
if (Number.isFinite(offset) && offset !== 0 && !Real.__gqfPinned) {
  class PinnedDate extends Real {
    constructor(...args) {
      if (args.length === 0) super(Real.now() + offset)
      else super(...args)
    }
    static now() {
      return Real.now() + offset
    }
  }
  // Dates made by Node itself (fs.Stats, worker messages) are instances of the real Date.
  Object.defineProperty(PinnedDate, Symbol.hasInstance, { value: (x) => x instanceof Real })
  Object.defineProperty(PinnedDate, '__gqfPinned', { value: true })
  globalThis.Date = PinnedDate
}
