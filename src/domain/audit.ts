/**
 * The audit trail: every change to the roster, roles, withdrawals, settings, 六有, projects,
 * plans, scores and verdicts — who, when, what, why. Entries are chained: each carries a sequence
 * number and the hash of the entry before it, so an edited, inserted or removed line breaks the
 * chain. The hash function is a parameter (storage passes SHA-256) so the domain stays pure.
 */
import { z } from 'zod'
import { isoSchema } from './schemas.js'

export const AUDIT_ACTIONS = [
  'roster.retire',
  'roster.restore',
  'roster.add',
  'roster.move',
  'roster.rename',
  'role.grant',
  'admin.redeem',
  'role.revoke',
  'report.withdraw',
  'report.kind',
  'report.recommend',
  'report.unrecommend',
  'settings.change',
  'six.set',
  'project.add',
  'project.status',
  'plan.set',
  'guidance.add',
  'score.set',
  'assessment.verdict',
  'import.apply',
  'import.undo',
] as const
export const auditActionSchema = z.enum(AUDIT_ACTIONS)
export type AuditAction = z.infer<typeof auditActionSchema>

export const GENESIS = '0'.repeat(64)

export const auditInputSchema = z.object({
  at: isoSchema,
  /** Contact id of who did it ('system' for the bot itself). */
  by: z.string().min(1),
  byName: z.string(),
  action: auditActionSchema,
  /** What it concerns: an org id, a report number, a contact id, a settings key. */
  target: z.string(),
  /** What changed, as short strings (before/after, values). */
  detail: z.record(z.string(), z.string()),
  reason: z.string(),
  /**
   * The change this entry describes, when the change was written first with the entry beside it
   * (see storage's audit outbox): the same change is never logged twice.
   */
  op: z.string().min(1).optional(),
})
export type AuditInput = z.infer<typeof auditInputSchema>
/** What a change says of itself for the audit trail; the store adds the change's id (`op`). */
export type AuditNote = Omit<AuditInput, 'op'>

export const auditEntrySchema = auditInputSchema.extend({
  seq: z.number().int().positive(),
  prev: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export type Hasher = (text: string) => string

/** The text an entry's hash covers: every field but the hash, in a fixed order (`op` only when set). */
export function canonical(e: Omit<AuditEntry, 'hash'>): string {
  const detail = Object.keys(e.detail)
    .sort()
    .map((k) => [k, e.detail[k]])
  const fields = [e.seq, e.prev, e.at, e.by, e.byName, e.action, e.target, detail, e.reason]
  return JSON.stringify(e.op === undefined ? fields : [...fields, e.op])
}

/** The entry that follows `last` (null for the first ever). */
export function chain(last: AuditEntry | null, input: AuditInput, hash: Hasher): AuditEntry {
  const body = { ...input, seq: (last?.seq ?? 0) + 1, prev: last?.hash ?? GENESIS }
  return { ...body, hash: hash(canonical(body)) }
}

export type ChainProblem =
  | { code: 'SEQ'; index: number; expected: number; found: number }
  | { code: 'PREV'; index: number; seq: number }
  | { code: 'HASH'; index: number; seq: number }

/** Checks a run of entries that should follow `last`; null when the chain holds. */
export function verifyChain(
  last: AuditEntry | null,
  entries: readonly AuditEntry[],
  hash: Hasher,
): ChainProblem | null {
  let prev = last
  for (const [index, e] of entries.entries()) {
    const expected = (prev?.seq ?? 0) + 1
    if (e.seq !== expected) return { code: 'SEQ', index, expected, found: e.seq }
    if (e.prev !== (prev?.hash ?? GENESIS)) return { code: 'PREV', index, seq: e.seq }
    const { hash: h, ...body } = e
    if (hash(canonical(body)) !== h) return { code: 'HASH', index, seq: e.seq }
    prev = e
  }
  return null
}

/** The entries that concern one target, or the last `n`, newest first. */
export function selectEntries(
  entries: readonly AuditEntry[],
  q: { target?: string; n: number },
): AuditEntry[] {
  const list = q.target === undefined ? entries : entries.filter((e) => e.target === q.target)
  return list.slice(-q.n).reverse()
}
