/**
 * A change and the audit entry that describes it, in one durable write: the entry waits in the
 * changed file (`auditOutbox`) and is moved to the audit trail right after. If that append fails
 * (a full disk), the change still stands with its entry beside it, and the entry is appended at
 * the next change of that file or at the next start. Each entry carries the id of its change
 * (`op`), and the audit trail takes an `op` once: a retry never logs twice, and since nothing is
 * answered as failed once the change is on disk, nobody retries a change that was made.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { auditInputSchema, type AuditNote } from '../src/domain/audit.js'
import type { AuditPort } from '../src/core/records-port.js'
import type { JsonFileStore } from './json-file-store.js'

export const pendingAuditSchema = auditInputSchema.extend({ op: z.string().min(1) })
export type PendingAudit = z.infer<typeof pendingAuditSchema>

/** The field a file with audited changes adds; absent in files written before it (read as empty). */
export const auditOutboxField = { auditOutbox: z.array(pendingAuditSchema).default([]) }

/** The audit trail as storage sees it: it also knows which changes it has logged. */
export interface AuditTrail extends AuditPort {
  has(op: string): boolean
}

export interface Audited {
  schemaVersion: number
  auditOutbox: PendingAudit[]
}

export type { AuditNote }

/**
 * Applies `mutate` and, when it changed something, the entry `describe` makes of its result, in one
 * write; then appends the entry to the trail. `undefined` from `mutate` means nothing changed.
 */
export async function auditedUpdate<T extends Audited, R>(
  store: JsonFileStore<T>,
  audit: AuditTrail,
  mutate: (data: T) => R | undefined,
  describe: (result: R) => AuditNote,
): Promise<R | undefined> {
  const result = await store.update((d) => {
    // Entries the trail has are dropped here, with the next write: no write of their own.
    d.auditOutbox = d.auditOutbox.filter((p) => !audit.has(p.op))
    const r = mutate(d)
    if (r !== undefined) d.auditOutbox.push({ ...describe(r), op: randomUUID() })
    return r
  })
  await deliverAudit(audit, [store])
  return result
}

/**
 * `mutate` in one write with `note` (or the note made of its result) when the change is audited (its
 * result counts as a change when `changed` says so), a plain update when it is not.
 */
export async function updateNoted<T extends Audited, R>(
  store: JsonFileStore<T>,
  audit: AuditTrail | null,
  mutate: (data: T) => R,
  changed: (result: R) => boolean,
  note: AuditNote | ((result: R) => AuditNote) | undefined,
): Promise<R> {
  if (!note || !audit) return store.update(mutate)
  // Boxed: a change whose result is undefined (a void mutation) is still a change.
  let unchanged: { result: R } | undefined
  const box = await auditedUpdate(
    store,
    audit,
    (d) => {
      const result = mutate(d)
      if (changed(result)) return { result }
      unchanged = { result }
      return undefined
    },
    ({ result }) => (typeof note === 'function' ? note(result) : note),
  )
  return (box ?? unchanged!).result
}

/** Appends what waits in the files' outboxes; a failure leaves it waiting (tried again later). */
export async function deliverAudit(audit: AuditTrail, stores: readonly { readonly data: Audited }[]) {
  const waiting = stores.flatMap((s) => s.data.auditOutbox).filter((p) => !audit.has(p.op))
  waiting.sort((a, b) => a.at.localeCompare(b.at))
  // Every append settles before this returns (a failed one is tried again later): none is left in
  // flight to land after a later change's entry.
  await Promise.allSettled(waiting.map((p) => audit.append(p)))
}
