import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, utimesSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock, liveHolder, LockHeldError, LOCK_FILE, pidAlive } from '../../storage/lock.js'

const dir = () => mkdtempSync(join(tmpdir(), 'gqf-lock-'))
/** A pid that was alive a moment ago and is not any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!
const lockOf = (d: string) => JSON.parse(readFileSync(join(d, LOCK_FILE), 'utf8')) as Record<string, unknown>

describe('data-folder lock', () => {
  it('creates DATA_DIR/.lock with pid, host and start time, and removes it on release', () => {
    const d = dir()
    const lock = acquireLock(join(d, 'data'), { now: new Date('2026-05-01T01:00:00Z') })
    const held = lockOf(join(d, 'data'))
    expect(held).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      startedAt: '2026-05-01T01:00:00.000Z',
    })
    expect(lock.tookOver).toBe(false)
    lock.release()
    expect(existsSync(join(d, 'data', LOCK_FILE))).toBe(false)
    lock.release() // twice is harmless
  })

  it('refuses a second holder while the first is alive, naming its pid and the folder', () => {
    const d = dir()
    const first = acquireLock(d, { pid: 4242, isAlive: () => true })
    const before = readFileSync(join(d, LOCK_FILE))
    let error: unknown
    try {
      acquireLock(d, { pid: 4343, isAlive: () => true })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(LockHeldError)
    expect((error as Error).message).toContain('进程号 4242')
    expect((error as Error).message).toContain(d)
    expect(readFileSync(join(d, LOCK_FILE))).toEqual(before)
    first.release()
    expect(acquireLock(d, { pid: 4343 }).tookOver).toBe(false)
  })

  it('takes over a lock left by a dead process, and the old holder cannot release the new lock', () => {
    const d = dir()
    const pid = deadPid()
    expect(pidAlive(pid)).toBe(false)
    const stale = acquireLock(d, { pid })
    const lock = acquireLock(d)
    expect(lock.tookOver).toBe(true)
    expect(lockOf(d)['pid']).toBe(process.pid)
    stale.release()
    expect(lockOf(d)['pid']).toBe(process.pid)
    expect(liveHolder(d, () => true)?.nonce).toBe(lock.info.nonce)
    lock.release()
    expect(liveHolder(d)).toBeNull()
  })

  it('treats a lock with its own pid as left by an earlier run (pid 1 in a container)', () => {
    const d = dir()
    acquireLock(d, { pid: 1, isAlive: () => true })
    expect(acquireLock(d, { pid: 1, isAlive: () => true }).tookOver).toBe(true)
  })

  it('refuses a lock held from another host, whose process cannot be checked from here', () => {
    const d = dir()
    acquireLock(d, { hostname: 'other-box', pid: 7 })
    expect(() => acquireLock(d, { isAlive: () => false })).toThrow(/另一台主机 other-box/)
  })

  it('refuses a fresh unreadable lock (a process writing it), takes over an old one', () => {
    const d = dir()
    writeFileSync(join(d, LOCK_FILE), '')
    // Written just now by the clock the lock reads (the suite may pin another date than the disk's).
    const now = new Date()
    utimesSync(join(d, LOCK_FILE), now, now)
    expect(() => acquireLock(d)).toThrow(LockHeldError)
    const old = new Date(Date.now() - 60_000)
    utimesSync(join(d, LOCK_FILE), old, old)
    expect(acquireLock(d).tookOver).toBe(true)
  })
})
