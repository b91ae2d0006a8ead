import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Month } from '../src/domain/calendar.js'
import type { FileInfo, Report } from '../src/domain/reports.js'
import { StoreError, type JsonFileStore } from './json-file-store.js'
import { Shards } from './shards.js'
import { monthSchema, reportSchema } from '../src/domain/schemas.js'
import type { ReportsPort } from '../src/core/ports.js'
import { auditOutboxField, updateNoted, type AuditTrail } from './audited-update.js'
import type { AuditNote } from '../src/domain/audit.js'

export const SHARD_SCHEMA_VERSION = 1
const shardSchema = z.object({
  schemaVersion: z.literal(SHARD_SCHEMA_VERSION),
  month: monthSchema,
  reports: z.array(reportSchema),
  ...auditOutboxField,
})
type Shard = z.infer<typeof shardSchema>

/**
 * Reports, one lowdb file per month (`reports/2026-11.json`): a new report rewrites only its
 * month's file, so a write costs the same in year ten as in year one. All months are loaded at
 * start (a few hundred small records a year) so tallies over a year need no I/O.
 */
export class ReportStore implements ReportsPort {
  private readonly shards: Shards<Month, Shard>
  private readonly byMessage = new Map<string, number>()
  private readonly byNo = new Map<number, Month>()
  private next = 1
  /** Attachments of an in-memory store (tests), by path. */
  private readonly memoryFiles = new Map<string, Buffer>()

  private constructor(
    private readonly dir: string | null,
    private readonly audit: AuditTrail | null,
  ) {
    this.shards = new Shards<Month, Shard>({
      dir,
      fileName: (month) => `${month}.json`,
      schema: shardSchema,
      version: SHARD_SCHEMA_VERSION,
      defaults: (month) => ({ schemaVersion: SHARD_SCHEMA_VERSION, month, reports: [], auditOutbox: [] }),
      opened: (s, month) => {
        this.check(s, month)
        for (const r of s.data.reports) this.index(r)
      },
    })
  }

  static async open(dataDir: string | null, audit: AuditTrail | null = null): Promise<ReportStore> {
    const store = new ReportStore(dataDir === null ? null : join(dataDir, 'reports'), audit)
    await store.shards.openExisting(/^\d{4}-\d{2}\.json$/, (name) => name.slice(0, 7))
    return store
  }

  /** A shard that parses but contradicts its name or the other shards stops the start; the file is left as is. */
  private check(s: JsonFileStore<Shard>, month: Month): void {
    const file = s.file ?? `reports/${month}.json`
    if (s.data.month !== month)
      throw new StoreError(file, `文件名是 ${month}，其中的月份字段却是 ${s.data.month}`)
    const seen = new Set<number>()
    for (const r of s.data.reports) {
      if (r.month !== month)
        throw new StoreError(file, `编号 ${r.no} 的月份是 ${r.month}，与文件的月份 ${month} 不符`)
      if (seen.has(r.no)) throw new StoreError(file, `编号 ${r.no} 在本文件中出现了不止一次`)
      seen.add(r.no)
      const other = this.byNo.get(r.no)
      if (other !== undefined) throw new StoreError(file, `编号 ${r.no} 已在 reports/${other}.json 中使用`)
    }
  }

  private index(r: Report): void {
    this.byNo.set(r.no, r.month)
    for (const id of r.messageIds) this.byMessage.set(id, r.no)
    this.next = Math.max(this.next, r.no + 1)
  }

  /** Every report, oldest month first. */
  all(): Report[] {
    return this.shards.stores().flatMap((s) => s.data.reports)
  }

  ofMonth(month: Month): Report[] {
    return this.shards.loaded(month)?.data.reports ?? []
  }

  get(no: number): Report | undefined {
    const month = this.byNo.get(no)
    return month ? this.shards.loaded(month)?.data.reports.find((r) => r.no === no) : undefined
  }

  /** The report a WeChat message already went into, if any. */
  byMessageId(id: string): Report | undefined {
    const no = this.byMessage.get(id)
    return no === undefined ? undefined : this.get(no)
  }

  /** Adds a report with the next number; resolves once it is on disk. */
  async add(input: Omit<Report, 'no'>): Promise<Report> {
    const no = this.next++
    const report: Report = { ...input, no }
    // Claim the number and the message ids at once, before any await, so nothing counts twice.
    this.index(report)
    // An open month takes the report at once (readers such as the duplicate check see it before
    // the write); a month not yet opened takes it once its file is read.
    const shard = this.shards.loaded(report.month) ?? (await this.shards.get(report.month))
    await shard.update((d) => {
      d.reports.push(report)
    })
    return report
  }

  /** Changes a report (withdrawal, attachments); resolves once on disk. */
  async change(no: number, mutate: (r: Report) => void, note?: AuditNote): Promise<Report | undefined> {
    const month = this.byNo.get(no)
    if (!month) return undefined
    const shard = await this.shards.get(month)
    return updateNoted(
      shard,
      this.audit,
      (d) => {
        const r = d.reports.find((x) => x.no === no)
        if (!r) return undefined
        mutate(r)
        this.index(r)
        return r
      },
      (r) => r !== undefined,
      note,
    )
  }

  /** The month files, for the audit entries waiting in them. */
  files(): JsonFileStore<Shard>[] {
    return this.shards.stores()
  }

  /** Saves a shared file under `attachments/YYYY-MM/` (in memory for tests) and describes it. */
  async saveFile(
    month: Month,
    messageId: string,
    name: string,
    data: Buffer,
    kind: FileInfo['kind'],
  ): Promise<FileInfo> {
    const safe = safeFileName(name)
    const id = messageId.replace(/[^\w-]+/g, '_').slice(0, 64)
    const rel = `attachments/${month}/${id}-${safe}`
    if (this.dir !== null) {
      const dataDir = join(this.dir, '..')
      await mkdir(join(dataDir, 'attachments', month), { recursive: true })
      await writeFile(join(dataDir, rel), data)
    } else {
      this.memoryFiles.set(rel, Buffer.from(data))
    }
    return { name, path: rel, size: data.length, kind }
  }

  /** Reads a saved attachment back; null when it is gone or its path leaves `attachments/`. */
  async readFile(file: FileInfo): Promise<Buffer | null> {
    const parts = file.path.split('/')
    if (parts[0] !== 'attachments' || parts.some((p) => p === '..' || p === '')) return null
    if (this.dir === null) return this.memoryFiles.get(file.path) ?? null
    try {
      return await readFile(join(this.dir, '..', ...parts))
    } catch {
      return null
    }
  }
}

/** Longest file-name part kept, in UTF-8 bytes: with the message id it stays under the 255-byte limit. */
const NAME_BYTES = 150

/**
 * A shared file's name made safe to write: path separators, characters Windows refuses, white
 * space and control characters (NUL included) become `_`; the end of a long name is kept (it holds
 * the extension) within NAME_BYTES; a name of only dots and underscores becomes `file`.
 */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.normalize('NFC').replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, '_')
  const chars = Array.from(cleaned)
  let bytes = 0
  let start = chars.length
  while (start > 0 && bytes + Buffer.byteLength(chars[start - 1]!) <= NAME_BYTES)
    bytes += Buffer.byteLength(chars[--start]!)
  const kept = chars.slice(start).join('')
  return /^[._]*$/.test(kept) ? 'file' : kept
}
