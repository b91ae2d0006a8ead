/**
 * `npm run backup`: a snapshot of DATA_DIR now (safe while the bot runs), then the rotation.
 * Exit codes: 0 done, 1 failed, 2 bad configuration.
 */
import { backupNow } from '../storage/backup.js'
import { ConfigError, loadDotenv, readConfig } from '../src/config.js'
import { OPS } from '../src/messages/operations.js'

try {
  const cfg = readConfig(loadDotenv('.env', process.env))
  const opts = {
    backupDir: cfg.backup.dir,
    keepDaily: cfg.backup.keepDaily,
    keepMonthly: cfg.backup.keepMonthly,
  }
  const result = await backupNow(cfg.dataDir, new Date(), opts)
  const files = result.manifest?.files ?? []
  console.log(
    OPS.backupDone(
      result.path,
      files.length,
      files.reduce((n, f) => n + f.size, 0),
    ),
  )
  if (result.removed.length > 0) console.log(OPS.backupRotated(result.removed))
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(2)
  }
  console.error(OPS.failed((e as Error).message))
  process.exit(1)
}
