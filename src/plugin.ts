import type { Contact, Message, Room, Wechaty, WechatyPlugin } from 'wechaty'
import { builtinCommands, SHARE_HANDLERS } from '../commands/index.js'
import type { Repository } from './core/ports.js'
import { holidayCalendar } from './calendar/chinese-days.js'
import { createCore } from './core/handle.js'
import type { CoreDeps } from './core/handle.js'
import { DEFAULT_REPORT_SETTINGS } from './core/types.js'
import type { AnyCommand, Conversation, Reply, ReportSettings, RoomMember } from './core/types.js'
import { createLogger, type Logger } from './logger.js'
import { Outbox } from './transport/outbox.js'
import { wechatySender } from './transport/wechaty-sender.js'
import { SeenIds } from './transport/seen-ids.js'
import { toIncoming } from './transport/to-incoming.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './domain/reminders.js'
import { ReminderScheduler } from './scheduler/reminders.js'
import type { DigestSettings } from './domain/digest.js'
import { closeHeatmapWorker, renderHeatmapInWorker } from './render/heatmap.js'
import type { Delivery } from './core/delivery.js'
import { FILES } from './messages/files.js'

export interface GqfBotOptions {
  repo: Repository
  /** Topic to find the coordination room by on first start; afterwards it is known by id. */
  roomTopic: string
  /** Least time between two messages to one conversation (WeChat restricts fast senders). */
  sendIntervalMs?: number
  /** Longest single message; longer texts are split. */
  maxMessageLength?: number
  /** Messages older than this (replayed after a re-login) are ignored. */
  maxMessageAgeMs?: number
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
}

/**
 * The bot as a Wechaty plugin: `bot.use(GqfBot({ repo, roomTopic }))`.
 * It listens in the coordination room and in private chats, and ignores every other room.
 */
