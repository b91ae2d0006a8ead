/** In the console group the log goes to a file, so the conversation shows only what is said. */
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { shanghaiDate } from '../domain/calendar.js'

/** DATA_DIR/logs/console-YYYY-MM-DD.log (the Asia/Shanghai date the session started). */
export function consoleLogPath(dataDir: string, now: Date): string {
  return join(dataDir, 'logs', `console-${shanghaiDate(now)}.log`)
}

/** A line writer that appends to `path`, creating its folder. */
export function appendLines(path: string): (line: string) => void {
  mkdirSync(join(path, '..'), { recursive: true })
  return (line) => appendFileSync(path, line + '\n')
}
