import { existsSync } from 'node:fs'
import { copyFile, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Low, Memory } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { z } from 'zod'
import { currentCommitTurn } from './commit-turn.js'

/** A store file that cannot be used as it is. The file is left untouched. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`数据文件 ${file} 无法使用：${detail}\n文件未做任何修改。请从备份恢复或修正后重新启动。`)
    this.name = 'StoreError'
  }
}

export interface Migration {
  /** The version this migration upgrades from; it produces `from + 1`. */
  from: number
  up(data: Record<string, unknown>): Record<string, unknown>
}

export interface JsonFileStoreOptions<T extends { schemaVersion: number }> {
  /** File path, or `null` for an in-memory store (tests). */
  file: string | null
  schema: z.ZodType<T>
  version: number
  defaults: () => T
  migrations?: Migration[]
}

/**
 * One lowdb file, one `Low` instance, one write queue.
 *
 * Mutations run synchronously on the in-memory data, so every reader sees them at once;
 * `update()` resolves only when a write containing the mutation is on disk. Mutations that
 * arrive while a write is in flight are committed together by the next write (group commit).
 */
export class JsonFileStore<T extends { schemaVersion: number }> {
  private readonly db: Low<T>
  private writing: Promise<void> | null = null
  private pending: { resolve: () => void; reject: (e: unknown) => void }[] = []
  private scheduled = false
  /** Completed writes; used by tests and the benchmark. */
  writes = 0
  /**
   * Goes up with every change of the data in memory (an `update`, a rollback): what is derived
   * from the data (a month's reports with the imported ones, a tally) can be kept until it moves.
   */
  revision = 0

  private constructor(
    readonly file: string | null,
    db: Low<T>,
    /** Reads the file's text (as this store wrote it) back into data: a rollback. */
    private readonly restore: (text: string) => T = (text) => JSON.parse(text) as T,
  ) {
    this.db = db
  }

  static async open<T extends { schemaVersion: number }>(
    opts: JsonFileStoreOptions<T>,
  ): Promise<JsonFileStore<T>> {
    if (opts.file === null) {
      const db = new Low<T>(new Memory<T>(), opts.defaults())
      return new JsonFileStore<T>(null, db)
    }
    const file = opts.file
    await mkdir(dirname(file), { recursive: true })
    const db = new Low<T>(new JSONFile<T>(file), opts.defaults())
    const store = new JsonFileStore<T>(file, db, (text) => opts.schema.parse(JSON.parse(text)))
    if (!existsSync(file)) {
      await store.flushNow()
      return store
    }
    let raw: unknown
    const text = await readFile(file, 'utf8')
    try {
      raw = JSON.parse(text)
    } catch (e) {
      throw new StoreError(file, `不是有效的 JSON（${(e as Error).message}）`)
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new StoreError(file, '顶层应为对象')
    }
    let data = raw as Record<string, unknown>
    const fileVersion = typeof data['schemaVersion'] === 'number' ? data['schemaVersion'] : 0
    if (fileVersion > opts.version) {
      throw new StoreError(file, `数据版本 ${fileVersion} 比本程序支持的 ${opts.version} 新，请升级程序`)
    }
    let migrated = false
    for (let v = fileVersion; v < opts.version; v++) {
      const m = opts.migrations?.find((x) => x.from === v)
      if (!m) throw new StoreError(file, `缺少从版本 ${v} 升级的迁移`)
      data = { ...m.up(data), schemaVersion: v + 1 }
      migrated = true
    }
    const parsed = opts.schema.safeParse(data)
    if (!parsed.success) {
      const first = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(根)'}：${i.message}`)
        .join('；')
      throw new StoreError(file, `校验失败（${first}）`)
    }
    db.data = parsed.data
    if (migrated) {
      await copyFile(file, `${file}.v${fileVersion}.bak`)
      await store.flushNow()
    }
    return store
  }

  /** The current data. Read it freely; change it only inside `update()`. */
  get data(): T {
    return this.db.data
  }

  /**
   * Applies `mutate` now and resolves with its result once the change is on disk (and, inside a
   * message handler, once the messages before it in its conversation are handled: storage/commit-turn.ts).
   */
  async update<R>(mutate: (data: T) => R): Promise<R> {
    this.revision++
    let result: R
    try {
      result = mutate(this.db.data)
    } finally {
      this.revision++
    }
    const turn = currentCommitTurn()
    await this.commit()
    if (turn) await turn()
    return result
  }

  /** Resolves when everything mutated so far is on disk. */
  commit(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ resolve, reject })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    // Let the mutations made in this synchronous run join the same write (and the ones made
    // while a write is in flight join the next one).
    queueMicrotask(() => {
      this.scheduled = false
      void this.drain()
    })
  }

  private async drain(): Promise<void> {
    if (this.writing) return // the running loop picks up what is pending
    while (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      this.writing = this.flushNow()
      try {
        await this.writing
        for (const w of batch) w.resolve()
      } catch (e) {
        // The write failed (a full disk): every change since the last good write fails with it, and
        // the data goes back to what is on disk, so nothing a caller was told had failed is saved
        // later. The file is the last good write (lowdb writes a temporary file and renames it), so
        // it is read back: no copy of the data is kept in memory nor made before each write.
        const onDisk = await this.readBack()
        const failed = [...batch, ...this.pending]
        this.pending = []
        if (onDisk !== undefined) this.db.data = onDisk
        this.revision++
        for (const w of failed) w.reject(e)
      }
    }
    this.writing = null
  }

  /** The data as the file holds it (file stores only); undefined when it cannot be read either. */
  private async readBack(): Promise<T | undefined> {
    if (this.file === null) return undefined
    try {
      return this.restore(await readFile(this.file, 'utf8'))
    } catch {
      return undefined
    }
  }

  private async flushNow(): Promise<void> {
    await this.db.write()
    this.writes++
  }
}
