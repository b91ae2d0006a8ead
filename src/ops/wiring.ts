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
  const { cfg, bot, repo, logger, alerter } = d
  let lastEventAt: number | null = null
  let reconnects = 0
  let watchdog: Watchdog | null = null
  let health: HealthServer | undefined
  const metrics = new Metrics({
    secondsSinceLastEvent: () =>
      lastEventAt === null ? null : Math.round((Date.now() - lastEventAt) / 1000),
    reportsStored: () => repo.reports.all().length,
    dataBytes: async () => (await d.storeSize())?.bytes ?? null,
  })
  const connAlerts = new ConnectionAlerts({ alerter, afterMs: cfg.ops.alerts.afterMs })
  bot.onLogout(() => connAlerts.loggedOut())
  bot.onScan((qrcode, status) => connAlerts.scan(qrcode, status))
  bot.onLogin(() => connAlerts.loggedIn())
  const unwatch = watchFlow(bot.puppet, () => {
    lastEventAt = Date.now()
    watchdog?.seen()
  })
  const checks = new OpsChecks({
    alerter,
    dataDir: cfg.dataDir,
    diskFreeBytes: cfg.ops.alerts.diskFreeBytes,
    hasHolidays: (y) => holidayCalendar(repo.holidays).hasData(y),
    clock: () => new Date(),
    logger,
  })
  checks.start()

  return {
    appOptions: {
      connection: () => ({ reconnects, watchdogResets: watchdog?.resets ?? 0 }),
      observe: {
        handled: () => metrics.messagesHandled.inc(),
        delivered: (x) => (x.ok ? metrics.repliesSent : metrics.sendFailures).inc(),
        reminderExpired: (o) =>
          alerter.notify('reminder-expired', ALERT.reminderExpired(KIND_LABEL[o.kind], o.date, o.time)),
      },
    },
    watchBackup: (run) => async (now) => {
      try {
        const made = await run(now)
        alerter.recover('backup-failed', ALERT.backupBack)
        return made
      } catch (e) {
        alerter.notify('backup-failed', ALERT.backupFailed(e instanceof Error ? e.message : String(e)))
        throw e
      }
    },
    supervisorHooks: (recovered, exit) => ({
      onLost: (reason) => connAlerts.lost(reason),
      onRecovered: (info) => {
        reconnects++
        metrics.reconnects.inc()
        connAlerts.recovered(info)
        return Promise.resolve(recovered(info)).then(() => undefined)
      },
      onGiveUp: (info) => {
        alerter.notify('gave-up', ALERT.gaveUp(info.downMs, info.attempts))
        void alerter.flush(5000).then(() => exit(EXIT.failure))
      },
    }),
    async attach(supervisor) {
      const { silenceMs, probeTimeoutMs } = cfg.ops.watchdog
      // After WATCHDOG_SILENCE_MS without an event, a ding must come back; if not, the supervisor resets.
      if (silenceMs > 0)
        watchdog = new Watchdog({
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
          onReset: () => metrics.watchdogResets.inc(),
          logger,
        })
      if (!cfg.ops.health) return
      const connection = {
        state: () => supervisor.state,
        downReason: () => supervisor.downReason,
        loggedIn: () => bot.isLoggedIn(),
        silentMs: () => (lastEventAt === null ? null : Date.now() - lastEventAt),
        probing: () => watchdog?.probing ?? false,
      }
      health = await startHealthServer({
        ...cfg.ops.health,
        health: () => healthOf(connection, { reconnects, watchdogResets: watchdog?.resets ?? 0 }),
        metrics: async () => ({ contentType: metrics.contentType, text: await metrics.text() }),
        logger,
      }).catch((error: unknown) => {
        logger.error(OPS.healthFailed, { error: error instanceof Error ? error.message : String(error) })
        return undefined
      })
    },
    loggedIn: () => watchdog?.start(),
    stop() {
      watchdog?.stop()
      checks.stop()
      connAlerts.stop()
      unwatch()
      void health?.close()
    },
  }
}
