import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import { shanghaiDate } from '../src/domain/calendar.js'
import { acquireLock, LOCK_FILE } from './lock.js'

export const MANIFEST_FILE = 'manifest.json'

const relPath = z
  .string()
  .min(1)
  .refine((p) => !isAbsolute(p) && !p.split(/[\\/]/).includes('..'), { message: '路径越出了备份文件夹' })

export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  files: z.array(
    z.object({ path: relPath, size: z.number().int().nonnegative(), sha256: z.string().length(64) }),
  ),
})
export type Manifest = z.infer<typeof manifestSchema>

export interface BackupOptions {
  /** Where snapshots go; `DATA_DIR/backups` by default. */
  backupDir?: string
  /** Daily snapshots kept (the most recent days that have one). Default 14. */
  keepDaily?: number
  /** Monthly snapshots kept (the first of each of the most recent months). Default 12. */
  keepMonthly?: number
}

export const BACKUP_DEFAULTS = { keepDaily: 14, keepMonthly: 12 } as const

/** A snapshot that cannot be restored (missing, damaged or incomplete). */
export class SnapshotError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`)
    this.name = 'SnapshotError'
  }
}

const SNAPSHOT_NAME = /^(\d{4}-\d{2}-\d{2})(-\d{6})?$/
const backupDirOf = (dataDir: string, opts: BackupOptions) =>
  resolve(opts.backupDir ?? join(dataDir, 'backups'))
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const toPosix = (p: string) => p.split(sep).join('/')

/** Store and attachment files under `dataDir`, relative, JSON stores first; skips backups, the lock and temp files. */
async function dataFiles(dataDir: string, backupDir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (resolve(full) === backupDir) continue
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) {
        const rel = toPosix(relative(dataDir, full))
        if (rel === LOCK_FILE || entry.name.endsWith('.tmp') || entry.name.startsWith('.')) continue
        out.push(rel)
      }
    }
  }
  await walk(dataDir)
  const isStore = (p: string) => p.endsWith('.json') && !p.startsWith('attachments/')
  // The stores first, then the attachments: an attachment is saved before the report naming it,
  // so every attachment a copied store mentions is already there when the attachments are copied.
  return [...out.filter(isStore).sort(), ...out.filter((p) => !isStore(p)).sort()]
}

/**
 * Copies `dataDir` into a new snapshot folder `name` under the backup folder. Each store file is
 * written by temp file + rename, so copying it gives its last committed state. The copy is made in
 * a temporary folder and renamed into place at the end, with a manifest of sizes and sha256.
 */
export async function createSnapshot(
  dataDir: string,
  name: string,
  now: Date,
  opts: BackupOptions = {},
): Promise<{ path: string; manifest: Manifest }> {
  const backupDir = backupDirOf(dataDir, opts)
  const target = join(backupDir, name)
  const tmp = join(backupDir, `.tmp-${name}-${randomBytes(4).toString('hex')}`)
  await mkdir(tmp, { recursive: true })
  try {
    const files: Manifest['files'] = []
    for (const rel of await dataFiles(dataDir, backupDir)) {
      let data: Buffer
      try {
        data = await readFile(join(dataDir, rel))
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue // deleted meanwhile (an old day file)
        throw e
      }
      await mkdir(dirname(join(tmp, rel)), { recursive: true })
      await writeFile(join(tmp, rel), data)
      files.push({ path: rel, size: data.length, sha256: sha256(data) })
    }
    const manifest: Manifest = { format: 1, createdAt: now.toISOString(), files }
    await writeFile(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
    await rename(tmp, target)
    return { path: target, manifest }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true })
    throw e
  }
}

/** The snapshots to delete: all but the 14 most recent days and the first of each of the 12 most recent months. */
export function snapshotsToDelete(
  names: readonly string[],
  keepDaily: number,
  keepMonthly: number,
): string[] {
  const snaps = names.filter((n) => SNAPSHOT_NAME.test(n)).sort()
  const days = [...new Set(snaps.map((n) => n.slice(0, 10)))].sort().reverse()
  const keptDays = new Set(days.slice(0, keepDaily))
  const firstOfMonth = new Map<string, string>()
  for (const n of snaps) if (!firstOfMonth.has(n.slice(0, 7))) firstOfMonth.set(n.slice(0, 7), n)
  const keptMonthly = new Set(
    [...firstOfMonth.keys()]
      .sort()
      .reverse()
      .slice(0, keepMonthly)
      .map((m) => firstOfMonth.get(m)!),
  )
  return snaps.filter((n) => !keptDays.has(n.slice(0, 10)) && !keptMonthly.has(n))
}

/** Deletes the snapshots the rotation no longer keeps; returns their names. */
export async function rotateSnapshots(dataDir: string, opts: BackupOptions = {}): Promise<string[]> {
  const backupDir = backupDirOf(dataDir, opts)
  if (!existsSync(backupDir)) return []
  const doomed = snapshotsToDelete(
    await readdir(backupDir),
    opts.keepDaily ?? BACKUP_DEFAULTS.keepDaily,
    opts.keepMonthly ?? BACKUP_DEFAULTS.keepMonthly,
  )
  for (const n of doomed) await rm(join(backupDir, n), { recursive: true, force: true })
  return doomed
}

export interface BackupResult {
  /** The day's snapshot. */
  path: string
  /** False when the day already had one (the call is idempotent per day). */
  created: boolean
  manifest: Manifest | null
  /** Snapshots removed by the rotation. */
  removed: string[]
}

/** The day's automatic snapshot (Beijing day of `now`), made once per day, then the rotation. */
export async function runDailyBackup(
  dataDir: string,
  now: Date,
  opts: BackupOptions = {},
): Promise<BackupResult> {
  const day = shanghaiDate(now)
  const backupDir = backupDirOf(dataDir, opts)
  const existing = existsSync(backupDir) ? (await readdir(backupDir)).filter((n) => n.startsWith(day)) : []
  if (existing.some((n) => SNAPSHOT_NAME.test(n))) {
    return {
      path: join(backupDir, day),
      created: false,
      manifest: null,
      removed: await rotateSnapshots(dataDir, opts),
    }
  }
  const { path, manifest } = await createSnapshot(dataDir, day, now, opts)
  return { path, created: true, manifest, removed: await rotateSnapshots(dataDir, opts) }
}

/** A snapshot made on demand (`npm run backup`): the day's name, or the day and time if the day already has one. */
export async function backupNow(dataDir: string, now: Date, opts: BackupOptions = {}): Promise<BackupResult> {
  const day = shanghaiDate(now)
  const backupDir = backupDirOf(dataDir, opts)
  const time = now.toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour12: false }).replace(/:/g, '')
  const name = existsSync(join(backupDir, day)) ? `${day}-${time}` : day
  const { path, manifest } = await createSnapshot(dataDir, name, now, opts)
  return { path, created: true, manifest, removed: await rotateSnapshots(dataDir, opts) }
}

/** Reads a snapshot's manifest and checks every file against it (size and sha256). */
export async function verifySnapshot(path: string): Promise<Manifest> {
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(join(path, MANIFEST_FILE), 'utf8'))
  } catch (e) {
    throw new SnapshotError(path, `清单 ${MANIFEST_FILE} 无法读取（${(e as Error).message}）`)
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success)
    throw new SnapshotError(path, `清单格式不对（${parsed.error.issues[0]?.message ?? ''}）`)
  for (const f of parsed.data.files) {
    let data: Buffer
    try {
      data = await readFile(join(path, f.path))
    } catch {
      throw new SnapshotError(path, `缺少文件 ${f.path}`)
    }
    if (data.length !== f.size || sha256(data) !== f.sha256)
      throw new SnapshotError(path, `文件 ${f.path} 与清单不符`)
  }
  return parsed.data
}

/**
 * Replaces `dataDir` with a verified snapshot. Refuses (LockHeldError) while a live process holds
 * the data folder. The snapshot is copied into a new folder next to `dataDir`, which then takes its
 * place by rename; the replaced folder is kept aside (`<dataDir>.before-restore-<time>`), and its
 * backups folder, if inside, is moved into the restored one.
 */
export async function restoreSnapshot(
  snapshot: string,
  dataDir: string,
  now: Date,
  opts: BackupOptions = {},
): Promise<{ aside: string; manifest: Manifest }> {
  const manifest = await verifySnapshot(snapshot)
  const root = resolve(dataDir)
  const lock = acquireLock(root, { now })
  try {
    const stamp = now.toISOString().replace(/[:.]/g, '-')
    const fresh = `${root}.restore-${randomBytes(4).toString('hex')}`
    try {
      for (const f of manifest.files) {
        const data = await readFile(join(snapshot, f.path))
        if (sha256(data) !== f.sha256) throw new SnapshotError(snapshot, `文件 ${f.path} 与清单不符`)
        await mkdir(dirname(join(fresh, f.path)), { recursive: true })
        await writeFile(join(fresh, f.path), data)
      }
      // The restored folder is locked by us from the moment it takes the old one's place.
      await mkdir(fresh, { recursive: true })
      await writeFile(join(fresh, LOCK_FILE), await readFile(lock.file))
    } catch (e) {
      await rm(fresh, { recursive: true, force: true })
      throw e
    }
    const aside = `${root}.before-restore-${stamp}`
    await rename(root, aside)
    await rename(fresh, root)
    await rm(join(aside, LOCK_FILE), { force: true })
    // Snapshots kept inside the data folder stay with it.
    const backupDir = backupDirOf(root, opts)
    const inside = relative(root, backupDir)
    if (!inside.startsWith('..') && !isAbsolute(inside) && existsSync(join(aside, inside))) {
      await mkdir(dirname(backupDir), { recursive: true })
      await rename(join(aside, inside), backupDir)
    }
    return { aside, manifest }
  } finally {
    lock.release()
  }
}
