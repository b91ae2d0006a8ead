/**
 * The pinned test clock (see pinned-clock.mjs): `GQF_TEST_DATE` chooses the date a run believes it
 * is; `npm run test:dates` runs the date-sensitive parts at several dates.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The date every test run believes it is, unless GQF_TEST_DATE says otherwise: a plain Wednesday. */
export const DEFAULT_TEST_DATE = '2026-11-18T10:00:00+08:00'

const SHIM = fileURLToPath(new URL('./pinned-clock.mjs', import.meta.url))

/** Sets GQF_TEST_CLOCK_OFFSET_MS once for this run (kept if a parent already set it). */
export function pinTestClock(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env['GQF_TEST_CLOCK_OFFSET_MS'])
  if (env['GQF_TEST_CLOCK_OFFSET_MS'] !== undefined && Number.isFinite(set)) return set
  const at = Date.parse(env['GQF_TEST_DATE'] ?? DEFAULT_TEST_DATE)
  if (!Number.isFinite(at)) throw new Error(`GQF_TEST_DATE is not a date: ${env['GQF_TEST_DATE'] ?? ''}`)
  const offset = at - Date.now()
  env['GQF_TEST_CLOCK_OFFSET_MS'] = String(offset)
  return offset
}

/** What a bot process started by a test needs in its environment to share the pinned clock. */
export function pinnedClockEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const offset = env['GQF_TEST_CLOCK_OFFSET_MS'] ?? String(pinTestClock(env))
  return {
    GQF_TEST_CLOCK_OFFSET_MS: offset,
    NODE_OPTIONS: `--import ${pathToFileURL(SHIM).href}`,
  }
}
