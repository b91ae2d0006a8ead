import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { JsonFileStore, type JsonFileStoreOptions } from './json-file-store.js'

export interface ShardOptions<K, T extends { schemaVersion: number }> {
  /** The folder of the shards, or `null` for memory (tests). */
  dir: string | null
  /** The file name of a shard (`2026-11.json`). */
  fileName(key: K): string
  schema: JsonFileStoreOptions<T>['schema']
  version: number
  defaults(key: K): T
  /** Checks and indexes a shard once it is read; a throw fails the open (and it is tried again). */
  opened?(store: JsonFileStore<T>, key: K): void
}

/**
 * Files of one kind, one per key (a month, a year, a day), each opened once: concurrent callers
 * share the one `Low` instance. A shard that could not be opened (a full disk) is tried again next
 * time, not failed forever.
 */
export class Shards<K extends string | number, T extends { schemaVersion: number }> {
  private readonly open = new Map<K, JsonFileStore<T>>()
  private readonly opening = new Map<K, Promise<JsonFileStore<T>>>()

  constructor(private readonly opts: ShardOptions<K, T>) {}

  /** Opens every shard already in the folder whose name matches `pattern`. */
  async openExisting(pattern: RegExp, keyOf: (name: string) => K, keep?: (key: K) => boolean) {
    const { dir } = this.opts
    if (dir === null || !existsSync(dir)) return []
    const skipped: K[] = []
    const opening: Promise<unknown>[] = []
    // Read side by side (ten years are 120 month files): the disk waits overlap. Each is checked and
    // indexed (`opened`) in key order, after the one before it, whatever order the reads finish in:
    // a number found in two files is always blamed on the later file.
    let previous: Promise<unknown> = Promise.resolve()
    for (const name of (await readdir(dir)).filter((n) => pattern.test(n)).sort()) {
      const key = keyOf(name)
      if (keep && !keep(key)) skipped.push(key)
      else opening.push((previous = this.get(key, previous)))
    }
    await Promise.all(opening)
    return skipped
  }

  /** The shard of `key`, opened (or created) once; indexed (`opened`) once `after` has settled. */
  get(key: K, after?: Promise<unknown>): Promise<JsonFileStore<T>> {
    let p = this.opening.get(key)
    if (!p) {
      const read = JsonFileStore.open<T>({
        file: this.opts.dir === null ? null : join(this.opts.dir, this.opts.fileName(key)),
        schema: this.opts.schema,
        version: this.opts.version,
        defaults: () => this.opts.defaults(key),
      })
      p = Promise.all([read, after]).then(([s]) => {
        this.opts.opened?.(s, key)
        this.open.set(key, s)
        return s
      })
      p.catch(() => this.opening.delete(key))
      this.opening.set(key, p)
    }
    return p
  }

  /** The shard of `key` if it is open. */
  loaded(key: K): JsonFileStore<T> | undefined {
    return this.open.get(key)
  }

  /** Whether `key` was asked for (opened or opening). */
  asked(key: K): boolean {
    return this.opening.has(key)
  }

  /** The open shards' keys, in order. */
  keys(): K[] {
    return [...this.open.keys()].sort()
  }

  /** The open shards, in key order. */
  stores(): JsonFileStore<T>[] {
    return this.keys().map((k) => this.open.get(k)!)
  }

  /** Forgets a shard (its file is the caller's business). */
  forget(key: K): void {
    this.open.delete(key)
    this.opening.delete(key)
  }

  /** The path of a shard's file, or null in memory. */
  path(key: K): string | null {
    return this.opts.dir === null ? null : join(this.opts.dir, this.opts.fileName(key))
  }
}
