import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { appendFile, mkdir, readdir, readFile, rename, stat, truncate, writeFile } from 'node:fs/promises'
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
  /** Entries by `op`, so a change written with its entry beside it is logged once. */
  private readonly ops = new Map<string, AuditEntry>()
  private queue: Waiting[] = []
  private flushing: Promise<void> | null = null

  private constructor(private readonly dir: string | null) {}

  static async open(dataDir: string | null): Promise<AuditStore> {
    const store = new AuditStore(dataDir === null ? null : join(dataDir, 'audit'))
    if (store.dir === null || !existsSync(store.dir)) return store
    const names = (await readdir(store.dir)).filter((n) => /^\d{4}\.jsonl$/.test(n)).sort()
    for (const name of names) store.keep(await readYear(join(store.dir, name), store.list.at(-1) ?? null))
    await checkHead(store.dir, store.list)
    return store
  }

  private keep(entries: readonly AuditEntry[]): void {
    this.list.push(...entries)
    for (const e of entries) if (e.op !== undefined) this.ops.set(e.op, e)
  }

  entries(): readonly AuditEntry[] {
    return this.list
  }

  /** Whether the change `op` is in the log already. */
  has(op: string): boolean {
    return this.ops.has(op)
  }

  /**
   * Appends an entry; resolves once it is on disk. Entries are chained when written, in the order
   * they came, so a failed write leaves no gap: what failed is not in the chain and can be tried again.
   * An entry whose `op` is logged already is not written again (the logged one is returned).
   */
  append(input: AuditInput): Promise<AuditEntry> {
    const done = input.op === undefined ? undefined : this.ops.get(input.op)
    if (done) return Promise.resolve(done)
    return new Promise<AuditEntry>((resolve, reject) => {
      this.queue.push({ input, resolve, reject })
      this.flushing ??= this.drain()
    })
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      const entries: AuditEntry[] = []
      const byOp = new Map<string, AuditEntry>()
      const answers = batch.map((w) => {
        const op = w.input.op
        const same = op === undefined ? undefined : (this.ops.get(op) ?? byOp.get(op))
        if (same) return same
        const e = chain(entries.at(-1) ?? this.list.at(-1) ?? null, w.input, sha256)
        entries.push(e)
        if (op !== undefined) byOp.set(op, e)
        return e
      })
      try {
        await this.write(entries)
        this.keep(entries)
        batch.forEach((w, i) => w.resolve(answers[i]!))
      } catch (e) {
        for (const w of batch) w.reject(e)
      }
    }
    this.flushing = null
  }

  /** Writes the lines (one append per year file; a failed append is cut off again), then the head. */
  private async write(entries: readonly AuditEntry[]): Promise<void> {
    if (this.dir === null || entries.length === 0) return
    await mkdir(this.dir, { recursive: true })
    const byYear = new Map<string, string[]>()
    for (const e of entries) {
      const y = shanghaiDate(e.at).slice(0, 4)
      byYear.set(y, [...(byYear.get(y) ?? []), JSON.stringify(e)])
    }
    const written: { file: string; size: number }[] = []
    try {
      for (const [y, lines] of byYear) {
        const file = join(this.dir, `${y}.jsonl`)
        written.push({ file, size: existsSync(file) ? (await stat(file)).size : 0 })
        await appendFile(file, lines.join('\n') + '\n')
      }
    } catch (e) {
      for (const w of written) await truncate(w.file, w.size).catch(() => undefined)
      throw e
    }
    // The lines are on disk, so they count as written: a head that cannot be written now is
    // written with the next lines, and a head behind its lines is accepted at start (checkHead).
    await writeHead(this.dir, entries.at(-1)!).catch(() => undefined)
  }
}

interface Waiting {
  input: AuditInput
  resolve(e: AuditEntry): void
  reject(e: unknown): void
}

async function writeHead(dir: string, last: AuditEntry): Promise<void> {
  const tmp = join(dir, 'head.json.tmp')
  await writeFile(tmp, JSON.stringify({ seq: last.seq, hash: last.hash }))
  await rename(tmp, join(dir, 'head.json'))
}

/** One year's lines, checked line by line and as a chain that follows `last`. */
async function readYear(file: string, last: AuditEntry | null): Promise<AuditEntry[]> {
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
  const problem = verifyChain(last, entries, sha256)
  if (problem) {
    const seq = problem.code === 'SEQ' ? problem.found : problem.seq
    throw new StoreError(file, `审计日志被改动：第 ${seq} 条记录与前后不一致（${problem.code}）`)
  }
  return entries
}

/**
 * The head names the last entry, so a removed last line is noticed. It may be behind the lines
 * (its write failed after theirs were appended) when it names an entry of the chain.
 */
async function checkHead(dir: string, list: readonly AuditEntry[]): Promise<void> {
  const headFile = join(dir, 'head.json')
  if (!existsSync(headFile)) {
    if (list.length > 0) throw new StoreError(headFile, '缺少审计日志的末尾标记')
    return
  }
  let raw: unknown = null
  try {
    raw = JSON.parse(await readFile(headFile, 'utf8'))
  } catch {
    // an unreadable head is a changed head: refused below
  }
  const head = headSchema.safeParse(raw)
  const seq = head.success ? head.data.seq : -1
  const named = seq === 0 ? null : list[seq - 1]
  if (!head.success || (named !== null && named?.hash !== head.data.hash)) {
    const last = list.at(-1)
    const lastFile = last ? join(dir, `${shanghaiDate(last.at).slice(0, 4)}.jsonl`) : headFile
    throw new StoreError(lastFile, '审计日志末尾的记录被删除或改动（与 head.json 不符）')
  }
}