export function GqfBot(options: GqfBotOptions, handle?: (h: GqfBotHandle) => void): WechatyPlugin {
  const logger = options.logger ?? createLogger()
  const clock = options.clock ?? (() => new Date())
  const maxAge = options.maxMessageAgeMs ?? 10 * 60_000
  const { repo } = options

  return (bot: Wechaty) => {
    const seen = new SeenIds()
    const inFlight = new Set<Promise<void>>()
    /** Messages of one conversation are handled one after another, so replies keep their order. */
    const lanes = new Map<string, Promise<void>>()
    let roomId: string | null = repo.room()?.id ?? null

    async function bindRoom(room: Room): Promise<void> {
      const topic = await room.topic()
      roomId = room.id
      await repo.bindRoom(room.id, topic, clock())
      logger.info('coordination room bound', { room: room.id, topic })
    }

    let finding: Promise<void> | null = null
    /** login and ready both look for the room: one search at a time. */
    function findRoom(): Promise<void> {
      finding ??= (async () => {
        if (roomId) return
        const room = await bot.Room.find({ topic: options.roomTopic })
        if (room && !roomId) await bindRoom(room)
        else if (!room) {
          logger.warn('coordination room not found yet; waiting for the bot to be in it', {
            topic: options.roomTopic,
          })
        }
      })().finally(() => (finding = null))
      return finding
    }

    const directory = {
      async roomMembers(): Promise<RoomMember[] | null> {
        if (!roomId) return null
        const room = await bot.Room.find({ id: roomId })
        if (!room) return null
        const members = await room.memberAll()
        return members.filter((c) => c.id !== bot.currentUser.id).map((c) => ({ id: c.id, name: c.name() }))
      },
    }
    const settings: ReportSettings = { ...DEFAULT_REPORT_SETTINGS, ...options.reports }
    const reminderDefaults: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...(options.reminders || {}) }
    const calendar = holidayCalendar(repo.holidays)
    const deps: CoreDeps = { repo, clock, logger, directory, settings, reminderDefaults, calendar }
    const core = createCore(deps, options.commands ?? builtinCommands(), SHARE_HANDLERS)

    const outbox = new Outbox(wechatySender(bot), {
      intervalMs: options.sendIntervalMs ?? 1000,
      maxLength: options.maxMessageLength ?? 1500,
      logger,
      ...(options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes }),
    })

    const scheduler =
      options.reminders === false && !options.digest?.enabled
        ? null
        : new ReminderScheduler({
            repo,
            clock,
            logger,
            defaults: reminderDefaults,
            lateDays: settings.lateDays,
            send: (to, reply) => outbox.enqueue(to, reply),
            calendar,
            reminders: options.reminders !== false,
            ...(options.digest ? { digest: options.digest } : {}),
            picture: renderHeatmapInWorker,
          })

    async function deliver(
      replies: Reply[],
      fallback: Conversation,
      msg?: string,
      asker?: string,
    ): Promise<void> {
      const outcomes = await Promise.all(replies.map((r) => outbox.enqueue(r.to ?? fallback, r)))
      const told: Promise<Delivery>[] = []
      outcomes.forEach((d, i) => {
        if (d.ok) return
        logger.error('reply not delivered', { msg, reason: d.reason })
        // A file that did not go out: the person who asked for it hears why.
        const file = replies[i]!.file
        if (!file || !asker || (d.reason !== 'file-too-large' && d.reason !== 'send-failed')) return
        const text =
          d.reason === 'file-too-large'
            ? FILES.fileTooLarge(file.name, d.size, d.maxBytes)
            : FILES.fileFailed(file.name)
        told.push(outbox.enqueue({ kind: 'private', id: asker }, { text }))
      })
      await Promise.all(told)
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
      if (clock().getTime() - message.date().getTime() > maxAge) {
        logger.debug('old message ignored', { msg: message.id })
        return
      }
      const room = message.room()
      if (room) {
        if (!roomId && (await room.topic()) === options.roomTopic) await bindRoom(room)
        if (room.id !== roomId) return
      }
      const incoming = await toIncoming(message, bot.currentUser)
      const key = `${incoming.conversation.kind}:${incoming.conversation.id}`
      const prev = lanes.get(key) ?? Promise.resolve()
      const mine = prev
        .catch(() => undefined)
        .then(async () => {
          const replies = await core.handle(incoming)
          // Queued in order; sending goes on in the outbox while the next message is handled.
          void deliver(replies, incoming.conversation, incoming.id, incoming.senderId)
        })
      lanes.set(key, mine)
      try {
        await mine
      } finally {
        if (lanes.get(key) === mine) lanes.delete(key)
      }
    }

    async function onRoomJoin(room: Room, invitees: Contact[]): Promise<void> {
      // The bot itself invited into the coordination room after start: bind it now.
      if (
        !roomId &&
        invitees.some((c) => c.id === bot.currentUser.id) &&
        (await room.topic()) === options.roomTopic
      ) {
        await bindRoom(room)
      }
      if (room.id !== roomId) return
      const people = invitees
        .filter((c) => c.id !== bot.currentUser.id)
        .map((c) => ({ id: c.id, name: c.name() }))
      if (people.length === 0) return
      const replies = await core.greet(people)
      await deliver(replies, { kind: 'room', id: room.id })
    }

    const listeners = {
      // Timers start on login (catching up what fell due while the bot was away) and stop on logout.
      login: () => track(findRoom().then(() => scheduler?.start())),
      logout: () => scheduler?.stop(),
      stop: () => {
        scheduler?.stop()
        void closeHeatmapWorker()
      },
      ready: () => track(findRoom()),
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
        await outbox.idle()
      },
    })

    return () => {
      bot.off('login', listeners.login)
      bot.off('logout', listeners.logout)
      bot.off('stop', listeners.stop)
      scheduler?.stop()
      bot.off('ready', listeners.ready)
      bot.off('message', listeners.message)
      bot.off('room-join', listeners['room-join'])
      outbox.stop()
      void closeHeatmapWorker()
    }
  }
}
