import { Brolog, log as brologGlobal } from 'brolog'
import { afterEach, describe, expect, it } from 'vitest'
import { log as wechatyLog } from 'wechaty'
import { routeLogger, routeWechatyLog } from '../src/wechaty-log.js'

const TOKEN = 'insecure_3f6c0d2e-1b7a-4c55-9e0f-0123456789ab'
const CODE = 'ADMIN-CODE-77'

describe("Wechaty's own log lines", () => {
  afterEach(() => routeWechatyLog('error', []))

  it('are written with the token and the admin code replaced, from both brolog instances', () => {
    const lines: string[] = []
    routeWechatyLog('silly', [TOKEN, CODE], (l) => lines.push(l))
    // What wechaty-puppet prints at silly/verbose level when the puppet is built.
    wechatyLog.verbose('PuppetSkeleton', 'constructor(%s)', JSON.stringify({ token: TOKEN }))
    wechatyLog.silly('Test', 'code %s in %s', CODE, 'text')
    brologGlobal.verbose('WechatyToken', 'discover(%s)', TOKEN)
    const text = lines.join('\n')
    expect(text).toContain('VERB PuppetSkeleton constructor({"token":"***"})')
    expect(text).toContain('SILL Test code *** in text')
    expect(text).toContain('VERB WechatyToken discover(***)')
    expect(text).not.toContain('3f6c0d2e')
    expect(text).not.toContain(CODE)
  })

  it('follow the configured level', () => {
    const lines: string[] = []
    routeWechatyLog('warn', [TOKEN], (l) => lines.push(l))
    wechatyLog.info('X', 'quiet')
    wechatyLog.warn('X', 'loud %s', TOKEN)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/WARN X loud \*\*\*$/)
  })

  it('keep a client that prints message texts at INFO (Juzi) quiet at INFO, and show those lines only at verbose', () => {
    const juzi = new Brolog()
    const lines: string[] = []
    routeLogger(juzi, 'info', [TOKEN], (l) => lines.push(l), { textsAtInfo: true })
    juzi.info('PuppetService', 'messageSend(room@chatroom, 周敏 注册成功) about to call grpc')
    juzi.warn('PuppetService', 'reconnect %s', TOKEN)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/WARN PuppetService reconnect \*\*\*$/)
    routeLogger(juzi, 'verbose', [TOKEN], (l) => lines.push(l), { textsAtInfo: true })
    juzi.info('PuppetService', 'messageSend(room@chatroom, hello)')
    expect(lines.at(-1)).toMatch(/VERB PuppetService messageSend\(room@chatroom, hello\)$/)
  })
})
