/**
 * Operations wired around one puppet-service bot (the composition root calls this): counters for
 * /metrics and #状态, alerts outside WeChat (connection, login, backups, reminders, disk, holidays),
 * the watchdog for silent streams, and the health endpoint.
 */
import type { AppOptions } from '../compose.js'
import type { Config } from '../config.js'
import { holidayCalendar } from '../calendar/chinese-days.js'
import type { Repository } from '../core/ports.js'
import type { Logger } from '../logger.js'
import { ALERT } from '../messages/alerts.js'
import { OPS } from '../messages/operations.js'
import { KIND_LABEL } from '../messages/reminders.js'
import type { ConnectionSupervisor, OutageInfo, SupervisorOptions } from '../transport/supervisor.js'
import { EXIT } from '../exit-codes.js'
import type { Alerter } from './alerts.js'
import { OpsChecks } from './checks.js'
import { ConnectionAlerts } from './connection-alerts.js'
import { healthOf, startHealthServer, type HealthServer } from './health.js'
import { Metrics } from './metrics.js'
import { Watchdog, watchFlow, type EventSource } from './watchdog.js'

/** What operations need of the bot: the puppet's events and ding, and Wechaty's login events. */
export interface OpsBot {
  puppet: EventSource & { ding(data?: string): void }
  isLoggedIn(): boolean
  onLogin(listener: () => void): void
  onLogout(listener: () => void): void
  onScan(listener: (qrcode: string, status: number) => void): void
}

export interface OpsDeps {
  cfg: Config
  bot: OpsBot
  repo: Repository
  logger: Logger
  alerter: Alerter
  /** Files and bytes under DATA_DIR (for /metrics). */
  storeSize(): Promise<{ files: number; bytes: number } | null>
}

export interface Operations {
  /** GqfBot options: #状态's counts and the observer that feeds /metrics and the alerts. */
  appOptions: Required<Pick<AppOptions, 'connection' | 'observe'>>
  /** The daily backup, telling operators when it fails and when it works again. */
  watchBackup<T>(run: (now: Date) => Promise<T>): (now: Date) => Promise<T>
  /** ConnectionSupervisor options: alerts and counts on loss, recovery and giving up. */
  supervisorHooks(
    recovered: (info: OutageInfo) => unknown,
    exit: (code: number) => unknown,
  ): Pick<SupervisorOptions, 'onLost' | 'onRecovered' | 'onGiveUp'>
  /** Starts the watchdog (after the first login) and the health endpoint, around the supervisor. */
  attach(supervisor: ConnectionSupervisor): Promise<void>
  /** The first login: the watchdog starts counting. */
  loggedIn(): void
  stop(): void
}

export function operations(d: OpsDeps): Operations {
  return new OpsRuntime(d)
}

class OpsRuntime implements Operations {
  private lastEventAt: number | null = null
  private reconnects = 0
  private watchdog: Watchdog | null = null
  private health: HealthServer | undefined
  private readonly metrics: Metrics
  private readonly connAlerts: ConnectionAlerts
  private readonly checks: OpsChecks
  private readonly unwatch: () => void
  readonly appOptions: Operations['appOptions']

  constructor(private readonly d: OpsDeps) {
    const { cfg, bot, repo, logger, alerter } = d
    this.metrics = new Metrics({
      secondsSinceLastEvent: () => {
        const silent = this.silentMs()
        return silent === null ? null : Math.round(silent / 1000)
      },
      reportsStored: () => repo.reports.all().length,
      dataBytes: async () => (await d.storeSize())?.bytes ?? null,
    })
    this.connAlerts = new ConnectionAlerts({ alerter, afterMs: cfg.ops.alerts.afterMs })
    bot.onLogout(() => this.connAlerts.loggedOut())
    bot.onScan((qrcode, status) => this.connAlerts.scan(qrcode, status))
    bot.onLogin(() => this.connAlerts.loggedIn())
    this.unwatch = watchFlow(bot.puppet, () => {
      this.lastEventAt = Date.now()
      this.watchdog?.seen()
    })
    this.checks = new OpsChecks({
      alerter,
      dataDir: cfg.dataDir,
      diskFreeBytes: cfg.ops.alerts.diskFreeBytes,
      hasHolidays: (y) => holidayCalendar(repo.holidays).hasData(y),
      clock: () => new Date(),
      logger,
    })
    this.checks.start()
    this.appOptions = this.buildAppOptions()
  }

