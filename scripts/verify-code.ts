/**
 * `npm run verify-code -- 123456`: hands the 6-digit verify code a WorkPro login asks for to the
 * running bot (Juzi client). The code goes into DATA_DIR/verify-code, which the bot watches and
 * deletes once entered (src/transport/verify-code.ts). Exit codes: 0 handed over, 1 bad code,
 * 2 bad configuration.
 */
import { ConfigError, loadDotenv, readConfig } from '../src/config.js'
import { VERIFY } from '../src/messages/verify-code.js'
import { submitVerifyCode, VERIFY_CODE } from '../src/transport/verify-code.js'

const code = (process.argv[2] ?? '').trim()
if (!VERIFY_CODE.test(code)) {
  console.error(VERIFY.scriptUsage)
  process.exit(1)
}
try {
  const cfg = readConfig(loadDotenv('.env', process.env))
  console.log(VERIFY.scriptSaved(submitVerifyCode(cfg.dataDir, code)))
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(2)
  }
  throw e
}
