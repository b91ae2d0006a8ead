/**
 * The console group: the coordination room played in a terminal on wechaty-puppet-mock, with the
 * same plugin as real WeChat. You type as a member; /as switches who speaks.
 *
 * What the terminal shows is the conversation only: log lines go to a file (see main.ts); files the
 * bot sends are saved under DATA_DIR/console-files and named; `@名字` of a member becomes a real
 * mention of that contact, as WeChat sends it; the members of the last session (registered
 * console contacts in the store) are back in the room at start.
 */
import { createHash } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { clearLine, createInterface, cursorTo } from 'node:readline'
import { FileBox } from 'file-box'
import { WechatyBuilder } from 'wechaty'
import { mock } from 'wechaty-puppet-mock'
import { safeFileName } from '../../storage/report-store.js'
import { LinkServingPuppetMock, postMessage, type Posted } from './mock-messages.js'
import type { Repository } from '../core/ports.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { dataDirSize } from '../../storage/disk-usage.js'
import { programVersion } from '../version.js'
import { CONSOLE } from '../messages/console.js'
import { optionsFromConfig } from '../compose.js'
import { GqfBot, type GqfBotHandle } from '../plugin.js'

const BOT_NAME = CONSOLE.botName

type MockPayload = { payload: { id?: string; talkerId?: string; text?: string } }
/** The mock's rooms and contacts are event emitters whose typings do not resolve here. */
export function onMockMessage(target: object, listener: (m: MockPayload) => void): void {
  ;(target as EventEmitter).on('message', listener)
}
const ROOM_ID = 'console-room@chatroom'
const ID_PREFIX = 'console-'

/** Stable ids, so a registration made in the console is still there after a restart. */
export const contactId = (name: string) =>
  ID_PREFIX + createHash('sha1').update(name).digest('hex').slice(0, 12)

/** A contact id the console group made (the bot's own excepted). */
export const isConsoleId = (id: string) =>
  id.startsWith(ID_PREFIX) && /^[0-9a-f]{12}$/.test(id.slice(ID_PREFIX.length))

export const CONSOLE_HELP = CONSOLE.help

/**
 * `@名字` in typed text, as WeChat sends a mention: each known name (longest first, so @张三丰 is
 * not @张三) becomes `@名字` + U+2005 and is listed; other `@words` stay plain text.
 */
export function mentionsIn(
  text: string,
  known: readonly string[],
): { text: string; names: string[]; unknown: string[] } {
  const names: string[] = []
  const unknown: string[] = []
  const byLength = [...known].sort((a, b) => [...b].length - [...a].length)
  const out = text.replace(/@([^\s@\u2005]+)[ \u2005]?/g, (whole, word: string) => {
    const name = byLength.find((n) => word.startsWith(n))
    if (!name) {
      unknown.push(word)
      return whole
    }
    if (!names.includes(name)) names.push(name)
    const tail = word.slice(name.length)
    return `@${name}\u2005${tail}${tail && whole.endsWith(' ') ? ' ' : ''}`
  })
  return { text: out.trimEnd(), names, unknown }
}

/** A free file name in `dir` for `name`: name, name-2, name-3… */
function freePath(dir: string, name: string): string {
  const safe = safeFileName(name)
  const ext = extname(safe)
  const stem = safe.slice(0, safe.length - ext.length)
  let path = join(dir, safe)
  for (let i = 2; existsSync(path); i++) path = join(dir, `${stem}-${i}${ext}`)
  return path
}

/**
 * Saves the file a mock message carries (what the bot sent with `OutgoingFile`) under `dir`, with
 * its own name made safe and not overwriting an earlier one; null when the message has no file.
 */
export async function saveSentFile(
  mocker: InstanceType<typeof mock.Mocker>,
  messageId: string,
  dir: string,
): Promise<{ name: string; path: string } | null> {
  const json = mocker.cacheFileBoxPayload.get(messageId)
  if (!json) return null
  const box = FileBox.fromJSON(json)
  mkdirSync(dir, { recursive: true })
  const path = freePath(dir, box.name)
  writeFileSync(path, await box.toBuffer())
  return { name: box.name, path }
}

