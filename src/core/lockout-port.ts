/**
 * Wrong admin-code attempts, kept across restarts: after `maxFailures` wrong codes within
 * `lockMs`, a contact is locked out until `lockMs` after the first of them.
 */
export interface LockoutState {
  /** Wrong attempts in the current window. */
  count: number
  /** When the window began (the first wrong attempt of it). */
  since: Date
}

export interface LockoutPort {
  /** Every open window of wrong attempts, by contact (as stored). */
  attempts(): Readonly<Record<string, { count: number; since: string }>>
  /** True while the contact is locked out. */
  isLocked(contactId: string, now: Date): boolean
  /** When the lockout ends, or null when the contact is not locked out. */
  lockedUntil(contactId: string, now: Date): Date | null
  /** Records a wrong attempt (a window older than `lockMs` starts again); resolves once on disk. */
  fail(contactId: string, now: Date): Promise<LockoutState & { locked: boolean }>
  /** Forgets the contact's attempts (after a right code); resolves once on disk. */
  clear(contactId: string): Promise<void>
}

export const LOCKOUT_DEFAULTS = { maxFailures: 5, lockMs: 10 * 60_000 } as const
