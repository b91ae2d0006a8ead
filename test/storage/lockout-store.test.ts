import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LockoutStore } from '../../storage/lockout-store.js'

const dir = () => mkdtempSync(join(tmpdir(), 'gqf-lockout-'))
const t0 = new Date('2026-05-01T02:00:00Z')
const after = (ms: number) => new Date(t0.getTime() + ms)

describe('LockoutStore', () => {
  it('locks a contact out after five wrong codes, and a restart does not lift it', async () => {
    const d = dir()
    const store = await LockoutStore.open(d)
    for (let i = 1; i <= 4; i++) expect((await store.fail('c1', after(i * 1000))).locked).toBe(false)
    expect(store.isLocked('c1', after(5000))).toBe(false)
    const fifth = await store.fail('c1', after(5000))
    expect(fifth).toEqual({ count: 5, since: after(1000), locked: true })

    const reopened = await LockoutStore.open(d)
    expect(reopened.isLocked('c1', after(60_000))).toBe(true)
    expect(reopened.lockedUntil('c1', after(60_000))).toEqual(after(1000 + 600_000))
    expect(reopened.isLocked('c2', after(60_000))).toBe(false)
    // Ten minutes after the first wrong try, the lockout ends and counting starts again.
    expect(reopened.isLocked('c1', after(1000 + 600_000))).toBe(false)
    expect(await reopened.fail('c1', after(700_000))).toEqual({
      count: 1,
      since: after(700_000),
      locked: false,
    })
  })

  it('forgets a contact after a right code, across a reopen', async () => {
    const d = dir()
    const store = await LockoutStore.open(d, { maxFailures: 2, lockMs: 1000 })
    await store.fail('c1', t0)
    await store.clear('c1')
    await store.fail('c1', after(10))
    const reopened = await LockoutStore.open(d, { maxFailures: 2, lockMs: 1000 })
    expect(reopened.isLocked('c1', after(20))).toBe(false)
    expect((await reopened.fail('c1', after(20))).locked).toBe(true)
  })
})
