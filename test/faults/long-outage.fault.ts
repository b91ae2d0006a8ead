/** A two-minute puppet-service outage: too long for the suite; `npm run test:faults` runs it. */
import { describe, expect, it } from 'vitest'
import { runOutage } from '../support/outage.js'

describe('recovery from a long puppet-service outage', () => {
  it('answers again after a 2-minute outage', { timeout: 240_000 }, async () => {
    const run = await runOutage(120_000)
    expect(run.answeredAfter).toBe(true)
    expect(run.gaveUp).toBe(false)
    expect(run.recovered).toHaveLength(1)
    expect(run.recovered[0]!.downMs).toBeGreaterThanOrEqual(120_000)
  })
})
