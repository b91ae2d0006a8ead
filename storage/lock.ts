import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname as osHostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { OPS } from '../src/messages/operations.js'

/** The lock file inside DATA_DIR: one process per data folder. */
export const LOCK_FILE = '.lock'

const lockInfoSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  startedAt: z.string(),
  /** Random per acquisition, so a process recognises its own lock (pids are reused, e.g. pid 1 in containers). */
  nonce: z.string(),
})
export type LockInfo = z.infer<typeof lockInfoSchema>

/** Another live process holds the data folder (or it cannot be told that it does not). */
export class LockHeldError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo | null,
    readonly reason: 'alive' | 'other-host' | 'unreadable',
  ) {
    super(
      holder === null
        ? OPS.lockUnreadable(dir)
        : reason === 'other-host'
          ? OPS.lockOtherHost(dir, holder.pid, holder.hostname, holder.startedAt)
          : OPS.lockHeld(dir, holder.pid, holder.hostname, holder.startedAt),
    )
    this.name = 'LockHeldError'
  }
}

export interface LockOptions {
  pid?: number
  hostname?: string
  now?: Date
  /** Whether a pid is a live process on this host; `process.kill(pid, 0)` by default. */
  isAlive?: (pid: number) => boolean
  /** A lock file that cannot be read and is younger than this is taken as a process starting up. */
  youngMs?: number
}

export interface DataLock {
  readonly file: string
  readonly info: LockInfo
  /** True when the lock was taken over from a dead process. */
  readonly tookOver: boolean
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void
}

/** `process.kill(pid, 0)`: ESRCH means no such process; EPERM means it exists under another user. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readInfo(file: string): LockInfo | null | 'missing' {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw e
  }
  try {
    const parsed = lockInfoSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The process holding `dataDir`, if it is alive on this host (or on another host: not knowable). */
export function liveHolder(dataDir: string, isAlive: (pid: number) => boolean = pidAlive): LockInfo | null {
  const info = readInfo(join(dataDir, LOCK_FILE))
  if (info === null || info === 'missing') return null
  if (info.hostname !== osHostname()) return info
  return isAlive(info.pid) ? info : null
}

/**
 * Takes the data folder for this process: creates `DATA_DIR/.lock` exclusively. A lock left by a
 * process that is gone (same host, pid not alive) is taken over atomically: our lock is written
 * to a temporary file and renamed over it, then read back to confirm no other process won.
 */
export function acquireLock(dataDir: string, opts: LockOptions = {}): DataLock {
  const isAlive = opts.isAlive ?? pidAlive
  const host = opts.hostname ?? osHostname()
  const pid = opts.pid ?? process.pid
  const info: LockInfo = {
    pid,
    hostname: host,
    startedAt: (opts.now ?? new Date()).toISOString(),
    nonce: randomBytes(8).toString('hex'),
  }
  const text = JSON.stringify(info, null, 2) + '\n'
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, LOCK_FILE)
  const make = (tookOver: boolean): DataLock => {
    let released = false
    return {
      file,
      info,
      tookOver,
      release() {
        if (released) return
        released = true
        const now = readInfo(file)
        if (now !== null && now !== 'missing' && now.nonce === info.nonce) unlinkSync(file)
      },
    }
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, text, { flag: 'wx' })
      return make(false)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
    const held = readInfo(file)
    if (held === 'missing') continue // released meanwhile: try to create it again
    if (held === null) {
      // Being written by a process starting this very moment, or damaged long ago.
      const age = Date.now() - statSync(file).mtimeMs
      if (age < (opts.youngMs ?? 10_000)) throw new LockHeldError(dataDir, null, 'unreadable')
    } else {
      if (held.hostname !== host) throw new LockHeldError(dataDir, held, 'other-host')
      // A pid equal to ours belongs to an earlier run (containers start every run as pid 1).
      if (held.pid !== pid && isAlive(held.pid)) throw new LockHeldError(dataDir, held, 'alive')
    }
    // Stale: take it over. Check it is still the stale lock we judged, then replace it atomically.
    const again = readInfo(file)
    if (JSON.stringify(again) !== JSON.stringify(held)) continue
    const tmp = `${file}.${pid}.${info.nonce}.tmp`
    writeFileSync(tmp, text, { flag: 'wx' })
    renameSync(tmp, file)
    const won = readInfo(file)
    if (won !== null && won !== 'missing' && won.nonce === info.nonce) return make(true)
    if (won !== null && won !== 'missing') throw new LockHeldError(dataDir, won, 'alive')
  }
  throw new LockHeldError(dataDir, null, 'unreadable')
}

/**
 * Releases the lock when the process ends: on exit (normal end, `process.exit`) and on SIGINT or
 * SIGTERM when nothing else handles them (the service's own handlers stop the bot, then exit).
 */
export function releaseOnExit(lock: DataLock): void {
  process.on('exit', () => lock.release())
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) <= 1) process.exit(code)
    })
  }
}
