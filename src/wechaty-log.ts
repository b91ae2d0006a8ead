/**
 * Wechaty's own logging goes through brolog: wechaty, wechaty-puppet and wechaty-puppet-service
 * share wechaty-puppet's instance (`log` from 'wechaty'); wechaty-token and a few helpers use
 * brolog's global instance. At verbose levels they print the token (for example
 * `VERB PuppetSkeleton constructor({"token":"insecure_…"})`), so both are routed through the
 * same redaction as our own lines.
 */
import { log as brologGlobal } from 'brolog'
import { log as wechatyLog } from 'wechaty'
import { redactor } from './logger.js'

export type WechatyLogLevel = 'silent' | 'error' | 'warn' | 'info' | 'verbose' | 'silly'

/** The brolog instances Wechaty's packages log through. */
export const WECHATY_LOGGERS = [wechatyLog, brologGlobal] as const

/** Sets Wechaty's log level and prints its lines on stderr with every secret replaced by ***. */
export function routeWechatyLog(
  level: WechatyLogLevel,
  secrets: readonly string[],
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): void {
  const redact = redactor(secrets)
  for (const logger of WECHATY_LOGGERS) {
    logger.enableLogging((_title: string, text?: string) => write(redact(text ?? '')))
    logger.level(level)
  }
}
