import type { Contact, Message, Room, Wechaty, WechatyPlugin } from 'wechaty'
import { builtinCommands, SHARE_HANDLERS } from '../commands/index.js'
import type { Repository } from './core/ports.js'
import { holidayCalendar } from './calendar/chinese-days.js'
import { createCore } from './core/handle.js'
import type { CoreDeps } from './core/handle.js'
import { DEFAULT_REPORT_SETTINGS } from './core/types.js'
import type { AnyCommand, Conversation, Reply, ReportSettings } from './core/types.js'
import { createLogger, type Logger } from './logger.js'
import { Outbox } from './transport/outbox.js'
import { wechatySender } from './transport/wechaty-sender.js'
import { SeenIds } from './transport/seen-ids.js'
import { toIncoming } from './transport/to-incoming.js'
import { RoomBinding, roomDirectory } from './transport/room-binding.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './domain/reminders.js'
import { ReminderScheduler } from './scheduler/reminders.js'
import type { DigestSettings } from './domain/digest.js'
import { closeHeatmapWorker, renderHeatmapInWorker } from './render/heatmap.js'
import { FILES } from './messages/files.js'
import { BackupJob } from './scheduler/backup.js'
import type { HandledPort, OwedReplies } from './core/handled-port.js'
import type { Delivery } from './core/delivery.js'
import type { SendFailure, StatusPort } from './core/status-port.js'
import type { OutageInfo } from './transport/supervisor.js'
import { OPS } from './messages/operations.js'

export interface GqfBotOptions {
  repo: Repository
  /** Topic to find the coordination room by on first start; afterwards it is known by id. */
  roomTopic: string
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
  logger?: Logger
  clock?: () => Date
  commands?: AnyCommand[]
}

/** Handle to what the plugin is doing, for tests and the composition root. */
export interface GqfBotHandle {
  /** Resolves when every incoming message has been handled and every reply sent. */
  idle(): Promise<void>
  /**
   * The connection came back after an outage (ConnectionSupervisor's onRecovered): tells the admins
   * once, privately, and lets the reminders catch up.
   */
  recovered(info: OutageInfo): Promise<void>
}

const DAY_MS = 86_400_000
const HOUR_MS = 3_600_000

/** `room:<id>` / `private:<id>`: how an owed reply names its conversation. */
const conversationKey = (c: Conversation) => `${c.kind}:${c.id}`
function conversationOf(key: string): Conversation | null {
  const i = key.indexOf(':')
  const kind = key.slice(0, i)
  return kind === 'room' || kind === 'private' ? { kind, id: key.slice(i + 1) } : null
}

/**
 * The bot as a Wechaty plugin: `bot.use(GqfBot({ repo, roomTopic }))`.
 * It listens in the coordination room and in private chats, and ignores every other room.
 */
