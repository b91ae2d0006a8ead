/**
 * A mock WeChat world served over the real production path: a wechaty-puppet-service PuppetServer
 * on 127.0.0.1 wrapping wechaty-puppet-mock. The bot connects to it as a client with a token.
 */
import { randomUUID } from 'node:crypto'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { mock } from 'wechaty-puppet-mock'
import type { FileBoxInterface } from 'file-box'
import { LinkServingPuppetMock, postMessage, type Posted } from '../../src/console/mock-messages.js'
import { PuppetService } from 'wechaty-puppet-service'
import { ServingPuppetServer as PuppetServer } from './puppet-server.js'
import { GqfBot, type GqfBotHandle, type GqfBotOptions } from '../../src/plugin.js'
import { openRepository } from '../../storage/repository.js'
import { knowHolidays } from './known-holidays.js'
import type { Repository } from '../../src/core/ports.js'
import { DEFAULTS } from '../../src/config.js'
import { memoryLogger } from '../../src/logger.js'
import { freePortNumber } from './free-port.js'

export const BOT_NAME = '工青妇协同助手'

/** A TCP port free on 127.0.0.1 right now: the one helper of test/support/free-port.ts. */
export const freePort = freePortNumber

type ContactMock = ReturnType<mock.Mocker['createContact']>
type RoomMock = ReturnType<mock.Mocker['createRoom']>

export interface Said {
  text: string
  mentionIds: string[]
}

/** The mock puppet, recording the @-mentions the bot sends (the mock itself drops them) and serving shared links. */
export class RecordingPuppetMock extends LinkServingPuppetMock {
  readonly sends: { conversationId: string; text: string; mentionIds: string[] }[] = []
  /** Files the bot sent, with their bytes. */
  readonly files: { conversationId: string; name: string; data: Buffer }[] = []
  private readonly watchers = new Set<() => void>()
  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    this.files.push({ conversationId, name: file.name, data: await file.toBuffer() })
    for (const w of [...this.watchers]) w()
    return super.messageSendFile(conversationId, file)
  }
  /** While true, sends never complete and are not recorded (WeChat hangs; the bot is killed meanwhile). */
  hold = false
  /** The next this-many sends fail (WeChat refuses them); Infinity: every send fails. */
  failNext = 0
  /** Sends refused so far. */
  refused = 0
  override async messageSendText(
    conversationId: string,
    text: string,
    mentionIdList?: string[],
  ): Promise<void> {
    if (this.hold) return new Promise<void>(() => undefined)
    if (this.failNext > 0) {
      this.failNext--
      this.refused++
      throw new Error('mock: send refused')
    }
    this.sends.push({ conversationId, text, mentionIds: mentionIdList ?? [] })
    for (const w of [...this.watchers]) w()
    return super.messageSendText(conversationId, text)
  }

  /**
   * Resolves once `check` holds, checked now and after every message the bot sends. Rejects after
   * `ms` with `what` (a safety net against a hung test, not a timed assertion).
   */
  whenSent(check: () => boolean, what: string, ms = 20_000): Promise<void> {
    if (check()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.watchers.delete(watch)
        reject(new Error(`the bot never sent ${what}; it sent: ${JSON.stringify(this.sends.slice(-5))}`))
      }, ms)
      const watch = () => {
        if (!check()) return
        clearTimeout(timer)
        this.watchers.delete(watch)
        resolve()
      }
      this.watchers.add(watch)
    })
  }
}

export class World {
  readonly mocker = new mock.Mocker()
  readonly puppet: RecordingPuppetMock = new RecordingPuppetMock({ mocker: this.mocker })
  readonly token = `insecure_${randomUUID()}`
  readonly botUser: ContactMock
  readonly room: RoomMock
  readonly otherRoom: RoomMock
  /** What the bot said in the coordination room, in order. */
  get roomLog(): Said[] {
    return this.puppet.sends.filter((s) => s.conversationId === this.room.id)
  }
  /** What the bot said in other rooms (should stay empty). */
  get otherLog(): Said[] {
    return this.puppet.sends.filter(
      (s) => s.conversationId.includes('@') && s.conversationId !== this.room.id,
    )
  }
  /** What the bot said in private to one person, in order. */
  privateTo(who: { id: string }): string[] {
    return this.puppet.sends.filter((s) => s.conversationId === who.id).map((s) => s.text)
  }
  /** Everything the bot has sent so far. */
  get sent(): number {
    return this.puppet.sends.length
  }

  /** Does `act`, then resolves with the next `n` messages the bot sends (in any conversation). */
  async replies(act: () => unknown, n = 1): Promise<(Said & { conversationId: string })[]> {
    const from = this.sent
    act()
    await this.puppet.whenSent(() => this.sent >= from + n, `${n} message(s)`)
    return this.puppet.sends.slice(from, from + n)
  }

  /** Resolves once the bot has sent `count` messages in all since the world started. */
  untilSent(count: number): Promise<void> {
    return this.puppet.whenSent(() => this.sent >= count, `${count} messages in all`)
  }

  private markers = 0

  /**
   * Does `act` (input the bot must not answer), then sends a marker the bot does answer (an
   * unknown command, by `marker` — in the room by default) and waits for that answer and for the
   * bot to be idle. Resolves with whatever else the bot sent meanwhile: [] when it kept quiet.
   */
  async silence(
    client: BotClient,
    act: () => unknown,
    marker: (text: string) => unknown = (text) => this.say(this.person('marker', '标记员', false), text),
  ): Promise<Said[]> {
    const from = this.sent
    const text = `#静默标记${++this.markers}`
    const isMarker = (s: Said) => s.text.includes(text)
    act()
    marker(text)
    await this.puppet.whenSent(() => this.puppet.sends.slice(from).some(isMarker), `the answer to ${text}`)
    await client.handle.idle()
    return this.puppet.sends.slice(from).filter((s) => !isMarker(s))
  }
  endpoint = ''
  private server?: PuppetServer
  private heartbeat?: NodeJS.Timeout
  private readonly people = new Map<string, ContactMock>()