  private silentMs(): number | null {
    return this.lastEventAt === null ? null : Date.now() - this.lastEventAt
  }

  private counts() {
    return { reconnects: this.reconnects, watchdogResets: this.watchdog?.resets ?? 0 }
  }

  private buildAppOptions(): Operations['appOptions'] {
    const { metrics } = this
    const { alerter } = this.d
    return {
      connection: () => this.counts(),
      observe: {
        handled: () => metrics.messagesHandled.inc(),
        delivered: (x) => (x.ok ? metrics.repliesSent : metrics.sendFailures).inc(),
        reminderExpired: (o) =>
          alerter.notify('reminder-expired', ALERT.reminderExpired(KIND_LABEL[o.kind], o.date, o.time)),
      },
    }
  }

  watchBackup<T>(run: (now: Date) => Promise<T>): (now: Date) => Promise<T> {
    const { alerter } = this.d
    return async (now) => {
      try {
        const made = await run(now)
        alerter.recover('backup-failed', ALERT.backupBack)
        return made
      } catch (e) {
        alerter.notify('backup-failed', ALERT.backupFailed(e instanceof Error ? e.message : String(e)))
        throw e
      }
    }
  }

  supervisorHooks(
    recovered: (info: OutageInfo) => unknown,
    exit: (code: number) => unknown,
  ): Pick<SupervisorOptions, 'onLost' | 'onRecovered' | 'onGiveUp'> {
    const { alerter } = this.d
    return {
      onLost: (reason) => this.connAlerts.lost(reason),
      onRecovered: (info) => {
        this.reconnects++
        this.metrics.reconnects.inc()
        this.connAlerts.recovered(info)
        return Promise.resolve(recovered(info)).then(() => undefined)
      },
      onGiveUp: (info) => {
        alerter.notify('gave-up', ALERT.gaveUp(info.downMs, info.attempts))
        void alerter.flush(5000).then(() => exit(EXIT.failure))
      },
    }
  }

  async attach(supervisor: ConnectionSupervisor): Promise<void> {
    this.watchdog = this.makeWatchdog(supervisor)
    const { cfg, bot, logger } = this.d
    if (!cfg.ops.health) return
    const connection = {
      state: () => supervisor.state,
      downReason: () => supervisor.downReason,
      loggedIn: () => bot.isLoggedIn(),
      silentMs: () => this.silentMs(),
      probing: () => this.watchdog?.probing ?? false,
    }
    this.health = await startHealthServer({
      ...cfg.ops.health,
      health: () => healthOf(connection, this.counts()),
      metrics: async () => ({ contentType: this.metrics.contentType, text: await this.metrics.text() }),
      logger,
    }).catch((error: unknown) => {
      logger.error(OPS.healthFailed, { error: error instanceof Error ? error.message : String(error) })
      return undefined
    })
  }

  /** After WATCHDOG_SILENCE_MS without an event, a ding must come back; if not, the supervisor resets. */
  private makeWatchdog(supervisor: ConnectionSupervisor): Watchdog | null {
    const { cfg, bot, logger } = this.d
    const { silenceMs, probeTimeoutMs } = cfg.ops.watchdog
    if (silenceMs <= 0) return null
    return new Watchdog({
      silenceMs,
      probeTimeoutMs,
      ding: (data) => {
        try {
          bot.puppet.ding(data)
        } catch {
          // an unanswered ding is what the watchdog looks for
        }
      },
      up: () => supervisor.state === 'up',
      reset: (reason) => supervisor.lost(reason),
      onReset: () => this.metrics.watchdogResets.inc(),
      logger,
    })
  }

  loggedIn(): void {
    this.watchdog?.start()
  }

  stop(): void {
    this.watchdog?.stop()
    this.checks.stop()
    this.connAlerts.stop()
    this.unwatch()
    void this.health?.close()
  }
}
