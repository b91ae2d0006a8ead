import { join } from 'node:path'
import { z } from 'zod'
import { LOCKOUT_DEFAULTS, type LockoutPort, type LockoutState } from '../src/core/lockout-port.js'
import { JsonFileStore } from './json-file-store.js'

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  /** Contact id → wrong admin-code attempts in the current window. */
  attempts: z.record(z.string(), z.object({ count: z.number().int().positive(), since: z.string().min(10) })),
})
type LockoutFile = z.infer<typeof fileSchema>

export interface LockoutOptions {
  maxFailures?: number
  lockMs?: number
}

/** Wrong admin-code attempts, in `lockout.json`, so a restart does not lift a lockout. */
export class LockoutStore implements LockoutPort {
  private readonly maxFailures: number
  private readonly lockMs: number

  private constructor(
    private readonly store: JsonFileStore<LockoutFile>,
    opts: LockoutOptions,
  ) {
    this.maxFailures = opts.maxFailures ?? LOCKOUT_DEFAULTS.maxFailures
    this.lockMs = opts.lockMs ?? LOCKOUT_DEFAULTS.lockMs
  }

  static async open(dataDir: string | null, opts: LockoutOptions = {}): Promise<LockoutStore> {
    const store = await JsonFileStore.open<LockoutFile>({
      file: dataDir === null ? null : join(dataDir, 'lockout.json'),
      schema: fileSchema,
      version: 1,
      defaults: () => ({ schemaVersion: 1, attempts: {} }),
    })
    return new LockoutStore(store, opts)
  }

  /** The contact's attempts in a window still open at `now`. */
  private current(contactId: string, now: Date): LockoutState | undefined {
    const a = this.store.data.attempts[contactId]
    if (!a) return undefined
    const since = new Date(a.since)
    return now.getTime() - since.getTime() < this.lockMs ? { count: a.count, since } : undefined
  }

  /** Every open window of wrong attempts, as stored (tests snapshot it). */
  attempts(): Readonly<Record<string, { count: number; since: string }>> {
    return this.store.data.attempts
  }

  isLocked(contactId: string, now: Date): boolean {
    return this.lockedUntil(contactId, now) !== null
  }

  lockedUntil(contactId: string, now: Date): Date | null {
    const a = this.current(contactId, now)
    return a && a.count >= this.maxFailures ? new Date(a.since.getTime() + this.lockMs) : null
  }

  async fail(contactId: string, now: Date): Promise<LockoutState & { locked: boolean }> {
    const prev = this.current(contactId, now)
    const next: LockoutState = prev ? { count: prev.count + 1, since: prev.since } : { count: 1, since: now }
    await this.store.update((d) => {
      // Windows that have closed are dropped on the way, so the file stays small.
      d.attempts = Object.fromEntries(
        Object.entries(d.attempts).filter(
          ([, a]) => now.getTime() - new Date(a.since).getTime() < this.lockMs,
        ),
      )
      d.attempts[contactId] = { count: next.count, since: next.since.toISOString() }
    })
    return { ...next, locked: next.count >= this.maxFailures }
  }

  async clear(contactId: string): Promise<void> {
    if (!Object.hasOwn(this.store.data.attempts, contactId)) return
    await this.store.update((d) => {
      d.attempts = Object.fromEntries(Object.entries(d.attempts).filter(([id]) => id !== contactId))
    })
  }
}
