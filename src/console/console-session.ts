/** One session of the console group: the mock world, the bot on it, and the lines typed. */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { clearLine, createInterface, cursorTo } from 'node:readline'
import { WechatyBuilder } from 'wechaty'
import { mock } from 'wechaty-puppet-mock'
import { LinkServingPuppetMock, postMessage, type Posted } from './mock-messages.js'
import type { Repository } from '../core/ports.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { dataDirSize } from '../../storage/disk-usage.js'
import { programVersion } from '../version.js'
import { CONSOLE } from '../messages/console.js'
import { optionsFromConfig } from '../compose.js'
import { GqfBot, type GqfBotHandle } from '../plugin.js'
import {
  CONSOLE_HELP,
  contactId,
  isConsoleId,
  mentionsIn,
  onMockMessage,
  saveSentFile,
  type ConsoleIO,
  type MockPayload,
} from './console-contacts.js'

const BOT_NAME = CONSOLE.botName
const ROOM_ID = 'console-room@chatroom'
type Contact = ReturnType<InstanceType<typeof mock.Mocker>['createContact']>

export class ConsoleSession {
  private readonly mocker = new mock.Mocker()
  private readonly puppet = new LinkServingPuppetMock({ mocker: this.mocker })
  private readonly botUser = this.mocker.createContact({ id: 'console-bot', name: BOT_NAME })
  private readonly people = new Map<string, Contact>()
  private readonly room
  private readonly filesDir: string
  /** On a terminal, readline reads raw keys: the terminal's own line editing (canonical mode)
   * keeps only 4,095 bytes of a line, which cut a pasted 3,204-character report to 1,363. */
  private readonly terminal: boolean
  private rl: ReturnType<typeof createInterface> | undefined
  private speaker: Contact
  private returning: Contact[]
  private handle: GqfBotHandle | undefined
  private readonly bot
  private shared = 0

  constructor(
    private readonly cfg: Config,
    private readonly repo: Repository,
    private readonly logger: Logger,
    private readonly io: ConsoleIO,
  ) {
    this.terminal = io.input.isTTY === true
    this.filesDir = join(cfg.dataDir, 'console-files')
    this.room = this.mocker.createRoom({ id: ROOM_ID, topic: cfg.roomTopic, memberIdList: [this.botUser.id] })
    // The members of the last session: registered console contacts, under the name they spoke as.
    this.returning = repo
      .members()
      .filter((m) => isConsoleId(m.contactId))
      .map((m) => this.person(m.wechatName || m.name, m.contactId))
    for (const c of this.returning) this.room.payload.memberIdList.push(c.id)
    this.speaker = this.person(CONSOLE.firstSpeaker)
    if (!this.room.payload.memberIdList.includes(this.speaker.id))
      this.room.payload.memberIdList.push(this.speaker.id)
    onMockMessage(this.room, (m) => void this.fromBot(m, CONSOLE.bot(BOT_NAME)))
    this.bot = WechatyBuilder.build({ puppet: this.puppet })
  }

  /** Prints above the line being typed, then puts the prompt and the typed text back. */
  private write(s: string): void {
    if (this.terminal && this.rl) {
      clearLine(this.io.output, 0)
      cursorTo(this.io.output, 0)
    }
    this.io.output.write(s + '\n')
    if (this.rl) this.rl.prompt(true)
  }

  /** A file the bot sent: saved under DATA_DIR/console-files, named in the conversation. */
  private async shownFile(messageId: string): Promise<string | null> {
    try {
      const saved = await saveSentFile(this.mocker, messageId, this.filesDir)
      return saved && CONSOLE.fileSent(saved.name, saved.path)
    } catch (e) {
      this.logger.warn('console file not saved', { messageId, error: e })
      return CONSOLE.fileUnreadable(String(messageId))
    }
  }

  private async fromBot(m: MockPayload, header: string): Promise<void> {
    if (m.payload.talkerId !== this.botUser.id) return
    const file = m.payload.id ? await this.shownFile(m.payload.id) : null
    this.write(`\n${header}\n${file ?? m.payload.text ?? ''}`)
  }

  private person(name: string, id = contactId(name)): Contact {
    let c = this.people.get(name)
    if (!c) {
      c = this.mocker.createContact({ id, name })
      this.people.set(name, c)
      onMockMessage(c, (m) => void this.fromBot(m, CONSOLE.botPrivate(BOT_NAME, name)))
    }
    return c
  }

  /** Starts the bot with the same plugin as real WeChat, logs in, and greets the operator. */
  async start(logFile: string | null): Promise<void> {
    const { cfg, logger } = this
    // The mock reports harmless payload misses on joins; keep them out of the conversation.
    this.bot.on('error', (e) => logger.debug('wechaty error', { error: e.message }))
    const options = {
      repo: this.repo,
      roomTopic: cfg.roomTopic,
      ...optionsFromConfig(cfg),
      sendIntervalMs: Math.min(cfg.sendIntervalMs, 300),
      // #状态 tells the truth here too: the version, and the data on disk.
      version: programVersion(),
      storeSize: () => dataDirSize(cfg.dataDir, cfg.backup.dir),
      logger,
    }
    this.bot.use(GqfBot(options, (h) => (this.handle = h)))
    const ready = new Promise<void>((resolve) => this.bot.once('login', () => resolve()))
    await this.bot.start()
    this.mocker.login(this.botUser)
    await ready
    this.puppet.emit('ready', { data: 'console' })

    this.write(CONSOLE.entered(cfg.roomTopic, cfg.dataDir))
    if (logFile) this.write(CONSOLE.logFile(logFile))
    this.write(CONSOLE.filesFolder(this.filesDir))
    this.write(CONSOLE_HELP)
    if (this.returning.length > 0) this.write(CONSOLE.restored(this.returning.map((c) => c.payload.name)))
  }

