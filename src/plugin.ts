/**
 * The bot as a Wechaty plugin: `bot.use(GqfBot({ repo, roomTopic }))`. A thin adapter: it builds
 * the bot's parts (src/compose.ts) with Wechaty's sender, directory, account and message source,
 * and wires Wechaty's events to them. Each message goes to the pipeline once, as Wechaty gives it;
 * the pipeline (src/transport/pipeline.ts) does the rest. It serves the coordination room and
 * private chats, and ignores every other room.
 */
import type { Contact, Message, Room, Wechaty, WechatyPlugin } from 'wechaty'
import { composeApp, type AppOptions } from './compose.js'
import { createLogger, type Logger } from './logger.js'
import { RoomBinding, roomDirectory } from './transport/room-binding.js'
import type { OutageInfo } from './transport/supervisor.js'
import { wechatySender } from './transport/wechaty-sender.js'
import { wechatySource } from './transport/wechaty-source.js'

export interface GqfBotOptions extends AppOptions {
  /** Topic to find the coordination room by on first start; afterwards it is known by id. */
  roomTopic: string
  logger?: Logger
  clock?: () => Date
}

/** Handle to what the plugin is doing, for tests and the composition root. */
export interface GqfBotHandle {
  /** Resolves when every incoming message has been handled and every reply sent. */
  idle(): Promise<void>
  /**
   * Resolves once the first command will be as quick as any: after the first login, the warm-up
   * has run and the room's members and their @-names are fetched.
   */
  ready(): Promise<void>
  /**
   * The connection came back after an outage (ConnectionSupervisor's onRecovered): tells the admins
   * once, privately, and lets the reminders catch up.
   */
  recovered(info: OutageInfo): Promise<void>
}

export function GqfBot(options: GqfBotOptions, handle?: (h: GqfBotHandle) => void): WechatyPlugin {
  const logger = options.logger ?? createLogger()
  const clock = options.clock ?? (() => new Date())
  const startedAt = clock()

  return (bot: Wechaty) => {
    const room = new RoomBinding({ repo: options.repo, topic: options.roomTopic, clock, logger })
    const sender = wechatySender(bot)
    const directory = roomDirectory(bot, room)
    const app = composeApp(options, {
      clock,
      logger,
      startedAt,
      sender,
      directory,
      source: wechatySource(bot, room),
      account: () => (bot.isLoggedIn ? bot.currentUser.name() : null),
    })
    const track = (p: Promise<void>) => app.inFlight.track(p)
    /** Warm-up and prefetch, started at the first login (after the room is found, so that is not delayed). */
    let warm: Promise<void> | null = null
    let loggedIn: () => void = () => undefined
    const firstLogin = new Promise<void>((r) => (loggedIn = r))

    /** The bound room's members (Wechaty's payload cache) and their @-names (the sender's cache), for #未报. */
    async function prefetchMembers(): Promise<void> {
      const id = room.id()
      const members = id ? await directory.roomMembers() : null
      if (id && members)
        await sender.prefetch(
          id,
          members.map((m) => m.id),
        )
    }
    const prefetch = () =>
      prefetchMembers().catch((error: unknown) => logger.warn('room members not prefetched', { error }))

    async function onRoomJoin(joined: Room, invitees: Contact[]): Promise<void> {
      const self = bot.currentUser.id
      if (!(await room.joined(joined, invitees, self))) return
      const people = invitees.filter((c) => c.id !== self).map((c) => ({ id: c.id, name: c.name() }))
      await app.pipeline.greet(joined.id, people)
    }

    function onLogin(): void {
      // Taken at once, before any message of this login can owe a reply (first login only).
      const owed = app.pipeline.takeOwed()
      const found = room.find(bot)
      warm ??= found.then(() => Promise.all([app.warmUp(), prefetch()])).then(() => undefined)
      track(warm.finally(loggedIn))
      track(
        found.then(async () => {
          if (owed) await app.pipeline.payOwed(owed)
          await app.start()
        }),
      )
    }

    const listeners = {
      // Timers start on login (catching up what fell due while the bot was away) and stop on logout.
      login: onLogin,
      logout: () => app.stop(),
      stop: () => app.halt(),
      ready: () => track(room.find(bot)),
      message: (m: Message) => track(app.pipeline.receive(m)),
      'room-join': (r: Room, invitees: Contact[]) => track(onRoomJoin(r, invitees)),
    }
    bot.on('login', listeners.login)
    bot.on('logout', listeners.logout)
    bot.on('stop', listeners.stop)
    bot.on('ready', listeners.ready)
    bot.on('message', listeners.message)
    bot.on('room-join', listeners['room-join'])

    handle?.({
      idle: () => app.idle(),
      ready: () => firstLogin,
      recovered: (info) => app.recovered(info),
    })

    return () => {
      bot.off('login', listeners.login)
      bot.off('logout', listeners.logout)
      bot.off('stop', listeners.stop)
      bot.off('ready', listeners.ready)
      bot.off('message', listeners.message)
      bot.off('room-join', listeners['room-join'])
      app.dispose()
    }
  }
}
