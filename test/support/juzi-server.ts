/**
 * A Juzi puppet service on 127.0.0.1, in a process of its own: Juzi's open-source PuppetServer
 * (@juzi/wechaty-puppet-service) wrapping wechaty-puppet-mock, TLS off as WorkPro has it. Run as
 * `tsx test/support/juzi-server.ts`; Juzi's gRPC stubs and the vanilla ones share a protobuf
 * namespace, so this process loads only Juzi's (and the test that drives it neither).
 *
 * With JUZI_VERIFY=1 the account logs in only after the verify code 123456 has been entered (a
 * wrong code is answered with another request, status 3 as WorkPro does).
 *
 * Talks JSON lines. Out (stdout): {"ready":{"endpoint","token"}}, {"sent":{"to","text"}},
 * {"file":{"to","name","size"}}, {"entered":{"id","code"}}, {"login":true}.
 * In (stdin): {"say":{"who","name","text","room"?,"mention"?}}, {"verify":{"id"}}.
 */
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import type { FileBoxInterface } from 'file-box'
import { PuppetServer, log } from '@juzi/wechaty-puppet-service'
import { mock, PuppetMock } from 'wechaty-puppet-mock'
import { freePortNumber } from './free-port.js'

const ROOM_TOPIC = '大连市工青妇基层组织协同创新发展'
const BOT_NAME = '工青妇协同助手'
const CODE = '123456'

// Its own log lines stay off stdout, which carries the JSON lines.
log.level('silent')

const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n')

class JuziMock extends PuppetMock {
  override async messageSendText(
    conversationId: string,
    text: string,
    mentionIdList?: string[],
  ): Promise<void> {
    out({ sent: { to: conversationId, text, mentions: mentionIdList ?? [] } })
    return super.messageSendText(conversationId, text)
  }
  override async messageSendFile(conversationId: string, file: FileBoxInterface): Promise<void> {
    const data = await file.toBuffer()
    out({ file: { to: conversationId, name: file.name, size: data.length } })
    return super.messageSendFile(conversationId, file)
  }
  /** Juzi's verify-code RPC: the right code logs the account in; a wrong one is asked again. */
  async enterVerifyCode(id: string, code: string): Promise<void> {
    out({ entered: { id, code } })
    if (code === CODE && !this.isLoggedIn) login()
    else if (code !== CODE)
      setTimeout(() => this.emit('verify-code' as never, { id, scene: 1, status: 3 } as never), 10)
  }
  async cancelVerifyCode(): Promise<void> {}
}

const mocker = new mock.Mocker()
const puppet = new JuziMock({ mocker })
const botUser = mocker.createContact({ id: 'bot-self', name: BOT_NAME })
const room = mocker.createRoom({ id: 'coord@chatroom', topic: ROOM_TOPIC, memberIdList: [botUser.id] })
const people = new Map<string, ReturnType<mock.Mocker['createContact']>>()
let heartbeat: NodeJS.Timeout | undefined

function login(): void {
  mocker.login(botUser)
  setTimeout(() => puppet.emit('ready', { data: 'ready' }), 0)
  out({ login: true })
}

mocker.use(() => {
  if (process.env['JUZI_VERIFY'] === '1') {
    setTimeout(() => puppet.emit('verify-code' as never, { id: 'vc-1', scene: 1, status: 1 } as never), 100)
  } else login()
  heartbeat = setInterval(() => puppet.emit('heartbeat', { data: 'mock' }), 15_000)
  return () => clearInterval(heartbeat)
})

function person(key: string, name: string) {
  let c = people.get(key)
  if (!c) {
    c = mocker.createContact({ id: `wx-${key}`, name })
    people.set(key, c)
    room.payload.memberIdList.push(c.id)
  }
  return c
}

// Not a WorkPro token: a self-hosted server, to which the client uploads without the empty first chunk
// (this server dies of that chunk: an unhandled NOCHUNK rejection).
const token = `juzi_${randomUUID()}`
const endpoint = `127.0.0.1:${await freePortNumber()}`
const server = new PuppetServer({
  endpoint,
  token,
  puppet: puppet as unknown as ConstructorParameters<typeof PuppetServer>[0]['puppet'],
  tls: { disable: true },
})
await server.start()
out({ ready: { endpoint, token } })

interface Command {
  say?: { who: string; name: string; text: string; room?: boolean; mention?: boolean }
  verify?: { id: string }
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const c = JSON.parse(line) as Command
  if (c.say) {
    const who = person(c.say.who, c.say.name)
    if (c.say.room === false) who.say(c.say.text).to(botUser)
    else if (c.say.mention) who.say(`@${BOT_NAME}\u2005${c.say.text}`, [botUser]).to(room)
    else who.say(c.say.text).to(room)
  }
  if (c.verify) puppet.emit('verify-code' as never, { id: c.verify.id, scene: 1, status: 1 } as never)
})

const stop = () => {
  clearInterval(heartbeat)
  void server.stop().finally(() => process.exit(0))
}
process.on('SIGTERM', stop)
process.stdin.on('end', stop)
