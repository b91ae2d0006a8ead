/**
 * CPU profile of one window of the bench (the bot's process only), for finding where time and the
 * longest stalls go: `BENCH_PROFILE=<dir>` writes `<dir>/<label>.cpuprofile` (open it in Chrome
 * DevTools, or summarise it with `tsx bench/profile-summary.ts <file>`).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'

const DIR = process.env['BENCH_PROFILE']

/** Runs `fn`; with BENCH_PROFILE set, samples the process meanwhile (every 250 µs). */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (!DIR) return fn()
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 250 })
  await session.post('Profiler.start')
  // The loop's stalls, on the profile's clock (µs, monotonic), to look up what ran meanwhile.
  const gaps: { atUs: number; ms: number }[] = []
  let last = process.hrtime.bigint()
  const ticker = setInterval(() => {
    const now = process.hrtime.bigint()
    const ms = Number(now - last) / 1e6
    if (ms > 20) gaps.push({ atUs: Number(last / 1000n), ms })
    last = now
  }, 1)
  try {
    return await fn()
  } finally {
    clearInterval(ticker)
    const { profile } = await session.post('Profiler.stop')
    session.disconnect()
    mkdirSync(DIR, { recursive: true })
    const file = join(DIR, `${label}.cpuprofile`)
    writeFileSync(file, JSON.stringify({ ...profile, gaps }))
    console.error(`profile: ${file}`)
  }
}
