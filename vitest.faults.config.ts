import { defineConfig } from 'vitest/config'

/** `npm run test:faults`: the long fault runs (real outages of minutes), kept out of the suite. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.fault.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/setup-home.ts'],
  },
})