export interface ConsoleIO {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream
}

export interface ConsoleOptions {
  /** Where the log lines go (named at start); null when they are not written to a file. */
  logFile?: string | null
  io?: ConsoleIO
}

export async function runConsole(
  cfg: Config,
  repo: Repository,
  logger: Logger,
  opts: ConsoleOptions = {},
): Promise<void> {
  const io = opts.io ?? { input: process.stdin, output: process.stdout }
  // On a terminal, readline reads raw keys: the terminal's own line editing (canonical mode)
  // keeps only 4,095 bytes of a line, which cut a pasted 3,204-character report to 1,363.
  const terminal = io.input.isTTY === true
  const mocker = new mock.Mocker()
  const puppet = new LinkServingPuppetMock({ mocker })
  const botUser = mocker.createContact({ id: 'console-bot', name: BOT_NAME })
  const people = new Map<string, ReturnType<typeof mocker.createContact>>()
  const filesDir = join(cfg.dataDir, 'console-files')

  let rl: ReturnType<typeof createInterface> | undefined
  /** Prints above the line being typed, then puts the prompt and the typed text back. */
  const write = (s: string) => {
    if (terminal && rl) {
      clearLine(io.output, 0)
      cursorTo(io.output, 0)
    }
    io.output.write(s + '\n')
    if (rl) rl.prompt(true)
  }

  /** A file the bot sent: saved under DATA_DIR/console-files, named in the conversation. */
  const shownFile = async (messageId: string): Promise<string | null> => {
    try {
      const saved = await saveSentFile(mocker, messageId, filesDir)
      return saved && CONSOLE.fileSent(saved.name, saved.path)
    } catch (e) {
      logger.warn('console file not saved', { messageId, error: e })
      return CONSOLE.fileUnreadable(String(messageId))
    }
  }
  const fromBot = async (m: MockPayload, header: string) => {
    if (m.payload.talkerId !== botUser.id) return
    const file = m.payload.id ? await shownFile(m.payload.id) : null
    write(`\n${header}\n${file ?? m.payload.text ?? ''}`)
  }

  const room = mocker.createRoom({ id: ROOM_ID, topic: cfg.roomTopic, memberIdList: [botUser.id] })
  const person = (name: string, id = contactId(name)) => {
    let c = people.get(name)
    if (!c) {
      c = mocker.createContact({ id, name })
      people.set(name, c)
      onMockMessage(c, (m) => void fromBot(m, CONSOLE.botPrivate(BOT_NAME, name)))
    }
    return c
  }

  // The members of the last session: registered console contacts, under the name they spoke as.
  const returning = repo
    .members()
    .filter((m) => isConsoleId(m.contactId))
    .map((m) => person(m.wechatName || m.name, m.contactId))
  for (const c of returning) room.payload.memberIdList.push(c.id)
  let speaker = person(CONSOLE.firstSpeaker)
  if (!room.payload.memberIdList.includes(speaker.id)) room.payload.memberIdList.push(speaker.id)

  onMockMessage(room, (m) => void fromBot(m, CONSOLE.bot(BOT_NAME)))

  let handle: GqfBotHandle | undefined
  const bot = WechatyBuilder.build({ puppet })
  // The mock reports harmless payload misses on joins; keep them out of the conversation.
  bot.on('error', (e) => logger.debug('wechaty error', { error: e.message }))
  bot.use(
    GqfBot(
      {
        repo,
        roomTopic: cfg.roomTopic,
        ...optionsFromConfig(cfg),
        sendIntervalMs: Math.min(cfg.sendIntervalMs, 300),
        // #状态 tells the truth here too: the version, and the data on disk.
        version: programVersion(),
        storeSize: () => dataDirSize(cfg.dataDir, cfg.backup.dir),
        logger,
      },
      (h) => (handle = h),
    ),
  )
  const ready = new Promise<void>((resolve) => bot.once('login', () => resolve()))
  await bot.start()
  mocker.login(botUser)
  await ready
  puppet.emit('ready', { data: 'console' })

  write(CONSOLE.entered(cfg.roomTopic, cfg.dataDir))
  if (opts.logFile) write(CONSOLE.logFile(opts.logFile))
  write(CONSOLE.filesFolder(filesDir))
  write(CONSOLE_HELP)
  if (returning.length > 0) write(CONSOLE.restored(returning.map((c) => c.payload.name)))
  rl = createInterface({ input: io.input, output: io.output, terminal, crlfDelay: Infinity })
  const setPrompt = () => rl?.setPrompt(`[${speaker.payload.name}] > `)
  setPrompt()
  rl.prompt()

  let shared = 0
  /** A shared article or file in the room, as WeChat delivers it. */
  const share = (talkerId: string, what: { title: string } | { path: string }) => {
    const id = `console-share-${Date.now()}-${++shared}`
    const posted: Posted =
      'title' in what
        ? {
            link: {
              title: what.title,
              url: `https://mp.weixin.qq.com/s/console-${shared}`,
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
    postMessage(puppet, { id, talkerId, roomId: room.id, at: new Date(), what: posted })
  }

  /** The contact for a name: someone who spoke as it, else the registered console member so named. */
  const known = (name: string) => {
    const spoke = people.get(name)
    if (spoke) return spoke
    const registered = repo.members().filter((m) => m.name === name && isConsoleId(m.contactId))
    const one = registered.length === 1 ? registered[0]! : undefined
    return one ? person(one.wechatName || one.name, one.contactId) : person(name)
  }
  const bringIn = (name: string) => {
    const c = known(name)
    if (!room.payload.memberIdList.includes(c.id)) room.add(c).by(speaker)
    return c
  }
  /** Says a line in the room, with its @-mentions as real mentions of room members. */
  const sayInRoom = (line: string) => {
    const inRoom = new Map(
      room.payload.memberIdList
        .filter((id) => id !== botUser.id)
        .map((id) => [mocker.contactPayload(id).name, mocker.ContactMock.load(id)] as const),
    )
    inRoom.set(CONSOLE.botShortName, botUser)
    inRoom.set(BOT_NAME, botUser)
    const { text, names, unknown } = mentionsIn(line, [...inRoom.keys()])
    const said = text.replace(new RegExp(`@${CONSOLE.botShortName}\u2005`, 'g'), `@${BOT_NAME}\u2005`)
    const contacts = [...new Set(names.map((n) => inRoom.get(n)!))]
    if (unknown.length > 0) write(CONSOLE.unknownMention(unknown))
    speaker.say(said, contacts).to(room)
  }

  for await (const raw of rl) {
    const line = raw.trim()
    if (line === '') {
      rl.prompt()
      continue
    }
    const [cmd, ...restWords] = line.split(/\s+/)
    const rest = restWords.join(' ')
    if (cmd === '/quit' || cmd === '/exit') break
    if (cmd === '/help') write(CONSOLE_HELP)
    else if (cmd === '/who') {
      const names = room.payload.memberIdList
        .filter((id) => id !== botUser.id)
        .map((id) => mocker.contactPayload(id).name)
      write(CONSOLE.members(names, speaker.payload.name))
    } else if (cmd === '/as' || cmd === '/add') {
      if (!rest) write(CONSOLE.usage(cmd))
      else {
        const already = room.payload.memberIdList.includes(known(rest).id)
        const c = bringIn(rest)
        if (cmd === '/add' && already) write(CONSOLE.alreadyIn(rest))
        if (cmd === '/as') speaker = c
        setPrompt()
      }
    } else if (cmd === '/dm') {
      if (rest) speaker.say(rest).to(botUser)
    } else if (cmd === '/link' || cmd === '/file') {
      if (!rest) write(CONSOLE.usage(cmd))
      else share(speaker.id, cmd === '/link' ? { title: rest } : { path: rest })
    } else {
      sayInRoom(line)
    }
    rl.prompt()
  }
  rl.close()
  rl = undefined
  await new Promise((r) => setTimeout(r, 200))
  await handle?.idle()
  await Promise.race([bot.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  write(CONSOLE.quit)
  process.exit(0)
}
