import { join } from 'node:path'
import { z } from 'zod'
import type { ImportsPort, PendingImport } from '../src/core/imports-port.js'
import type { ImportBatch } from '../src/domain/imports.js'
import { isoSchema, monthSchema } from '../src/domain/schemas.js'
import { JsonFileStore } from './json-file-store.js'
import { auditOutboxField, updateNoted, type AuditTrail } from './audited-update.js'
import type { AuditNote } from '../src/domain/audit.js'

const entry = z.object({ orgId: z.string().min(1), month: monthSchema, count: z.number().int().min(0) })
const body = {
  by: z.string(),
  byName: z.string(),
  fileName: z.string(),
  months: z.array(monthSchema),
  orgIds: z.array(z.string()),
  entries: z.array(entry),
}
const batch = z.object({
  id: z.number().int().positive(),
  at: isoSchema,
  ...body,
  undone: z.object({ by: z.string(), at: isoSchema }).nullable(),
}) satisfies z.ZodType<ImportBatch>
const pending = z.object({ readAt: isoSchema, ...body }) satisfies z.ZodType<PendingImport>

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  batches: z.array(batch),
  pending: z.record(z.string(), pending),
  ...auditOutboxField,
})
type ImportFile = z.infer<typeof fileSchema>

/** The imported history, in `imports.json`. */
export class ImportStore implements ImportsPort {
  private constructor(
    private readonly store: JsonFileStore<ImportFile>,
    private readonly audit: AuditTrail | null,
  ) {}

  /** The file, for the audit entries waiting in it. */
  file(): JsonFileStore<ImportFile> {
    return this.store
  }

  static async open(dataDir: string | null, audit: AuditTrail | null = null): Promise<ImportStore> {
    const store = await JsonFileStore.open<ImportFile>({
      file: dataDir === null ? null : join(dataDir, 'imports.json'),
      schema: fileSchema,
      version: 1,
      defaults: () => ({ schemaVersion: 1, batches: [], pending: {}, auditOutbox: [] }),
    })
    return new ImportStore(store, audit)
  }

  batches(): ImportBatch[] {
    return this.store.data.batches
  }

  async apply(
    input: Omit<ImportBatch, 'id' | 'undone'>,
    note?: (batch: ImportBatch) => AuditNote,
  ): Promise<ImportBatch> {
    return updateNoted(
      this.store,
      this.audit,
      (d) => {
        const b: ImportBatch = { ...input, id: Math.max(0, ...d.batches.map((x) => x.id)) + 1, undone: null }
        d.batches.push(b)
        return b
      },
      () => true,
      note,
    )
  }

  async undoLast(
    by: string,
    now: Date,
    note?: (batch: ImportBatch) => AuditNote,
  ): Promise<ImportBatch | null> {
    return updateNoted(
      this.store,
      this.audit,
      (d) => {
        const last = d.batches.filter((b) => b.undone === null).at(-1)
        if (!last) return null
        last.undone = { by, at: now.toISOString() }
        return last
      },
      (b) => b !== null,
      note && ((b) => note(b!)),
    )
  }

  pending(contactId: string): PendingImport | undefined {
    return this.store.data.pending[contactId]
  }

  async setPending(contactId: string, p: PendingImport | null): Promise<void> {
    await this.store.update((d) => {
      if (p === null)
        d.pending = Object.fromEntries(Object.entries(d.pending).filter(([k]) => k !== contactId))
      else d.pending[contactId] = p
    })
  }
}
