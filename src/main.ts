/**
 * Composition root: config → storage (lock, repository, handled store, backups) → Wechaty →
 * bot.use(GqfBot(...)), which composes core, outbox, scheduler and pipeline (src/compose.ts) per bot.
 * With a puppet-service token it serves real WeChat; without one it opens the console group.
 */
import { WechatyBuilder } from 'wechaty'
import type { impls } from 'wechaty-puppet'
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
import { ConnectionSupervisor, puppetLink, type PuppetLike } from './transport/supervisor.js'
import type { Notifier } from './transport/flavour.js'
import { loadFlavour } from './transport/load-flavour.js'
import { guardPuppet } from './transport/puppet-guard.js'
import { VerifyCodeHandoff, type VerifyCodePuppet } from './transport/verify-code.js'
import { runConsole } from './console/console-group.js'
import { appendLines, consoleLogPath } from './console/log-file.js'
import { ADMIN_CODE } from './messages/admin-code.js'
import { routeLogger, routeWechatyLog } from './wechaty-log.js'
import { programVersion } from './version.js'
import { EXIT } from './exit-codes.js'
import { Alerter, alertSecrets, channelsFromConfig } from './ops/alerts.js'
import { operations, type OpsBot } from './ops/wiring.js'

/** A generated code is shown once, boxed, to the operator at the terminal; never on a log line. */
async function announceAdminCode(repo: Repository, cfg: Config): Promise<void> {
  const { generated } = await repo.ensureAdminCode(cfg.adminCode, new Date())
  if (generated) process.stdout.write(ADMIN_CODE.box(generated, process.stdout.columns) + '\n')
}

/** What the composition root takes besides the environment. */
export interface MainOptions {
  /** The alert channel for what needs an operator (a verify code); default: a warning in the log. */
  notify?: Notifier
}

/** The plugin's options for the real service: the configuration, the store, backups and the log. */
function serviceOptions(
  cfg: Config,
  repo: Repository,
  handled: HandledPort,
  logger: Logger,
  ops: ReturnType<typeof operations>,
) {
  const backupOpts = {
    backupDir: cfg.backup.dir,
    keepDaily: cfg.backup.keepDaily,
    keepMonthly: cfg.backup.keepMonthly,
  }
  return {
    repo,
    handled,
    roomTopic: cfg.roomTopic,
    ...optionsFromConfig(cfg),
    maxMessageAgeMs: cfg.maxMessageAgeMs,
    backup: ops.watchBackup((now) => runDailyBackup(cfg.dataDir, now, backupOpts)),
    backupTime: cfg.backup.time,
    version: programVersion(),
    storeSize: () => dataDirSize(cfg.dataDir, cfg.backup.dir),
    ...ops.appOptions,
    logger,
  }
}

/** The client of the configured flavour, guarded, with WorkPro's verify-code handoff when it has one. */
async function serviceClient(cfg: Config, logger: Logger, secrets: readonly string[], options: MainOptions) {
  // One client flavour per process, imported only now that the configuration has chosen it.
  const flavour = await loadFlavour(cfg.service.flavour)
  for (const l of flavour.loggers) {
    routeLogger(l, cfg.wechatyLog, secrets, undefined, { textsAtInfo: flavour.textsAtInfo })
  }
  const client = flavour.createPuppet(
    { token: cfg.service.token, endpoint: cfg.service.endpoint, noTls: cfg.service.noTlsInsecureClient },
    logger,
  )
  // Nothing the server sends may crash the process: oddities are logged once and ignored.
  guardPuppet(client, flavour.protocol, logger)
  // WorkPro's verify-code login step, when the client has one.
  const verifying = 'enterVerifyCode' in client ? (client as unknown as VerifyCodePuppet) : undefined
  const verifyCode = verifying
    ? new VerifyCodeHandoff({
        puppet: verifying,
        dataDir: cfg.dataDir,
        logger,
        notify: options.notify,
      }).start()
    : undefined
  return { client, puppet: client as PuppetLike, verifying, verifyCode }
}

/** Wechaty over the client, with the log lines every run wants. */
function buildBot(client: unknown, logger: Logger) {
  const bot = WechatyBuilder.build({ puppet: client as impls.PuppetInterface })
  // bot.stop() emits errors (14 UNAVAILABLE, 1 CANCELLED); an unhandled `error` event would kill the process.
  bot.on('error', (e) => logger.warn('wechaty error', { error: e.message.split('\n')[0] }))
  bot.on('login', (user) => logger.info(OPS.loggedIn, { user: user.name() }))
  bot.on('logout', (user) => logger.warn(OPS.loggedOut, { user: user.name() }))
  return bot
}

type Bot = ReturnType<typeof buildBot>

