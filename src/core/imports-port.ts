/**
 * Imported history (`#导入`): the batches applied, and the one waiting for its `#导入 确认` per
 * person. Implemented by `storage/import-store.ts`.
 */
import type { AuditNote } from '../domain/audit.js'
import type { ImportBatch } from '../domain/imports.js'

/** An import read and shown, waiting for `#导入 确认`. */
export type PendingImport = Omit<ImportBatch, 'id' | 'undone' | 'at'> & { readAt: string }

export interface ImportsPort {
  /** Every batch, taken-back ones included, oldest first. */
  batches(): ImportBatch[]
  /** Applies a batch; resolves once on disk. */
  /** Applies a batch; with `note`, the audit entry made of the batch goes in the same write. */
  apply(
    batch: Omit<ImportBatch, 'id' | 'undone'>,
    note?: (batch: ImportBatch) => AuditNote,
  ): Promise<ImportBatch>
  /** Takes the newest batch in force back; null when there is none. */
  undoLast(by: string, now: Date, note?: (batch: ImportBatch) => AuditNote): Promise<ImportBatch | null>
  pending(contactId: string): PendingImport | undefined
  setPending(contactId: string, p: PendingImport | null): Promise<void>
}
