import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/** Files and bytes under `dataDir`, the backup folder (when inside it) excluded. */
export async function dataDirSize(
  dataDir: string,
  backupDir: string = join(dataDir, 'backups'),
): Promise<{ files: number; bytes: number }> {
  const skip = resolve(backupDir)
  let files = 0
  let bytes = 0
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (resolve(full) === skip) continue
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) {
        files++
        bytes += (await stat(full).catch(() => ({ size: 0 }))).size
      }
    }
  }
  if (existsSync(dataDir)) await walk(dataDir)
  return { files, bytes }
}
