/**
 * The bot as a Wechaty plugin: `bot.use(GqfBot({ repo, roomTopic }))`. A thin adapter: it builds
 * the bot's parts (src/compose.ts) with Wechaty's sender, directory, account and message source,
 * and wires Wechaty's events to them. Each message goes to the pipeline once, as Wechaty gives it;
 * the pipeline (src/transport/pipeline.ts) does the rest. It serves the coordination room and
 * private chats, and ignores every other room.
 */
import type { Contact, Message, Room, Wechaty, WechatyPlugin } from 'wechaty'
import { composeApp, type App, type AppOptions } from './compose.js'
import type { Directory } from './core/types.js'
import { createLogger, type Logger } from './logger.js'
import { RoomBinding, roomDirectory } from './transport/room-binding.js'
import type { OutageInfo } from './transport/supervisor.js'
import { wechatySender, type WechatySender } from './transport/wechaty-sender.js'
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

/** The plugin: on install, the bot's parts over this Wechaty, its events wired to them; on removal, unwired. */
export function GqfBot(options: GqfBotOptions, handle?: (h: GqfBotHandle) => void): WechatyPlugin {
  const logger = options.logger ?? createLogger()
  const clock = options.clock ?? (() => new Date())
  const startedAt = clock()

  return (bot: Wechaty) => {
    const parts = botParts(bot, options, { logger, clock, startedAt })
    const { app } = parts
    const login = loginFlow(bot, parts)
    const track = (p: Promise<void>) => app.inFlight.track(p)
    const unwire = wire(bot, {
      // Timers start on login (catching up what fell due while the bot was away) and stop on logout.
      login: login.onLogin,
      logout: () => app.stop(),
      stop: () => app.halt(),
      ready: () => track(parts.room.find(bot)),
      message: (m: Message) => track(app.pipeline.receive(m)),
      'room-join': (r: Room, invitees: Contact[]) => track(onRoomJoin(bot, parts, r, invitees)),
    })
    handle?.({
      idle: () => app.idle(),
      ready: () => login.firstLogin,
      recovered: (info) => app.recovered(info),
    })
    return () => {
      unwire()
      app.dispose()
    }
  }
}

/** One installed bot's parts: the room binding, Wechaty's sender and directory, and the app composed over them. */
interface BotParts {
  room: RoomBinding
  sender: WechatySender
  directory: Directory
  app: App<Message>
  logger: Logger
}

function botParts(
  bot: Wechaty,
  options: GqfBotOptions,
  io: { logger: Logger; clock: () => Date; startedAt: Date },
): BotParts {
  const room = new RoomBinding({
    repo: options.repo,
    topic: options.roomTopic,
    clock: io.clock,
    logger: io.logger,
  })
  const sender = wechatySender(bot)
  const directory = roomDirectory(bot, room)
  const app = composeApp(options, {
    ...io,
    sender,
    directory,
    source: wechatySource(bot, room),
    account: () => (bot.isLoggedIn ? bot.currentUser.name() : null),
  })
  return { room, sender, directory, app, logger: io.logger }
}

/**
 * A login: the owed replies are taken at once, the room is found, then (first login only) the
 * warm-up and the members' prefetch run while the owed replies are paid and the timers start.
 * `firstLogin` resolves once the first warm-up is done.
 */
function loginFlow(bot: Wechaty, parts: BotParts): { onLogin: () => void; firstLogin: Promise<void> } {
  const { app, room } = parts
  const track = (p: Promise<void>) => app.inFlight.track(p)
  /** Warm-up and prefetch, started at the first login (after the room is found, so that is not delayed). */
  let warm: Promise<void> | null = null
  let loggedIn: () => void = () => undefined
  const firstLogin = new Promise<void>((r) => (loggedIn = r))
  const prefetch = () =>
    prefetchMembers(parts).catch((error: unknown) =>
      parts.logger.warn('room members not prefetched', { error }),
    )
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
  return { onLogin, firstLogin }
}

/** The bound room's members (Wechaty's payload cache) and their @-names (the sender's cache), for #未报. */
async function prefetchMembers({ room, directory, sender }: BotParts): Promise<void> {
  const id = room.id()
  const members = id ? await directory.roomMembers() : null
  if (id && members)
    await sender.prefetch(
      id,
      members.map((m) => m.id),
    )
}

/** People joined a room: when it is the coordination room (bound now if need be), one greeting. */
async function onRoomJoin(
  bot: Wechaty,
  { room, app }: BotParts,
  joined: Room,
  invitees: Contact[],
): Promise<void> {
  const self = bot.currentUser.id
  if (!(await room.joined(joined, invitees, self))) return
  const people = invitees.filter((c) => c.id !== self).map((c) => ({ id: c.id, name: c.name() }))
  await app.pipeline.greet(joined.id, people)
}

/** The Wechaty events the plugin listens to. */
interface Listeners {
  login: () => void
  logout: () => void
  stop: () => void
  ready: () => void
  message: (m: Message) => void
  'room-join': (r: Room, invitees: Contact[]) => void
}

/** Puts the listeners on the bot; returns the function that takes them off again. */
function wire(bot: Wechaty, listeners: Listeners): () => void {
  const pairs = Object.entries(listeners) as [keyof Listeners, (...args: never[]) => void][]
  for (const [event, listener] of pairs) bot.on(event, listener)
  return () => {
    for (const [event, listener] of pairs) bot.off(event, listener)
  }
}
