/**
 * Next year's official holidays, entered for a test's bot, so that in December (and on New Year's
 * Day, in a year the holiday library lacks) the admins' private notice asking for them does not slip
 * in among the replies a test waits for. The notice itself is tested where it is the point
 * (test/scheduler/reminders.test.ts, test/e2e/halfyear.e2e.test.ts).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chineseDaysCalendar, statutoryOf } from '../../src/calendar/chinese-days.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { missingYears } from '../../src/domain/holidays.js'
import type { Repository } from '../../src/core/ports.js'

/** The years the bot would ask its admins for on `now`. */
const missing = (now: Date) => missingYears(shanghaiDate(now), chineseDaysCalendar)

/** Enters the missing years' statutory holidays into an open store. */
export async function knowHolidays(repo: Pick<Repository, 'holidays'>, now = new Date()): Promise<void> {
  for (const y of missing(now))
    if (!repo.holidays.year(y)) await repo.holidays.setYear(y, statutoryOf(y), 'test', now)
}

/** Writes them into a data folder a bot process will open (when it has no holidays file yet). */
export function knowHolidaysIn(dataDir: string, now = new Date()): void {
  const file = join(dataDir, 'holidays.json')
  const years = missing(now)
  if (years.length === 0 || existsSync(file)) return
  mkdirSync(dataDir, { recursive: true })
  const entered = (y: number) => ({ ...statutoryOf(y), by: 'test', at: now.toISOString() })
  const data = {
    schemaVersion: 1,
    years: Object.fromEntries(years.map((y) => [String(y), entered(y)])),
    auditOutbox: [],
  }
  writeFileSync(file, JSON.stringify(data, null, 2))
}
