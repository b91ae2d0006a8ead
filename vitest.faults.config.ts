import { defineConfig } from 'vitest/config'
import { pinTestClock } from './test/support/pinned-clock.js'

pinTestClock()

/** `npm run test:faults`: the long fault runs (real outages of minutes), kept out of the suite. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/pinned-clock.mjs', 'test/support/setup-home.ts'],
  },
})