  private setPrompt(): void {
    this.rl?.setPrompt(`[${this.speaker.payload.name}] > `)
  }

  /** Reads lines until /quit (or the end of the input). */
  async converse(): Promise<void> {
    const { io, terminal } = this
    this.rl = createInterface({ input: io.input, output: io.output, terminal, crlfDelay: Infinity })
    this.setPrompt()
    this.rl.prompt()
    for await (const raw of this.rl) {
      const line = raw.trim()
      if (line !== '' && !this.obey(line)) break
      this.rl.prompt()
    }
    this.rl.close()
    this.rl = undefined
  }

  /** One typed line: a console command or words said in the room; false for /quit. */
  private obey(line: string): boolean {
    const [cmd, ...restWords] = line.split(/\s+/)
    const rest = restWords.join(' ')
    if (cmd === '/quit' || cmd === '/exit') return false
    if (cmd === '/help') this.write(CONSOLE_HELP)
    else if (cmd === '/who') this.write(CONSOLE.members(this.roomNames(), this.speaker.payload.name))
    else if (cmd === '/as' || cmd === '/add') {
      if (!rest) this.write(CONSOLE.usage(cmd))
      else {
        const already = this.room.payload.memberIdList.includes(this.known(rest).id)
        const c = this.bringIn(rest)
        if (cmd === '/add' && already) this.write(CONSOLE.alreadyIn(rest))
        if (cmd === '/as') this.speaker = c
        this.setPrompt()
      }
    } else if (cmd === '/dm') {
      if (rest) this.speaker.say(rest).to(this.botUser)
    } else if (cmd === '/link' || cmd === '/file') {
      if (!rest) this.write(CONSOLE.usage(cmd))
      else this.share(this.speaker.id, cmd === '/link' ? { title: rest } : { path: rest })
    } else this.sayInRoom(line)
    return true
  }

  private roomNames(): string[] {
    return this.room.payload.memberIdList
      .filter((id) => id !== this.botUser.id)
      .map((id) => this.mocker.contactPayload(id).name)
  }

  /** A shared article or file in the room, as WeChat delivers it. */
  private share(talkerId: string, what: { title: string } | { path: string }): void {
    const n = ++this.shared
    const id = `console-share-${Date.now()}-${n}`
    const posted: Posted =
      'title' in what
        ? {
            link: {
              title: what.title,
              url: `https://mp.weixin.qq.com/s/console-${n}`,
              description: what.title,
            },
          }
        : {
            file: {
              name: basename(what.path),
              data: existsSync(what.path)
                ? readFileSync(what.path)
                : Buffer.from(CONSOLE.simulatedFile(what.path)),
              image: /\.(jpe?g|png|gif)$/i.test(what.path),
            },
          }
    postMessage(this.puppet, { id, talkerId, roomId: this.room.id, at: new Date(), what: posted })
  }

  /** The contact for a name: someone who spoke as it, else the registered console member so named. */
  private known(name: string): Contact {
    const spoke = this.people.get(name)
    if (spoke) return spoke
    const registered = this.repo.members().filter((m) => m.name === name && isConsoleId(m.contactId))
    const one = registered.length === 1 ? registered[0]! : undefined
    return one ? this.person(one.wechatName || one.name, one.contactId) : this.person(name)
  }

  private bringIn(name: string): Contact {
    const c = this.known(name)
    if (!this.room.payload.memberIdList.includes(c.id)) this.room.add(c).by(this.speaker)
    return c
  }

  /** Says a line in the room, with its @-mentions as real mentions of room members. */
  private sayInRoom(line: string): void {
    const inRoom = new Map(
      this.room.payload.memberIdList
        .filter((id) => id !== this.botUser.id)
        .map((id) => [this.mocker.contactPayload(id).name, this.mocker.ContactMock.load(id)] as const),
    )
    inRoom.set(CONSOLE.botShortName, this.botUser)
    inRoom.set(BOT_NAME, this.botUser)
    const { text, names, unknown } = mentionsIn(line, [...inRoom.keys()])
    const said = text.replace(new RegExp(`@${CONSOLE.botShortName}\u2005`, 'g'), `@${BOT_NAME}\u2005`)
    const contacts = [...new Set(names.map((n) => inRoom.get(n)!))]
    if (unknown.length > 0) this.write(CONSOLE.unknownMention(unknown))
    this.speaker.say(said, contacts).to(this.room)
  }

  /** Lets the last replies go out, stops the bot (at most 3 s), and says goodbye. */
  async stop(): Promise<void> {
    await new Promise((r) => setTimeout(r, 200))
    await this.handle?.idle()
    await Promise.race([this.bot.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
    this.write(CONSOLE.quit)
  }
}
