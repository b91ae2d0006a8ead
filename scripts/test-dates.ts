/**
 * `npm run test:dates [-- paths…]`: runs the date-sensitive tests once per date that has bitten us
 * (the December holiday notice, the last day of the year, New Year's Day, a 调休 make-up Saturday),
 * each run believing it is that date (GQF_TEST_DATE, see test/support/pinned-clock.ts).
 */
import { spawnSync } from 'node:child_process'

export const TEST_DATES = [
  '2026-12-01T09:00:00+08:00', // 1 December: next year's holidays are missing
  '2026-12-31T16:30:00+08:00', // the last afternoon of the year
  '2027-01-01T10:00:00+08:00', // New Year's Day, in a year the holiday library lacks
  '2026-02-28T10:00:00+08:00', // a make-up Saturday (调休) before the Spring Festival
] as const

/** The parts of the suite that run on the wall clock: real processes, the console, the composed bot. */
export const DATE_SENSITIVE = ['test/e2e', 'test/console', 'test/compose.test.ts', 'test/storage']

const paths = process.argv.slice(2)
const base = { ...process.env }
delete base['GQF_TEST_CLOCK_OFFSET_MS'] // each run sets its own
delete base['CI'] // no JSON summary: .ci/results.json belongs to the suite's run
let failed = 0
for (const date of TEST_DATES) {
  console.log(`\n=== ${date} ===`)
  const r = spawnSync('npx', ['vitest', 'run', ...(paths.length > 0 ? paths : DATE_SENSITIVE)], {
    stdio: 'inherit',
    env: { ...base, GQF_TEST_DATE: date },
  })
  if (r.status !== 0) {
    failed++
    console.log(`=== FAILED at ${date} ===`)
  }
}
console.log(failed === 0 ? '\nevery date passed' : `\n${failed} of ${TEST_DATES.length} dates failed`)
process.exit(failed === 0 ? 0 : 1)
