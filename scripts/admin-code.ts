/**
 * `npm run admin-code`: a new one-time admin code for the operator on the server, printed here
 * once. Refuses while the bot runs on the same DATA_DIR (stop it first, then start it again).
 * Exit codes: 0 issued, 1 failed, 2 bad configuration or GQF_ADMIN_CODE set, 4 the bot is running.
 */
import { reissueAdminCode } from '../storage/admin-code.js'
import { ConfigError, loadDotenv, readConfig } from '../src/config.js'
import { ADMIN_CODE } from '../src/messages/admin-code.js'

try {
  const cfg = readConfig(loadDotenv('.env', process.env))
  if (cfg.adminCode) {
    console.error(ADMIN_CODE.preset)
    process.exit(2)
  }
  const result = await reissueAdminCode(cfg.dataDir, new Date())
  if (!result.ok) {
    const { pid, hostname, startedAt } = result.holder
    console.error(ADMIN_CODE.running(pid, hostname, startedAt))
    process.exit(4)
  }
  console.log(ADMIN_CODE.issued(result.code, process.stdout.columns))
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(2)
  }
  console.error(ADMIN_CODE.failed((e as Error).message))
  process.exit(1)
}