  constructor(readonly topic = DEFAULTS.roomTopic) {
    this.botUser = this.mocker.createContact({ id: 'bot-self', name: BOT_NAME })
    this.room = this.mocker.createRoom({ id: 'coord@chatroom', topic, memberIdList: [this.botUser.id] })
    this.otherRoom = this.mocker.createRoom({
      id: 'other@chatroom',
      topic: '闲聊群',
      memberIdList: [this.botUser.id],
    })
    // The mock world logs the bot in once the client has started the puppet, then says it is ready
    // and keeps the service client's watchdog fed.
    this.mocker.use(() => {
      this.mocker.login(this.botUser)
      setTimeout(() => this.puppet.emit('ready', { data: 'ready' }), 0)
      this.heartbeat = setInterval(() => this.puppet.emit('heartbeat', { data: 'mock' }), 15_000)
      return () => clearInterval(this.heartbeat)
    })
  }

  /**
   * A stopped world's puppet stays on (a test may start the world again, as after an outage), and
   * its watchdog, no longer fed, reports an error a minute later. Test files share one process, so
   * that error would reach a later file: while the world is stopped nobody is listening, and it is
   * dropped here.
   */
  private readonly whileStopped = (): void => undefined

  async start(port?: number): Promise<this> {
    this.puppet.off('error', this.whileStopped)
    const p = port ?? (await freePort())
    this.endpoint = `127.0.0.1:${p}`
    this.server = new PuppetServer({ endpoint: this.endpoint, puppet: this.puppet, token: this.token })
    await this.server.start()
    return this
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat)
    await this.server?.stop()
    if (!this.puppet.listeners('error').includes(this.whileStopped))
      this.puppet.on('error', this.whileStopped)
  }

  /** A person in the world, created on first use (stable id from the key). */
  person(key: string, name = key, inRoom = true): ContactMock {
    let c = this.people.get(key)
    if (!c) {
      c = this.mocker.createContact({ id: `wx-${key}`, name })
      this.people.set(key, c)
      if (inRoom) this.room.payload.memberIdList.push(c.id)
    }
    return c
  }

  say(who: ContactMock, text: string, mentions: ContactMock[] = []): void {
    who.say(text, mentions).to(this.room)
  }

  /** `@工青妇协同助手 text`, as the WeChat client writes it (U+2005 after the name). */
  sayToBot(who: ContactMock, text: string): void {
    who.say(`@${BOT_NAME}\u2005${text}`, [this.botUser]).to(this.room)
  }

  /** The id of the latest message `who` sent with exactly this text (to replay it). */
  idOf(who: ContactMock, text: string): string {
    const m = [...this.mocker.cacheMessagePayload.values()]
      .filter((p) => p.talkerId === who.id && p.text === text)
      .at(-1)
    if (!m) throw new Error(`${who.id} never said ${text}`)
    return m.id
  }

  /** Delivers a message again, as the puppet service does after a reconnect. */
  replay(id: string): void {
    this.puppet.emit('message', { messageId: id })
  }

  dm(who: ContactMock, text: string): void {
    who.say(text).to(this.botUser)
  }

  private posted = 0

  /**
   * A message in the coordination room as WeChat delivers it, at a chosen time: text, a shared
   * article (Url), a file (Attachment) or a photo (Image). Returns its id.
   */
  post(who: ContactMock, at: Date, what: Posted): string {
    return postMessage(this.puppet, {
      id: `post-${++this.posted}-${who.id}`,
      talkerId: who.id,
      roomId: this.room.id,
      at,
      what,
    })
  }
}

export interface BotClient {
  bot: Wechaty
  repo: Repository
  handle: GqfBotHandle
  errors: Error[]
  stop(): Promise<void>
}

/** The bot as production runs it: a Wechaty client on PuppetService, with the GqfBot plugin. */
export async function connectBot(
  world: World,
  opts: Partial<GqfBotOptions> & { dataDir?: string | null; holidaysMissing?: boolean } = {},
): Promise<BotClient> {
  const repo = opts.repo ?? (await openRepository(opts.dataDir ?? null))
  // Next year's holidays known, unless the test is about asking for them (test/support/known-holidays.ts).
  if (!opts.holidaysMissing) await knowHolidays(repo, opts.clock?.() ?? new Date())
  const puppet = new PuppetService({ token: world.token, endpoint: world.endpoint })
  const bot = WechatyBuilder.build({ puppet })
  const errors: Error[] = []
  bot.on('error', (e) => {
    errors.push(e)
  })
  let handle: GqfBotHandle | undefined
  const logger = opts.logger ?? memoryLogger()
  // Reminders only where a test asks for them: real time must not slip a reminder into other tests.
  bot.use(
    GqfBot(
      { roomTopic: world.topic, sendIntervalMs: 0, reminders: false, ...opts, logger, repo },
      (h) => (handle = h),
    ),
  )
  // Listeners after the plugin's: by the time these fire, its login/ready work is in flight.
  const loggedIn = new Promise<void>((resolve) => bot.once('login', () => resolve()))
  const ready = new Promise<void>((resolve) => bot.once('ready', () => resolve()))
  await bot.start()
  await loggedIn
  await ready
  // The room is bound (or known to be missing) once the login and ready handlers are done.
  await handle!.idle()
  return {
    bot,
    repo,
    handle: handle!,
    errors,
    async stop() {
      await bot.stop().catch(() => undefined)
    },
  }
}
