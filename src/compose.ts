/**
 * What one bot is made of, built from plain parts: the repository and options, a clock, a logger,
 * a sender (the transport's send function), a directory and the account's name. It builds the core,
 * the outbox, the scheduler, the backup job and the message pipeline; nothing here knows Wechaty.
 * The plugin (src/plugin.ts) wires Wechaty's events to what this returns.
 */
import { builtinCommands, SHARE_CLAIMANTS } from '../commands/index.js'
import type { Config } from './config.js'
import { holidayCalendar } from './calendar/chinese-days.js'
import type { Delivery } from './core/delivery.js'
import { createCore, type Core, type CoreDeps } from './core/handle.js'
import type { HandledPort } from './core/handled-port.js'
import type { Repository } from './core/ports.js'
import type { VerifyCodePort } from './core/verify-code-port.js'
import type { ConnectionCounts, SendFailure, StatusPort } from './core/status-port.js'
import { DEFAULT_REPORT_SETTINGS } from './core/types.js'
import type { AnyCommand, Directory, ReportSettings } from './core/types.js'
import type { DigestSettings } from './domain/digest.js'
import type { HolidayCalendar } from './domain/holidays.js'
import { DEFAULT_REMINDER_SETTINGS, type Occurrence, type ReminderSettings } from './domain/reminders.js'
import type { Logger } from './logger.js'
import { OPS } from './messages/operations.js'
import { closeHeatmapWorker, renderHeatmapInWorker } from './render/chart-worker.js'
import { BackupJob } from './scheduler/backup.js'
import { ReminderScheduler } from './scheduler/reminders.js'
import { InFlight } from './transport/in-flight.js'
import { Outbox, type SendFn } from './transport/outbox.js'
import { conversationKey, MessagePipeline, type Send } from './transport/pipeline.js'
import type { MessageSource } from './transport/source.js'
import { withCommitTurn } from '../storage/commit-turn.js'
import { warmUp } from './warm-up.js'
import type { OutageInfo } from './transport/supervisor.js'

export interface AppOptions {
  repo: Repository
  /** Least time between two messages to one conversation (WeChat restricts fast senders). */
  sendIntervalMs?: number
  /** Longest single message; longer texts are split. */
  maxMessageLength?: number
  /** Wait before retrying a failed send, doubled each time (default 2 s; tests make it short). */
  retryDelayMs?: number
  /**
   * Messages sent longer ago than this are ignored (default one day). Younger ones that arrive late
   * (the bot was down) are handled, with their own send time deciding the month.
   */
  maxMessageAgeMs?: number
  /**
   * Handled message ids and replies owed, kept across restarts (storage/handled-store.ts): a message
   * replayed after a restart is not handled again, and receipts lost with a crash are sent once on
   * the next login. Without it only this process's memory guards against replays.
   */
  handled?: HandledPort
  /** Owed replies older than this are not sent after a restart (default one hour). */
  owedMaxAgeMs?: number
  /** The daily backup (storage/backup.ts runDailyBackup), run at start and every day at `backupTime`. */
  backup?: (now: Date) => Promise<{ path: string; created: boolean }>
  /** HH:MM Beijing time of the daily backup (default 03:00). */
  backupTime?: string
  /** For #状态: the program's version and the size of the data files. */
  version?: string
  storeSize?: () => Promise<{ files: number; bytes: number } | null>
  /** Report keywords, the 补报 window and the share window; defaults in DEFAULT_REPORT_SETTINGS. */
  reports?: Partial<ReportSettings>
  /** Reminder times and switches (admins may change them later); false turns the scheduler off. */
  reminders?: Partial<ReminderSettings> | false
  /** The weekly digest to leaders and admins (and the time of the half-year notice); off when absent. */
  digest?: DigestSettings
  /** Largest file the bot sends; a larger one is refused and the asker told. */
  maxFileBytes?: number
  commands?: AnyCommand[]
  /** Where #验证码 enters a login verify code (the WorkPro client's handoff). */
  verifyCode?: VerifyCodePort
  /** For #状态: reconnects and watchdog resets of this process (src/ops); absent in the console group. */
  connection?: () => ConnectionCounts
  /** Counters for /metrics and alerts (src/ops): called as things happen; never changes what happens. */
  observe?: AppObserver
}

/** What operations (src/ops) count and tell: each a plain callback. */
export interface AppObserver {
  /** A message went through the core (answered or not). */
  handled?(): void
  /** The outcome of a reply or notice handed to the outbox. */
  delivered?(d: Delivery): void
  /** A reminder expired unsent. */
  reminderExpired?(o: Occurrence): void
}

