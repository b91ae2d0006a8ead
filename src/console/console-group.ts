/**
 * The console group: the coordination room played in a terminal on wechaty-puppet-mock, with the
 * same plugin as real WeChat. You type as a member; /as switches who speaks.
 */
import { createHash } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { createInterface } from 'node:readline'
import { WechatyBuilder } from 'wechaty'
import { existsSync, readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { mock } from 'wechaty-puppet-mock'
import { LinkServingPuppetMock, postMessage, type Posted } from './mock-messages.js'
import type { Repository } from '../core/ports.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import { GqfBot, type GqfBotHandle } from '../plugin.js'

const BOT_NAME = '工青妇协同助手'

type MockPayload = { payload: { talkerId?: string; text?: string } }
/** The mock's rooms and contacts are event emitters whose typings do not resolve here. */
export function onMockMessage(target: object, listener: (m: MockPayload) => void): void {
  ;(target as EventEmitter).on('message', listener)
}
const ROOM_ID = 'console-room@chatroom'

/** Stable ids, so a registration made in the console is still there after a restart. */
const contactId = (name: string) => 'console-' + createHash('sha1').update(name).digest('hex').slice(0, 12)

export const CONSOLE_HELP = [
  '控制台群：您在模拟的工作群中发言，机器人与真实微信中的行为相同。',
  '  直接输入        以当前身份在群里发言，例如：#注册 张三 日新街道 妇联',
  '  @助手 文本      @机器人发言',
  '  /as 姓名        切换发言人（不在群里的会先被拉进群）',
  '  /add 姓名       拉人进群',
  '  /dm 文本        以当前身份私聊机器人',
  '  /link 标题      分享一篇公众号文章（标题含“创建信息”等关键词的直接计入）',
  '  /file 文件      分享一个文件或图片（可写本机路径，或只写文件名）',
  '  /who            查看群成员',
  '  /help           查看本说明',
  '  /quit           退出',
].join('\n')

export interface ConsoleIO {
  input: NodeJS.ReadableStream
  output: NodeJS.WritableStream
}

export async function runConsole(
  cfg: Config,
  repo: Repository,
  logger: Logger,
  io: ConsoleIO = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const write = (s: string) => io.output.write(s + '\n')
  const mocker = new mock.Mocker()
  const puppet = new LinkServingPuppetMock({ mocker })
  const botUser = mocker.createContact({ id: 'console-bot', name: BOT_NAME })
  const people = new Map<string, ReturnType<typeof mocker.createContact>>()

  const room = mocker.createRoom({ id: ROOM_ID, topic: cfg.roomTopic, memberIdList: [botUser.id] })
  const person = (name: string) => {
    let c = people.get(name)
    if (!c) {
      c = mocker.createContact({ id: contactId(name), name })
      people.set(name, c)
      onMockMessage(c, (m) => {
        if (m.payload.talkerId === botUser.id)
          write(`\n【${BOT_NAME} → 私聊 ${name}】\n${m.payload.text ?? ''}`)
      })
    }
    return c
  }
  let speaker = person('张三')
  room.payload.memberIdList.push(speaker.id)

  onMockMessage(room, (m) => {
    if (m.payload.talkerId === botUser.id) {
      write(`\n【${BOT_NAME}】\n${m.payload.text ?? ''}`)
      rl.prompt(true)
    }
  })

  let handle: GqfBotHandle | undefined
  const bot = WechatyBuilder.build({ puppet })
  // The mock reports harmless payload misses on joins; keep them out of the conversation.
  bot.on('error', (e) => logger.debug('wechaty error', { error: e.message }))
  bot.use(
    GqfBot(
      {
        repo,
        roomTopic: cfg.roomTopic,
        sendIntervalMs: Math.min(cfg.sendIntervalMs, 300),
        maxMessageLength: cfg.maxMessageLength,
        reports: cfg.reports,
        reminders: cfg.reminders,
        digest: cfg.digest,
        maxFileBytes: cfg.maxFileBytes,
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

  const rl = createInterface({ input: io.input, output: io.output, terminal: false })
  const setPrompt = () => rl.setPrompt(`[${speaker.payload.name}] > `)
  write(`已进入控制台群“${cfg.roomTopic}”。数据目录：${cfg.dataDir}`)
  write(CONSOLE_HELP)
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
                : Buffer.from(`（控制台群模拟文件：${what.path}）`),
              image: /\.(jpe?g|png|gif)$/i.test(what.path),
            },
          }
    postMessage(puppet, { id, talkerId, roomId: room.id, at: new Date(), what: posted })
  }

  const join = (name: string) => {
    const c = person(name)
    if (!room.payload.memberIdList.includes(c.id)) room.add(c).by(speaker)
    return c
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
      write(`群成员 ${names.length} 人：${names.join('、')}（当前发言：${speaker.payload.name}）`)
    } else if (cmd === '/as' || cmd === '/add') {
      if (!rest) write(`用法：${cmd} 姓名`)
      else {
        const c = join(rest)
        if (cmd === '/as') speaker = c
        setPrompt()
      }
    } else if (cmd === '/dm') {
      if (rest) speaker.say(rest).to(botUser)
    } else if (cmd === '/link' || cmd === '/file') {
      if (!rest) write(`用法：${cmd} ${cmd === '/link' ? '标题' : '文件'}`)
      else share(speaker.id, cmd === '/link' ? { title: rest } : { path: rest })
    } else if (line.startsWith('@助手') || line.startsWith(`@${BOT_NAME}`)) {
      const text = line.replace(/^@\S+\s*/, '')
      speaker.say(`@${BOT_NAME}\u2005${text}`, [botUser]).to(room)
    } else {
      speaker.say(line).to(room)
    }
    rl.prompt()
  }
  rl.close()
  await new Promise((r) => setTimeout(r, 200))
  await handle?.idle()
  await Promise.race([bot.stop().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))])
  write('已退出控制台群。')
  process.exit(0)
}
