/**
 * Composition root: config → storage (lock, repository, handled store, backups) → Wechaty →
 * bot.use(GqfBot(...)), which composes core, outbox, scheduler and pipeline (src/compose.ts) per bot.
 * With a puppet-service token it serves real WeChat; without one it opens the console group.
 */
import { readFileSync } from 'node:fs'
import { WechatyBuilder } from 'wechaty'
import { z } from 'zod'
import { PuppetService } from 'wechaty-puppet-service'
import { openRepository } from '../storage/repository.js'
import type { Repository } from './core/ports.js'
import { StoreError } from '../storage/json-file-store.js'
import { acquireLock, LockHeldError, releaseOnExit } from '../storage/lock.js'
import { HandledStore } from '../storage/handled-store.js'
import { runDailyBackup } from '../storage/backup.js'
import { dataDirSize } from '../storage/disk-usage.js'
import type { HandledPort } from './core/handled-port.js'
import { OPS } from './messages/operations.js'
import { ConfigError, loadDotenv, readConfig, type Config, type Env } from './config.js'
import { createLogger, type Logger } from './logger.js'
import { optionsFromConfig } from './compose.js'
import { GqfBot, type GqfBotHandle } from './plugin.js'
import { ConnectError, waitForLogin } from './transport/connect.js'
import { ConnectionSupervisor, puppetLink } from './transport/supervisor.js'
import { runConsole } from './console/console-group.js'
import { appendLines, consoleLogPath } from './console/log-file.js'
import { ADMIN_CODE } from './messages/admin-code.js'
import { routeWechatyLog } from './wechaty-log.js'
import { EXIT } from './exit-codes.js'
import { holidayCalendar } from './calendar/chinese-days.js'
import { ALERT } from './messages/alerts.js'
import { KIND_LABEL } from './messages/reminders.js'
import { Alerter, channelsFromConfig } from './ops/alerts.js'
import { OpsChecks } from './ops/checks.js'
import { ConnectionAlerts } from './ops/connection-alerts.js'
import { healthOf, startHealthServer, type HealthServer } from './ops/health.js'
import { Metrics } from './ops/metrics.js'
import { Watchdog, watchFlow, type EventSource } from './ops/watchdog.js'

/** A generated code is shown once, boxed, to the operator at the terminal; never on a log line. */
async function announceAdminCode(repo: Repository, cfg: Config): Promise<void> {
  const { generated } = await repo.ensureAdminCode(cfg.adminCode, new Date())
  if (generated) process.stdout.write(ADMIN_CODE.box(generated) + '\n')
}

/** The program's version, from package.json. */
function version(): string {
  const pkg = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')))
  return pkg.success ? pkg.data.version : ''
}