/** What both modes (puppet service, console group) take from the configuration as it is. */
export function optionsFromConfig(cfg: Config) {
  return {
    sendIntervalMs: cfg.sendIntervalMs,
    maxMessageLength: cfg.maxMessageLength,
    reports: cfg.reports,
    reminders: cfg.reminders,
    digest: cfg.digest,
    maxFileBytes: cfg.maxFileBytes,
  } satisfies Partial<AppOptions>
}

/** What the composition needs from outside: I/O and the transport's view of WeChat. */
export interface AppParts<M> {
  /** Where messages come from: the transport's raw messages, or plain `Incoming` (src/transport/source.ts). */
  source: MessageSource<M>
  clock: () => Date
  logger: Logger
  /** Sends one outbox part (text or file) to WeChat; throws when WeChat failed. */
  sender: SendFn
  directory: Directory
  /** The WeChat name the bot is logged in as; null while logged out (for #状态). */
  account: () => string | null
  /** When this process started (for #状态); default now. */
  startedAt?: Date
}

export interface App<M> {
  core: Core
  outbox: Outbox
  scheduler: ReminderScheduler | null
  backup: BackupJob | null
  pipeline: MessagePipeline<M>
  /** Work started by events; `idle()` waits for it. */
  inFlight: InFlight
  /** Every send goes through here: a failure is remembered for #状态. */
  send: Send
  /**
   * Runs the first command's code paths once, through the real handler on a scratch store in memory
   * (nothing is sent or stored), so the first message after a start is as quick as the others.
   */
  warmUp(): Promise<void>
  /** Starts the timers (reminders, digest, backup), catching up what fell due; resolves when caught up. */
  start(): Promise<void>
  /** Stops the timers. */
  stop(): void
  /** The bot stopped: timers stop and the picture worker closes. */
  halt(): void
  /** The plugin is removed: as halt, and the outbox stops. */
  dispose(): void
  /** The connection came back after an outage: tells the admins once, privately, and lets the reminders catch up. */
  recovered(info: OutageInfo): Promise<void>
  /** Resolves when every incoming message has been handled and every reply sent. */
  idle(): Promise<void>
}

/** The parts of AppParts that every piece may use (all but the message source). */
type Io = Omit<AppParts<unknown>, 'source'>

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/**
 * The bot's parts, built in order: settings and calendar, the backup job, the outbox and the send
 * every part uses, the core (with #状态's view of the rest), the scheduler, and the pipeline that
 * carries each message from the source to the core and its replies to the outbox.
 */
export function composeApp<M>(options: AppOptions, parts: AppParts<M>): App<M> {
  const settings: ReportSettings = { ...DEFAULT_REPORT_SETTINGS, ...options.reports }
  const reminderDefaults: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...(options.reminders || {}) }
  const calendar = holidayCalendar(options.repo.holidays)
  const backup = backupJobFor(options, parts)
  const outbox = outboxFor(options, parts)
  const { send, lastFailure } = recordedSend(outbox, parts.clock, options.observe)
  const commands = options.commands ?? builtinCommands()
  const deps: CoreDeps = {
    repo: options.repo,
    clock: parts.clock,
    logger: parts.logger,
    directory: parts.directory,
    settings,
    reminderDefaults,
    calendar,
    status: statusPort(options, parts, lastFailure, backup),
    ...(options.verifyCode ? { verifyCode: options.verifyCode } : {}),
  }
  const core = observed(createCore(deps, commands, SHARE_CLAIMANTS), options.observe)
  const scheduler = schedulerFor(options, parts, { reminderDefaults, settings, calendar, send })
  const inFlight = new InFlight(parts.logger)
  const pipeline = pipelineFor(options, parts, { core, send, inFlight })
  const built = { commands, settings, reminderDefaults, scheduler, backup, outbox, inFlight, send }
  return { core, outbox, scheduler, backup, pipeline, inFlight, send, ...lifecycle(options, parts, built) }
}

/** The daily backup job, when the options give a backup to run. */
function backupJobFor(options: AppOptions, { clock, logger }: Io): BackupJob | null {
  return options.backup
    ? new BackupJob({ run: options.backup, clock, logger, time: options.backupTime })
    : null
}

/** One send queue per conversation over the transport's sender: pacing, splitting, merged receipts, files. */
function outboxFor(options: AppOptions, { sender, logger }: Io): Outbox {
  return new Outbox(sender, {
    intervalMs: options.sendIntervalMs ?? 1000,
    maxLength: options.maxMessageLength ?? 1500,
    retryDelayMs: options.retryDelayMs,
    logger,
    ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
  })
}

