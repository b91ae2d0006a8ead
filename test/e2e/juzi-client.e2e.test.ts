/**
 * The WorkPro flavour, offline: the real entry point with WECHATY_PUPPET=@juzi/wechaty-puppet-service
 * against Juzi's own PuppetServer wrapping the mock, each in its own process (the two gRPC packages
 * share a protobuf namespace, so this test process loads neither client). The login waits for a
 * verify code, entered with `npm run verify-code`; later an admin enters one privately with
 * #验证码; files go out although the server refuses Juzi's empty first upload chunk (NOCHUNK:
 * a token other than WorkPro's uploads without it);
 * message texts never reach the log at INFO, and the token never does.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, startBot, watch, type Run } from '../support/child.js'
import { startJuziServer, type JuziServer } from '../support/juzi.js'

function whileAlive<T>(run: Run, p: Promise<T>): Promise<T> {
  const died = run.exited.then((code) => {
    throw new Error(`the bot exited (${code}):\n${run.output().slice(-3000)}`)
  })
  return Promise.race([p, died])
}

/** `npm run verify-code -- <code>`, as the operator types it on the server. */
async function verifyCodeScript(
  dataDir: string,
  code: string,
): Promise<{ code: number | null; out: string }> {
  const child = spawn('npm', ['run', '--silent', 'verify-code', '--', code], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const run = watch(child)
  return { code: await run.exited, out: run.output() }
}

describe('the Juzi (WorkPro) client against a Juzi puppet service', () => {
  let server: JuziServer
  beforeAll(async () => {
    server = await startJuziServer({ JUZI_VERIFY: '1' })
  }, 60_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('logs in with a verify code, serves the room, sends a file, and keeps texts and token out of the log', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-juzi-data-'))
    const run = startBot({
      WECHATY_PUPPET: '@juzi/wechaty-puppet-service',
      WECHATY_PUPPET_SERVICE_TOKEN: server.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: server.endpoint,
      WECHATY_LOG: 'info',
      GQF_ADMIN_CODE: 'JUZI-ADMIN-1',
      SEND_INTERVAL_MS: '0',
      DATA_DIR: dataDir,
    })
    try {
      // The service asks for the code; the operator is told (by default in the log) how to enter it.
      await whileAlive(run, run.printed('npm run verify-code -- 123456', 60_000))
      expect(server.events.some((e) => e.login)).toBe(false)
      expect(await verifyCodeScript(dataDir, '12345')).toMatchObject({ code: 1 })
      expect(await verifyCodeScript(dataDir, '123456')).toMatchObject({ code: 0 })
      await whileAlive(
        run,
        server.next((e) => e.entered?.code === '123456', 'the code from the script'),
      )
      await whileAlive(run, run.printed('coordination room bound', 90_000))

      // The room is served.
      let from = server.events.length
      server.say('juzi-a', '小周', '#注册 周敏 日新街道 妇联')
      const receipt = await whileAlive(
        run,
        server.next((e) => !!e.sent?.text.includes('注册成功'), 'a registration receipt', from),
      )
      expect(receipt.sent?.to).toBe('coord@chatroom')

      // An admin, privately: the admin code, then a verify code the service asks for again.
      from = server.events.length
      server.say('juzi-admin', '管理员', '#认证管理员 JUZI-ADMIN-1', { room: false })
      await whileAlive(
        run,
        server.next((e) => e.sent?.to === 'wx-juzi-admin', 'the admin reply', from),
      )
      from = server.events.length
      server.say('juzi-admin', '管理员', '#验证码 654321', { room: false })
      const notAsked = await whileAlive(
        run,
        server.next((e) => e.sent?.to === 'wx-juzi-admin', '#验证码 while none is asked', from),
      )
      expect(notAsked.sent?.text).toBe('当前没有等待输入的验证码。')
      server.askVerifyCode('vc-2')
      // Events reach the bot in order: the request is known before the admin's message is handled.
      from = server.events.length
      server.say('juzi-admin', '管理员', '#验证码 654321', { room: false })
      await whileAlive(
        run,
        server.next((e) => e.entered?.id === 'vc-2', 'the code from #验证码', from),
      )
      expect(server.events.find((e) => e.entered?.id === 'vc-2')?.entered?.code).toBe('654321')

      // A file: Juzi's upload would start with an empty chunk, which open-source servers refuse.
      from = server.events.length
      server.say('juzi-admin', '管理员', '#导出', { room: false })
      const file = await whileAlive(
        run,
        server.next((e) => !!e.file, 'an Excel file', from, 60_000),
      )
      expect(file.file?.name).toMatch(/\.xlsx$/)
      expect(file.file?.size).toBeGreaterThan(1000)
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
    const log = run.output()
    // Juzi's client prints every outgoing text at INFO; at WECHATY_LOG=info none of them shows.
    expect(log).not.toContain('注册成功')
    expect(log).not.toContain('messageSend(')
    expect(log).not.toContain(server.token.split('_').pop())
  }, 180_000)
})
