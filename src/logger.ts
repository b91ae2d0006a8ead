export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function formatFields(fields?: Record<string, unknown>): string {
  if (!fields) return ''
  const parts = Object.entries(fields).map(([k, v]) => {
    const s = v instanceof Error ? (v.stack ?? v.message) : typeof v === 'string' ? v : JSON.stringify(v)
    return `${k}=${s}`
  })
  return parts.length ? ' ' + parts.join(' ') : ''
}

/** Replaces every secret (of 6 characters or more) in a line by ***. */
export function redactor(secrets: readonly string[]): (line: string) => string {
  const hide = secrets.filter((s) => s.length >= 6)
  return (line) => hide.reduce((l, s) => l.split(s).join('***'), line)
}

/** A plain line logger on stderr. Secrets are never passed to it. */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
  clock: () => Date = () => new Date(),
  /** Values never to be written (the service token): replaced by ***, wherever they appear. */
  secrets: string[] = [],
): Logger {
  const min = ORDER[level]
  const redact = redactor(secrets)
  const at = (lvl: LogLevel) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < min) return
    write(redact(`${clock().toISOString()} ${lvl.toUpperCase().padEnd(5)} ${msg}${formatFields(fields)}`))
  }
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

/** A logger that keeps its lines, for tests. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const logger = createLogger('debug', (line) => lines.push(line))
  return Object.assign(logger, { lines })
}
