import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  auditEntrySchema,
  chain,
  verifyChain,
  type AuditEntry,
  type AuditInput,
} from '../src/domain/audit.js'
import { shanghaiDate } from '../src/domain/calendar.js'
import type { AuditPort } from '../src/core/records-port.js'
import { StoreError } from './json-file-store.js'

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex')

const headSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string() })

/**
 * The audit trail, append-only: one JSON line per entry in `audit/YYYY.jsonl` (the Shanghai year
 * of the entry), chained by hash across the years, and `audit/head.json` naming the last entry
 * so a removed last line is noticed too. At start every file is checked; an edited, inserted,
 * reordered or removed line stops the start with the file named, and nothing is written.
 * There is no update or delete.
 */
export class AuditStore implements AuditPort {
  private readonly list: AuditEntry[] = []
  private pending: AuditEntry[] = []
  private flushing: Promise<void> = Promise.resolve()

  private constructor(private readonly dir: string | null) {}

  static async open(dataDir: string | null): Promise<AuditStore> {
    const store = new AuditStore(dataDir === null ? null : join(dataDir, 'audit'))
    if (store.dir === null || !existsSync(store.dir)) return store
    const names = (await readdir(store.dir)).filter((n) => /^\d{4}\.jsonl$/.test(n)).sort()
    for (const name of names) {
      const file = join(store.dir, name)
      const entries: AuditEntry[] = []
      const lines = (await readFile(file, 'utf8')).split('\n')
      for (const [i, line] of lines.entries()) {
        if (line.trim() === '') continue
        let raw: unknown
        try {
          raw = JSON.parse(line)
        } catch {
          throw new StoreError(file, `第 ${i + 1} 行不是有效的 JSON`)
        }
        const parsed = auditEntrySchema.safeParse(raw)
        if (!parsed.success) throw new StoreError(file, `第 ${i + 1} 行格式不对`)
        entries.push(parsed.data)
      }
      const problem = verifyChain(store.list.at(-1) ?? null, entries, sha256)
      if (problem) {
        const seq = problem.code === 'SEQ' ? problem.found : problem.seq
        throw new StoreError(file, `审计日志被改动：第 ${seq} 条记录与前后不一致（${problem.code}）`)
      }
      store.list.push(...entries)
    }
    const headFile = join(store.dir, 'head.json')
    if (existsSync(headFile)) {
      let raw: unknown = null
      try {
        raw = JSON.parse(await readFile(headFile, 'utf8'))
      } catch {
        // an unreadable head is a changed head: refused below
      }
      const head = headSchema.safeParse(raw)
      const last = store.list.at(-1)
      if (!head.success || head.data.seq !== (last?.seq ?? 0) || (last && head.data.hash !== last.hash)) {
        const lastFile = last ? join(store.dir, `${shanghaiDate(last.at).slice(0, 4)}.jsonl`) : headFile
        throw new StoreError(lastFile, '审计日志末尾的记录被删除或改动（与 head.json 不符）')
      }
    } else if (store.list.length > 0) {
      throw new StoreError(headFile, '缺少审计日志的末尾标记')
    }
    return store
  }

  entries(): readonly AuditEntry[] {
    return this.list
  }

  /** Chains the entry at once (so concurrent appends keep their order); resolves once on disk. */
  append(input: AuditInput): Promise<AuditEntry> {
    const entry = chain(this.list.at(-1) ?? null, input, sha256)
    this.list.push(entry)
    if (this.dir === null) return Promise.resolve(entry)
    this.pending.push(entry)
    this.flushing = this.flushing.then(() => this.flush())
    return this.flushing.then(() => entry)
  }

  /** Writes every pending line (one append per year file), then the head. */
  private async flush(): Promise<void> {
    if (this.dir === null || this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    await mkdir(this.dir, { recursive: true })
    const byYear = new Map<string, string[]>()
    for (const e of batch) {
      const y = shanghaiDate(e.at).slice(0, 4)
      byYear.set(y, [...(byYear.get(y) ?? []), JSON.stringify(e)])
    }
    for (const [y, lines] of byYear) await appendFile(join(this.dir, `${y}.jsonl`), lines.join('\n') + '\n')
    const last = batch.at(-1)!
    const tmp = join(this.dir, 'head.json.tmp')
    await writeFile(tmp, JSON.stringify({ seq: last.seq, hash: last.hash }))
    await rename(tmp, join(this.dir, 'head.json'))
  }
}
