/**
 * The daily backup while the bot runs: once when it starts (on login) and every day at `time`
 * (Asia/Shanghai) on node-cron; stopped on logout and stop. The backup itself (`runDailyBackup` in
 * storage/backup.ts, idempotent per day) is passed in by the composition root.
 */
import { createTask, type ScheduledTask } from 'node-cron'
import type { BackupStatus } from '../core/status-port.js'
import { TIME_ZONE } from '../domain/calendar.js'
import type { Logger } from '../logger.js'

export interface BackupJobDeps {
  /** Makes the day's snapshot (or finds it made); resolves with where it is. */
  run(now: Date): Promise<{ path: string; created: boolean }>
  clock: () => Date
  logger: Logger
  /** Time of day, HH:MM Beijing time (default 03:00). */
  time?: string
  /** node-cron's createTask; replaceable in tests. */
  createTask?: typeof createTask
}

export const DEFAULT_BACKUP_TIME = '03:00'

export class BackupJob {
  private task: ScheduledTask | null = null
  private last: BackupStatus | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(private readonly deps: BackupJobDeps) {}

  /** Starts the daily timer and backs up once now; resolves when that backup is done. */
  start(): Promise<void> {
    this.stop()
    const [hh, mm] = (this.deps.time ?? DEFAULT_BACKUP_TIME).split(':').map(Number)
    const make = this.deps.createTask ?? createTask
    this.task = make(`${mm} ${hh} * * *`, () => this.runOnce(), { timezone: TIME_ZONE, name: 'gqf-backup' })
    void this.task.start()
    return this.runOnce()
  }

  stop(): void {
    if (this.task) void this.task.destroy()
    this.task = null
  }

  /** One backup; backups never overlap. Errors are logged and recorded, never thrown. */
  runOnce(): Promise<void> {
    this.running = this.running.then(async () => {
      const at = this.deps.clock()
      try {
        const { path, created } = await this.deps.run(at)
        this.last = { at, ok: true, path }
        this.deps.logger.info(created ? 'daily backup made' : 'daily backup already there', { path })
      } catch (error) {
        this.last = { at, ok: false, error: error instanceof Error ? error.message : String(error) }
        this.deps.logger.error('daily backup failed', { error })
      }
    })
    return this.running
  }

  lastBackup(): BackupStatus | null {
    return this.last
  }

  idle(): Promise<void> {
    return this.running
  }
}
