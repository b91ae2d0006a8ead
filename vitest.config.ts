import { defineConfig } from 'vitest/config'
import { pinTestClock } from './test/support/pinned-clock.js'

// Every run believes it is GQF_TEST_DATE (a fixed Wednesday by default): no test depends on the real
// date. The offset is set here, once, so the workers and the bots they start share it.
pinTestClock()

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/pinned-clock.mjs', 'test/support/setup-home.ts'],
    // On CI a JSON summary too, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.ci/results.json' }]] : ['default'],
  },
})