/** Operations (src/ops): counters, alerts outside WeChat, the watchdog, the health endpoint. */
function opsFor(
  cfg: Config,
  repo: Repository,
  logger: Logger,
  alerter: Alerter,
  bot: Bot,
  puppet: PuppetLike,
) {
  return operations({
    cfg,
    repo,
    logger,
    alerter,
    storeSize: () => dataDirSize(cfg.dataDir, cfg.backup.dir),
    bot: {
      puppet: puppet as unknown as OpsBot['puppet'],
      isLoggedIn: () => bot.isLoggedIn,
      onLogin: (l) => void bot.on('login', () => l()),
      onLogout: (l) => void bot.on('logout', () => l()),
      onScan: (l) => void bot.on('scan', (qrcode, status) => l(qrcode, status)),
    },
  })
}

/** Starts Wechaty and waits for the login; a failure is logged and stops the process. */
async function startAndLogIn(
  bot: Bot,
  cfg: Config,
  logger: Logger,
  verifying: VerifyCodePuppet | undefined,
  stop: (code: number) => Promise<void>,
): Promise<void> {
  logger.info(OPS.connecting, { endpoint: cfg.service.endpoint ?? OPS.discovery })
  const info = {
    endpoint: cfg.service.endpoint,
    timeoutMs: cfg.loginTimeoutMs,
    // A verify code asked of the operator: the wait goes on for the person entering it.
    ...(verifying
      ? {
          waiting: (l: () => void) => {
            verifying.on('verify-code', l)
            return () => verifying.off('verify-code', l)
          },
        }
      : {}),
  }
  // Both settle to a value, so a failure that arrives while start() is still running is handled.
  const loggedIn = waitForLogin(bot, info, logger).then(
    () => null,
    (e: unknown) => e,
  )
  const started = bot.start().then(
    () => loggedIn,
    (e: unknown) => e,
  )
  const failure = await Promise.race([started, loggedIn])
  if (!failure) return
  if (failure instanceof ConnectError) logger.error(failure.message)
  else logger.error(OPS.startFailed, { error: failure })
  await stop(EXIT.failure)
}

async function runService(
  cfg: Config,
  repo: Repository,
  handled: HandledPort,
  logger: Logger,
  secrets: readonly string[],
  alerter: Alerter,
  options: MainOptions,
): Promise<void> {
  const { client, puppet, verifying, verifyCode } = await serviceClient(cfg, logger, secrets, options)
  const bot = buildBot(client, logger)
  const ops = opsFor(cfg, repo, logger, alerter, bot, puppet)
  let plugin: GqfBotHandle | undefined
  const botOptions = {
    ...serviceOptions(cfg, repo, handled, logger, ops),
    ...(verifyCode ? { verifyCode } : {}),
  }
  bot.use(GqfBot(botOptions, (h) => (plugin = h)))
  // After the first login it keeps the connection up; it exits 1 if the service stays away too long.
  const supervisor = new ConnectionSupervisor({
    link: puppetLink(puppet, cfg.service.endpoint),
    logger,
    giveUpMs: cfg.reconnectGiveUpMs,
    ...ops.supervisorHooks(
      (info) => plugin?.recovered(info),
      (code) => stop(code),
    ),
  })
  await ops.attach(supervisor)
  bot.once('login', () => {
    supervisor.start()
    ops.loggedIn()
  })
  const stop = async (code: number) => {
    supervisor.stop()
    ops.stop()
    verifyCode?.stop()
    await Promise.race([bot.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))])
    process.exit(code)
  }
  process.once('SIGINT', () => void stop(0))
  process.once('SIGTERM', () => void stop(0))
  await startAndLogIn(bot, cfg, logger, verifying, stop)
}

export async function main(env: Env = process.env, options: MainOptions = {}): Promise<void> {
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
  const secrets = [cfg.service.token, cfg.adminCode, ...alertSecrets(cfg.ops.alerts)].filter(
    (s): s is string => !!s,
  )
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
  if (cfg.mode === 'service') await runWithAlerts(cfg, repo, handled, logger, secrets, options)
  else await runConsole(cfg, repo, logger, { logFile })
}

/** The service, with operators told outside WeChat (webhook, email; without a channel only logged). */
async function runWithAlerts(
  cfg: Config,
  repo: Repository,
  handled: HandledPort,
  logger: Logger,
  secrets: string[],
  options: MainOptions,
): Promise<void> {
  const alerter = new Alerter({ channels: channelsFromConfig(cfg.ops.alerts), logger, secrets })
  // A verify code asked of the operator goes out by the same channel as every other alert, and to
  // the server's log too (the text holds no token and no member's words).
  const notify = options.notify ?? {
    notify: (event: string, text: string) => {
      logger.warn(text, { event })
      alerter.notify(event, text)
    },
  }
  await runService(cfg, repo, handled, logger, secrets, alerter, { ...options, notify })
}

await main()
