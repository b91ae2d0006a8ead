/**
 * `npm run restore -- <snapshot folder>`: replaces DATA_DIR with a verified snapshot, keeping the
 * replaced folder aside. Refuses while the bot runs (the data-folder lock is held by a live process).
 * Exit codes: 0 done, 1 failed, 2 usage or bad configuration, 4 the bot is running, 5 bad snapshot.
 */
import { resolve } from 'node:path'
import { restoreSnapshot, SnapshotError } from '../storage/backup.js'
import { LockHeldError } from '../storage/lock.js'
import { ConfigError, loadDotenv, readConfig } from '../src/config.js'
import { OPS } from '../src/messages/operations.js'

const snapshot = process.argv[2]
if (!snapshot) {
  console.error(OPS.restoreUsage)
  process.exit(2)
}
try {
  const cfg = readConfig(loadDotenv('.env', process.env))
  const opts = { backupDir: cfg.backup.dir }
  const { aside } = await restoreSnapshot(resolve(snapshot), cfg.dataDir, new Date(), opts)
  console.log(OPS.restoreDone(cfg.dataDir, aside))
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(2)
  }
  if (e instanceof LockHeldError) {
    console.error(e.holder ? OPS.restoreRunning(e.dir, e.holder.pid, e.holder.hostname) : e.message)
    process.exit(4)
  }
  if (e instanceof SnapshotError) {
    console.error(OPS.restoreBadSnapshot(e.path, e.detail))
    process.exit(5)
  }
  console.error(OPS.failed((e as Error).message))
  process.exit(1)
}