async function runService(
  cfg: Config,
  repo: Repository,
  handled: HandledPort,
  logger: Logger,
  alerter: Alerter,
): Promise<void> {
  const puppet = new PuppetService({
    token: cfg.service.token,
    endpoint: cfg.service.endpoint,
    tls: { disable: cfg.service.noTlsInsecureClient },
  })
  const bot = WechatyBuilder.build({ puppet })
  // bot.stop() emits errors (14 UNAVAILABLE, 1 CANCELLED); an unhandled `error` event would kill the process.
  bot.on('error', (e) => logger.warn('wechaty error', { error: e.message.split('\n')[0] }))
  bot.on('login', (user) => logger.info(OPS.loggedIn, { user: user.name() }))
  bot.on('logout', (user) => logger.warn(OPS.loggedOut, { user: user.name() }))
  // Operations (src/ops): alerts outside WeChat, counters, the watchdog, the health endpoint.
  const storeSize = () => dataDirSize(cfg.dataDir, cfg.backup.dir)
  let lastEventAt: number | null = null
  let reconnects = 0
  const metrics = new Metrics({
    secondsSinceLastEvent: () =>
      lastEventAt === null ? null : Math.round((Date.now() - lastEventAt) / 1000),
    reportsStored: () => repo.reports.all().length,
    dataBytes: async () => (await storeSize())?.bytes ?? null,
  })
  const connAlerts = new ConnectionAlerts({ alerter, afterMs: cfg.ops.alerts.afterMs })
  bot.on('logout', () => connAlerts.loggedOut())
  bot.on('scan', (qrcode, status) => connAlerts.scan(qrcode, status))
  bot.on('login', () => connAlerts.loggedIn())
  const backupOpts = {
    backupDir: cfg.backup.dir,
    keepDaily: cfg.backup.keepDaily,
    keepMonthly: cfg.backup.keepMonthly,
  }
  let plugin: GqfBotHandle | undefined
  bot.use(
    GqfBot(
      {
        repo,
        handled,
        roomTopic: cfg.roomTopic,
        ...optionsFromConfig(cfg),
        maxMessageAgeMs: cfg.maxMessageAgeMs,
        backup: async (now) => {
          try {
            const made = await runDailyBackup(cfg.dataDir, now, backupOpts)
            alerter.recover('backup-failed', ALERT.backupBack)
            return made
          } catch (e) {
            alerter.notify('backup-failed', ALERT.backupFailed(e instanceof Error ? e.message : String(e)))
            throw e
          }
        },
        backupTime: cfg.backup.time,
        version: version(),
        storeSize,
        connection: () => ({ reconnects, watchdogResets: watchdog?.resets ?? 0 }),
        observe: {
          handled: () => metrics.messagesHandled.inc(),
          delivered: (d) => (d.ok ? metrics.repliesSent : metrics.sendFailures).inc(),
          reminderExpired: (o) =>
            alerter.notify('reminder-expired', ALERT.reminderExpired(KIND_LABEL[o.kind], o.date, o.time)),
        },
        logger,
      },
      (h) => (plugin = h),
    ),
  )
  // After the first login it keeps the connection up; it exits 1 if the service stays away too long.
  const supervisor = new ConnectionSupervisor({
    link: puppetLink(puppet, cfg.service.endpoint),
    logger,
    giveUpMs: cfg.reconnectGiveUpMs,
    onGiveUp: (info) => {
      alerter.notify('gave-up', ALERT.gaveUp(info.downMs, info.attempts))
      void alerter.flush(5000).then(() => stop(EXIT.failure))
    },
    onLost: (reason) => connAlerts.lost(reason),
    onRecovered: (info) => {
      reconnects++
      metrics.reconnects.inc()
      connAlerts.recovered(info)
      return plugin?.recovered(info)
    },
  })
  // After WATCHDOG_SILENCE_MS without an event, a ding must come back; if not, the supervisor resets.
  const { silenceMs, probeTimeoutMs } = cfg.ops.watchdog
  const watchdog =
    silenceMs > 0
      ? new Watchdog({
          silenceMs,
          probeTimeoutMs,
          ding: (data) => {
            try {
              puppet.ding(data)
            } catch {
              // an unanswered ding is what the watchdog looks for
            }
          },
          up: () => supervisor.state === 'up',
          reset: (reason) => supervisor.lost(reason),
          onReset: () => metrics.watchdogResets.inc(),
          logger,
        })
      : null
  watchFlow(puppet as unknown as EventSource, () => {
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
  let health: HealthServer | undefined
  if (cfg.ops.health) {
    const connection = {
      state: () => supervisor.state,
      downReason: () => supervisor.downReason,
      loggedIn: () => bot.isLoggedIn,
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
  }
  bot.once('login', () => {
    supervisor.start()
    watchdog?.start()
  })
  const stop = async (code: number) => {
    supervisor.stop()
    watchdog?.stop()
    checks.stop()
    connAlerts.stop()
    void health?.close()
    await Promise.race([bot.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))])
    process.exit(code)
  }
  process.once('SIGINT', () => void stop(0))
  process.once('SIGTERM', () => void stop(0))
  logger.info(OPS.connecting, { endpoint: cfg.service.endpoint ?? OPS.discovery })
  // Both settle to a value, so a failure that arrives while start() is still running is handled.
  const info = { endpoint: cfg.service.endpoint, timeoutMs: cfg.loginTimeoutMs }
  const loggedIn = waitForLogin(bot, info, logger).then(
    () => null,
    (e: unknown) => e,
  )
  const started = bot.start().then(
    () => loggedIn,
    (e: unknown) => e,
  )
  const failure = await Promise.race([started, loggedIn])
  if (failure) {
    if (failure instanceof ConnectError) logger.error(failure.message)
    else logger.error(OPS.startFailed, { error: failure })
    await stop(EXIT.failure)
  }
}

/** The alert channels' keys and passwords: never logged, never sent. */
function opsSecrets(cfg: Config): (string | undefined)[] {
  const { webhookUrl, webhookSecret, smtpUrl } = cfg.ops.alerts
  let smtpPassword: string | undefined
  try {
    smtpPassword = smtpUrl ? decodeURIComponent(new URL(smtpUrl).password) : undefined
  } catch {
    smtpPassword = undefined
  }
  return [webhookUrl, webhookSecret, smtpUrl, smtpPassword]
}

export async function main(env: Env = process.env): Promise<void> {
  let cfg: Config
  try {
    cfg = readConfig(loadDotenv('.env', env))
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(EXIT.config)
    }
    throw e
  }
  const secrets = [cfg.service.token, cfg.adminCode, ...opsSecrets(cfg)].filter((s): s is string => !!s)
  // The console group keeps log lines out of the conversation: they go to a file named at start.
  const logFile = cfg.mode === 'console' ? consoleLogPath(cfg.dataDir, new Date()) : null
  const toFile = logFile ? appendLines(logFile) : undefined
  const logger = createLogger(cfg.logLevel, toFile, undefined, secrets)
  routeWechatyLog(cfg.wechatyLog, secrets, toFile)
  /** A reason not to start reaches the terminal whatever the mode. */
  const fatal = (message: string) => {
    logger.error(message)
    if (logFile) console.error(message)
  }
  // One process per data folder: before any store is opened and before WeChat is touched.
  try {
    releaseOnExit(acquireLock(cfg.dataDir))
  } catch (e) {
    if (e instanceof LockHeldError) {
      fatal(e.message)
      process.exit(EXIT.lock)
    }
    throw e
  }
  let repo: Repository
  let handled: HandledPort
  try {
    repo = await openRepository(cfg.dataDir)
    handled = await HandledStore.open(cfg.dataDir)
  } catch (e) {
    if (e instanceof StoreError) {
      fatal(e.message)
      process.exit(EXIT.data)
    }
    throw e
  }
  await announceAdminCode(repo, cfg)
  // Operators told outside WeChat (webhook, email); without a channel alerts are only logged.
  const alerter = new Alerter({ channels: channelsFromConfig(cfg.ops.alerts), logger, secrets })
  if (cfg.mode === 'service') await runService(cfg, repo, handled, logger, alerter)
  else await runConsole(cfg, repo, logger, { logFile })
}

await main()