/** The send every part uses: through the outbox, each outcome told to `observe`, the last failure kept for #状态. */
function recordedSend(
  outbox: Outbox,
  clock: () => Date,
  observe: AppObserver | undefined,
): { send: Send; lastFailure: () => SendFailure | null } {
  let last: SendFailure | null = null
  const send: Send = async (to, reply): Promise<Delivery> => {
    const d = await outbox.enqueue(to, reply)
    observe?.delivered?.(d)
    if (!d.ok) last = { at: clock(), to: conversationKey(to), reason: d.reason }
    return d
  }
  return { send, lastFailure: () => last }
}

/** What #状态 reports: version, start, account, the last send failure and backup, store size, connection. */
function statusPort(
  options: AppOptions,
  parts: Io,
  lastSendFailure: () => SendFailure | null,
  backup: BackupJob | null,
): StatusPort {
  return {
    version: options.version ?? '',
    startedAt: parts.startedAt ?? parts.clock(),
    account: parts.account,
    lastSendFailure,
    lastBackup: () => backup?.lastBackup() ?? null,
    storeSize: options.storeSize ?? (async () => null),
    ...(options.connection ? { connection: options.connection } : {}),
  }
}

/** The reminders, digest and notices; null when reminders are off and there is no digest. */
function schedulerFor(
  options: AppOptions,
  { clock, logger }: Io,
  use: {
    reminderDefaults: ReminderSettings
    settings: ReportSettings
    calendar: HolidayCalendar
    send: Send
  },
): ReminderScheduler | null {
  if (options.reminders === false && !options.digest?.enabled) return null
  return new ReminderScheduler({
    repo: options.repo,
    clock,
    logger,
    defaults: use.reminderDefaults,
    lateDays: use.settings.lateDays,
    send: use.send,
    calendar: use.calendar,
    reminders: options.reminders !== false,
    ...(options.digest ? { digest: options.digest } : {}),
    picture: renderHeatmapInWorker,
    ...(options.observe?.reminderExpired ? { onExpired: options.observe.reminderExpired } : {}),
  })
}

/** The message pipeline: source → admission, order, conversion → core → bookkeeping → send. */
function pipelineFor<M>(
  options: AppOptions,
  { source, clock, logger }: AppParts<M>,
  use: { core: Core; send: Send; inFlight: InFlight },
): MessagePipeline<M> {
  return new MessagePipeline<M>({
    source,
    core: use.core,
    send: use.send,
    ...(options.handled ? { handled: options.handled } : {}),
    clock,
    logger,
    maxAgeMs: options.maxMessageAgeMs ?? DAY_MS,
    owedMaxAgeMs: options.owedMaxAgeMs ?? HOUR_MS,
    inFlight: use.inFlight,
    commitTurn: withCommitTurn,
  })
}

/** What composeApp built that the lifecycle starts, stops and waits for. */
interface Built {
  commands: AnyCommand[]
  settings: ReportSettings
  reminderDefaults: ReminderSettings
  scheduler: ReminderScheduler | null
  backup: BackupJob | null
  outbox: Outbox
  inFlight: InFlight
  send: Send
}

type Lifecycle = Pick<App<unknown>, 'warmUp' | 'start' | 'stop' | 'halt' | 'dispose' | 'recovered' | 'idle'>

/** Warm-up, start and stop of the timers, halt and dispose, the notice after an outage, and idle. */
function lifecycle(options: AppOptions, { clock, logger }: Io, b: Built): Lifecycle {
  const { scheduler, backup } = b
  const stop = () => {
    scheduler?.stop()
    backup?.stop()
  }
  const halt = () => {
    stop()
    void closeHeatmapWorker()
  }
  return {
    async warmUp() {
      const { commands, settings, reminderDefaults } = b
      await Promise.all([
        warmUp({ commands, shareClaimants: SHARE_CLAIMANTS, settings, reminderDefaults, clock, logger }),
        options.handled?.warm?.(clock()),
      ])
    },
    async start() {
      await Promise.all([scheduler?.start(), backup?.start()])
    },
    stop,
    halt,
    dispose() {
      halt()
      b.outbox.stop()
    },
    async recovered(info) {
      const admins = options.repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
      const text = OPS.connectionBack(info.downMs)
      await Promise.all(admins.map((a) => b.send({ kind: 'private', id: a.contactId }, { text })))
      // What fell due while the connection was down, once (every occurrence is recorded before it is sent).
      await scheduler?.start()
    },
    async idle() {
      await b.inFlight.settled()
      await scheduler?.idle()
      await backup?.idle()
      await b.outbox.idle()
    },
  }
}

/** The core, telling `observe.handled` after each message it handled. */
function observed(core: Core, observe: AppObserver | undefined): Core {
  const tell = observe?.handled
  if (!tell) return core
  const handle = core.handle.bind(core)
  return Object.assign(core, {
    async handle(incoming: Parameters<Core['handle']>[0]) {
      try {
        return await handle(incoming)
      } finally {
        tell()
      }
    },
  })
}