export function GqfBot(options: GqfBotOptions, handle?: (h: GqfBotHandle) => void): WechatyPlugin {
  const logger = options.logger ?? createLogger()
  const clock = options.clock ?? (() => new Date())
  const maxAge = options.maxMessageAgeMs ?? DAY_MS
  const { repo, handled } = options
  const startedAt = clock()

  return (bot: Wechaty) => {
    const seen = new SeenIds()
    const inFlight = new Set<Promise<void>>()
    let lastFailure: SendFailure | null = null
    let loggedInOnce = false
    /** Messages of one conversation are handled one after another, so replies keep their order. */
    const lanes = new Map<string, Promise<void>>()
    const room = new RoomBinding({ repo, topic: options.roomTopic, clock, logger })
    const directory = roomDirectory(bot, room)
    const settings: ReportSettings = { ...DEFAULT_REPORT_SETTINGS, ...options.reports }
    const reminderDefaults: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...(options.reminders || {}) }
    const calendar = holidayCalendar(repo.holidays)
    const backupJob = options.backup
      ? new BackupJob({ run: options.backup, clock, logger, time: options.backupTime })
      : null
    const status: StatusPort = {
      version: options.version ?? '',
      startedAt,
      account: () => (bot.isLoggedIn ? bot.currentUser.name() : null),
      lastSendFailure: () => lastFailure,
      lastBackup: () => backupJob?.lastBackup() ?? null,
      storeSize: options.storeSize ?? (async () => null),
    }
    const deps: CoreDeps = { repo, clock, logger, directory, settings, reminderDefaults, calendar, status }
    const core = createCore(deps, options.commands ?? builtinCommands(), SHARE_HANDLERS)

    const outbox = new Outbox(wechatySender(bot), {
      intervalMs: options.sendIntervalMs ?? 1000,
      maxLength: options.maxMessageLength ?? 1500,
      retryDelayMs: options.retryDelayMs,
      logger,
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    })
    /** Every send goes through here: a failure is remembered for #状态. */
    async function send(to: Conversation, reply: Parameters<Outbox['enqueue']>[1]): Promise<Delivery> {
      const d = await outbox.enqueue(to, reply)
      if (!d.ok) lastFailure = { at: clock(), to: conversationKey(to), reason: d.reason }
      return d
    }

    const scheduler =
      options.reminders === false && !options.digest?.enabled
        ? null
        : new ReminderScheduler({
            repo,
            clock,
            logger,
            defaults: reminderDefaults,
            lateDays: settings.lateDays,
            send,
            calendar,
            reminders: options.reminders !== false,
            ...(options.digest ? { digest: options.digest } : {}),
            picture: renderHeatmapInWorker,
          })

    /** Resolves true when every reply went out; a file that did not go out is explained to the asker. */
    async function deliver(
      replies: Reply[],
      fallback: Conversation,
      msg?: string,
      asker?: string,
    ): Promise<boolean> {
      const outcomes = await Promise.all(replies.map((r) => send(r.to ?? fallback, r)))
      const told: Promise<Delivery>[] = []
      outcomes.forEach((d, i) => {
        if (d.ok) return
        logger.error('reply not delivered', { msg, reason: d.reason })
        const file = replies[i]!.file
        if (!file || !asker || (d.reason !== 'file-too-large' && d.reason !== 'send-failed')) return
        const text =
          d.reason === 'file-too-large'
            ? FILES.fileTooLarge(file.name, d.size, d.maxBytes)
            : FILES.fileFailed(file.name)
        told.push(send({ kind: 'private', id: asker }, { text }))
      })
      await Promise.all(told)
      return outcomes.every((d) => d.ok)
    }

    /**
     * The message is handled and its change is on disk: mark it handled and owe its replies, in one
     * tick (the day file's writes are grouped), and wait for that before anything is sent. A failed
     * write is logged; the replies still go out (what they acknowledge is on disk already).
     */
    async function remember(id: string, replies: Reply[], fallback: Conversation): Promise<boolean> {
      if (!handled) return false
      const at = clock()
      try {
        await Promise.all([
          handled.mark(id, at),
          ...replies
            .filter((r) => r.text !== '')
            .map((r) => handled.owe(id, conversationKey(r.to ?? fallback), r.text, at)),
        ])
        return true
      } catch (error) {
        logger.error('could not record the message as handled', { msg: id, error })
        return false
      }
    }

    /** Receipts a crash kept from going out, under an hour old: once, merged per conversation. */
    async function payOwed(taking: Promise<OwedReplies[]>): Promise<void> {
      const owed = await taking
      for (const o of owed) {
        const to = conversationOf(o.conversation)
        if (!to) continue
        logger.info('sending replies owed from before the restart', { to: o.conversation, ids: o.ids.length })
        const d = await send(to, { text: OPS.owedReplies(o.texts) })
        if (!d.ok) logger.error('owed replies not delivered', { to: o.conversation, reason: d.reason })
      }
    }

    function track(p: Promise<void>): void {
      const wrapped = p.catch((error: unknown) => logger.error('event handler failed', { error }))
      inFlight.add(wrapped)
      void wrapped.finally(() => inFlight.delete(wrapped))
    }

    async function onMessage(message: Message): Promise<void> {
      if (message.self()) return
      if (!seen.add(message.id)) {
        logger.debug('duplicate message ignored', { msg: message.id })
        return
      }
      if (handled?.has(message.id)) {
        logger.debug('message handled before a restart; replay ignored', { msg: message.id })
        return
      }
      if (clock().getTime() - message.date().getTime() > maxAge) {
        logger.debug('old message ignored', { msg: message.id })
        return
      }
      const from = message.room()
      if (from && !(await room.admits(from))) return
      const incoming = await toIncoming(message, bot.currentUser)
      const key = `${incoming.conversation.kind}:${incoming.conversation.id}`
      const prev = lanes.get(key) ?? Promise.resolve()
      const mine = prev
        .catch(() => undefined)
        .then(async () => {
          const replies = await core.handle(incoming)
          // Chatter changes nothing: only what was answered, or shared, is remembered.
          const owes =
            (replies.length > 0 || incoming.kind !== 'text') &&
            (await remember(incoming.id, replies, incoming.conversation))
          // Queued in order; sending goes on in the outbox while the next message is handled.
          // Once every reply is out, nothing is owed for the message any more.
          track(
            deliver(replies, incoming.conversation, incoming.id, incoming.senderId).then(async (ok) => {
              if (ok && owes && replies.length > 0) await handled?.paid(incoming.id)
            }),
          )
        })
      lanes.set(key, mine)
      try {
        await mine
      } finally {
        if (lanes.get(key) === mine) lanes.delete(key)
      }
    }

    async function onRoomJoin(joinedRoom: Room, invitees: Contact[]): Promise<void> {
      if (!(await room.joined(joinedRoom, invitees, bot.currentUser.id))) return
      const people = invitees
        .filter((c) => c.id !== bot.currentUser.id)
        .map((c) => ({ id: c.id, name: c.name() }))
      if (people.length === 0) return
      const replies = await core.greet(people)
      void (await deliver(replies, { kind: 'room', id: joinedRoom.id }))
    }

    function onLogin(): void {
      // Taken at once, before any message of this login can owe a reply: only what a previous
      // process owed, and only on the first login (a reconnect's replies are still in the outbox).
      const owed =
        !loggedInOnce && handled ? handled.takeOwed(clock(), options.owedMaxAgeMs ?? HOUR_MS) : null
      loggedInOnce = true
      track(
        room.find(bot).then(async () => {
          if (owed) await payOwed(owed)
          await Promise.all([scheduler?.start(), backupJob?.start()])
        }),
      )
    }
    function stopTimers(): void {
      scheduler?.stop()
      backupJob?.stop()
    }

    async function recovered(info: OutageInfo): Promise<void> {
      const admins = repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
      const text = OPS.connectionBack(info.downMs)
      await Promise.all(admins.map((a) => send({ kind: 'private', id: a.contactId }, { text })))
      // What fell due while the connection was down, once (every occurrence is recorded before it is sent).
      await scheduler?.start()
    }

    const listeners = {
      // Timers start on login (catching up what fell due while the bot was away) and stop on logout.
      login: onLogin,
      logout: stopTimers,
      stop: () => {
        stopTimers()
        void closeHeatmapWorker()
      },
      ready: () => track(room.find(bot)),
      message: (m: Message) => track(onMessage(m)),
      'room-join': (room: Room, invitees: Contact[]) => track(onRoomJoin(room, invitees)),
    }
    bot.on('login', listeners.login)
    bot.on('logout', listeners.logout)
    bot.on('stop', listeners.stop)
    bot.on('ready', listeners.ready)
    bot.on('message', listeners.message)
    bot.on('room-join', listeners['room-join'])

    handle?.({
      async idle() {
        while (inFlight.size > 0) await Promise.all([...inFlight])
        await scheduler?.idle()
        await backupJob?.idle()
        await outbox.idle()
      },
      recovered,
    })

    return () => {
      bot.off('login', listeners.login)
      bot.off('logout', listeners.logout)
      bot.off('stop', listeners.stop)
      stopTimers()
      bot.off('ready', listeners.ready)
      bot.off('message', listeners.message)
      bot.off('room-join', listeners['room-join'])
      outbox.stop()
      void closeHeatmapWorker()
    }
  }
}
