/**
 * Wechaty's own logging goes through brolog: wechaty, wechaty-puppet and wechaty-puppet-service
 * share wechaty-puppet's instance (`log` from 'wechaty'); wechaty-token and a few helpers use
 * brolog's global instance. At verbose levels they print the token (for example
 * `VERB PuppetSkeleton constructor({"token":"insecure_…"})`), so both are routed through the
 * same redaction as our own lines. Juzi's client (the WorkPro flavour) has a brolog instance of its
 * own that prints every outgoing message text at INFO: `routeLogger` with `textsAtInfo` shows its
 * INFO lines only at verbose and silly, relabelled VERB, so message texts never appear at INFO.
 */
import { log as brologGlobal } from 'brolog'
import { log as wechatyLog } from 'wechaty'
import { redactor } from './logger.js'

export type WechatyLogLevel = 'silent' | 'error' | 'warn' | 'info' | 'verbose' | 'silly'

/** What routing needs of a brolog instance (every version of brolog has these). */
export interface BrologLike {
  enableLogging(printer: (levelTitle: string, text?: string) => void): unknown
  level(name: WechatyLogLevel): unknown
}

/** The brolog instances Wechaty's packages log through. */
export const WECHATY_LOGGERS = [wechatyLog, brologGlobal] as const

const stderr = (line: string) => process.stderr.write(line + '\n')

/** Routes one brolog instance: its level, its lines redacted, and (textsAtInfo) its INFO lines only at verbose. */
export function routeLogger(
  logger: BrologLike,
  level: WechatyLogLevel,
  secrets: readonly string[],
  write: (line: string) => void = stderr,
  options: { textsAtInfo?: boolean } = {},
): void {
  const redact = redactor(secrets)
  const verbose = level === 'verbose' || level === 'silly'
  logger.enableLogging((title: string, text?: string) => {
    if (options.textsAtInfo && title === 'INFO') {
      if (!verbose) return
      write(redact((text ?? '').replace(/\bINFO\b/, 'VERB')))
      return
    }
    write(redact(text ?? ''))
  })
  logger.level(level)
}

/** Sets Wechaty's log level and prints its lines on stderr with every secret replaced by ***. */
export function routeWechatyLog(
  level: WechatyLogLevel,
  secrets: readonly string[],
  write: (line: string) => void = stderr,
): void {
  for (const logger of WECHATY_LOGGERS) routeLogger(logger, level, secrets, write)
}
