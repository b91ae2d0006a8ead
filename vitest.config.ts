import { defineConfig } from 'vitest/config'
import { pinTestClock } from './test/support/pinned-clock.js'

// Every run believes it is GQF_TEST_DATE (a fixed Wednesday by default): no test depends on the real
// date. The offset is set here, once, so the workers and the bots they start share it.
pinTestClock()

/**
 * The tests that start the bot as its own process (test/support/child.ts; the Juzi one also its
 * puppet service). They spend much of their time waiting for those processes, so they run in a fork
 * of their own at the same time as the in-process files (in a thread): vitest runs a threads pool
 * and a forks pool side by side, and the files of one pool one after another. The other e2e files
 * (a bot client and a PuppetServer in the test process, connectBot) are in-process.
 */
const PROCESS_TESTS = [
  'console',
  'entry-point',
  'hostile-server',
  'juzi-client',
  'operations',
  'operators',
  'restart',
  'silent-stream',
].map((name) => `test/e2e/${name}.e2e.test.ts`)

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/pinned-clock.mjs', 'test/support/setup-home.ts'],
    // On CI a JSON summary too, from which .ci/run prints the plain "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.ci/results.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/**/*.test.ts'],
          exclude: PROCESS_TESTS,
          // One module graph for all in-process files: loading wechaty, exceljs and echarts once instead
          // of once per file takes the in-process part from about 5 minutes to 1 on two cores. Tests
          // restore what they patch (fake timers, fs hooks) in afterEach. A thread, so that it runs
          // beside the processes project (see PROCESS_TESTS).
          pool: 'threads',
          isolate: false,
          poolOptions: { threads: { isolate: false, singleThread: true } },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: PROCESS_TESTS,
          // One module graph here too (wechaty, the gRPC service, exceljs): a fresh fork per file
          // spent about 5 s loading them again for each of the 19 files. Each file makes its own
          // World, bots and folders, and stops them in afterAll.
          pool: 'forks',
          isolate: false,
          poolOptions: { forks: { isolate: false, singleFork: true } },
        },
      },
    ],
  },
})
