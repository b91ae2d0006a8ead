/**
 * Slow conditions worth an alert, checked every hour: the disk under DATA_DIR nearly full, and in
 * December next year's holidays missing. Each is one incident until it is over.
 */
import { statfs } from 'node:fs/promises'
import { monthOf } from '../domain/calendar.js'
import type { Logger } from '../logger.js'
import { ALERT } from '../messages/alerts.js'

export interface ChecksOptions {
  alerter: { notify(event: string, text: string): void; recover(event: string, text: string): void }
  dataDir: string
  /** Free bytes below which the disk counts as nearly full; 0: not checked. */
  diskFreeBytes: number
  /** Whether the holiday calendar knows a year (the admins' years included). */
  hasHolidays(year: number): boolean
  clock: () => Date
  logger: Logger
  /** Free bytes on the file system holding `dir`; node's statfs by default. */
  freeBytes?: (dir: string) => Promise<number>
  everyMs?: number
}

async function statfsFree(dir: string): Promise<number> {
  const s = await statfs(dir)
  return s.bavail * s.bsize
}

export class OpsChecks {
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly o: ChecksOptions) {}

  /** Checks now and then every hour. */
  start(): void {
    if (this.timer) return
    void this.runOnce()
    this.timer = setInterval(() => void this.runOnce(), this.o.everyMs ?? 3_600_000)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
    this.timer = undefined
  }

  async runOnce(): Promise<void> {
    try {
      await this.disk()
      this.holidays()
    } catch (error) {
      this.o.logger.warn('operations check failed', { error })
    }
  }

  private async disk(): Promise<void> {
    if (this.o.diskFreeBytes <= 0) return
    const free = await (this.o.freeBytes ?? statfsFree)(this.o.dataDir)
    const mb = Math.floor(free / 1024 / 1024)
    if (free < this.o.diskFreeBytes) this.o.alerter.notify('disk-full', ALERT.diskFull(mb, this.o.dataDir))
    else this.o.alerter.recover('disk-full', ALERT.diskBack(mb))
  }

  /** The year whose holidays were reported missing, until they are there. */
  private missingYear: number | null = null

  private holidays(): void {
    const month = monthOf(this.o.clock())
    const next = Number(month.slice(0, 4)) + 1
    if (this.missingYear !== null && this.o.hasHolidays(this.missingYear)) {
      this.o.alerter.recover('holidays-missing', ALERT.holidaysBack(this.missingYear))
      this.missingYear = null
    }
    if (month.endsWith('-12') && this.missingYear === null && !this.o.hasHolidays(next)) {
      this.missingYear = next
      this.o.alerter.notify('holidays-missing', ALERT.holidaysMissing(next))
    }
  }
}
