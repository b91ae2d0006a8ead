/** Alerts outside WeChat: each service's documented text format, one message per incident, recovery, no secrets. */
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import {
  Alerter,
  webhookChannel,
  webhookFlavour,
  webhookRequest,
  type Alert,
  type AlertChannel,
  type AlertSink,
} from '../../src/ops/alerts.js'

const at = new Date('2026-11-25T01:30:00Z')
const alert: Alert = { event: 'connection-lost', text: '【工青妇协同助手】连接中断', at, recovery: false }

describe('webhook formats', () => {
  it('knows WeCom, DingTalk and Feishu robots by their documented URLs, anything else is plain JSON', () => {
    expect(webhookFlavour('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k')).toBe('wecom')
    expect(webhookFlavour('https://oapi.dingtalk.com/robot/send?access_token=t')).toBe('dingtalk')
    expect(webhookFlavour('https://open.feishu.cn/open-apis/bot/v2/hook/h')).toBe('feishu')
    expect(webhookFlavour('https://open.larksuite.com/open-apis/bot/v2/hook/h')).toBe('feishu')
    expect(webhookFlavour('https://ops.example.org/hooks/gqf')).toBe('json')
    expect(webhookFlavour('https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send')).toBe('json')
  })

  it('sends WeCom and unsigned DingTalk a text message, and others {text, event, at}', () => {
    const wecom = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k'
    expect(webhookRequest(wecom, alert)).toEqual({
      url: wecom,
      body: { msgtype: 'text', text: { content: alert.text } },
    })
    const ding = 'https://oapi.dingtalk.com/robot/send?access_token=t'
    expect(webhookRequest(ding, alert).body).toEqual({ msgtype: 'text', text: { content: alert.text } })
    expect(webhookRequest(ding, alert).url).toBe(ding)
    expect(webhookRequest('http://127.0.0.1:9/x', alert).body).toEqual({
      text: alert.text,
      event: 'connection-lost',
      at: '2026-11-25T01:30:00.000Z',
    })
  })

  it('signs DingTalk: timestamp in ms and base64 HmacSHA256(secret, timestamp\\nsecret) in the URL', () => {
    const secret = 'SEC0123456789abcdef'
    const req = webhookRequest('https://oapi.dingtalk.com/robot/send?access_token=t', alert, secret)
    const u = new URL(req.url)
    const ts = String(at.getTime())
    expect(u.searchParams.get('access_token')).toBe('t')
    expect(u.searchParams.get('timestamp')).toBe(ts)
    const sign = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64')
    expect(u.searchParams.get('sign')).toBe(sign)
    // Percent-encoded in the URL itself (base64 has + / =).
    expect(req.url).not.toMatch(/sign=[^&]*[+/=]/)
  })

  it('signs Feishu: timestamp in s and base64 HmacSHA256(key timestamp\\nsecret, empty) in the body', () => {
    const req = webhookRequest('https://open.feishu.cn/open-apis/bot/v2/hook/h', alert, 'fs-secret')
    const ts = String(at.getTime() / 1000)
    expect(req.body).toEqual({
      timestamp: ts,
      sign: createHmac('sha256', `${ts}\nfs-secret`).update('').digest('base64'),
      msg_type: 'text',
      content: { text: alert.text },
    })
  })
})

describe('the Alerter', () => {
  const recording = (): AlertChannel & { got: Alert[] } => {
    const got: Alert[] = []
    return { name: 'rec', got, send: async (a) => void got.push(a) }
  }

  it('tells an incident once and its recovery once, and a recovery without an incident never', async () => {
    const ch = recording()
    const alerter = new Alerter({ channels: [ch], logger: memoryLogger(), clock: () => at })
    alerter.recover('backup-failed', '备份恢复')
    alerter.notify('backup-failed', '备份失败 1')
    alerter.notify('backup-failed', '备份失败 2')
    alerter.recover('backup-failed', '备份恢复')
    alerter.recover('backup-failed', '备份恢复')
    alerter.notify('backup-failed', '备份又失败')
    await alerter.flush()
    expect(ch.got.map((a) => [a.text, a.recovery])).toEqual([
      ['【工青妇协同助手】备份失败 1', false],
      ['【工青妇协同助手】备份恢复', true],
      ['【工青妇协同助手】备份又失败', false],
    ])
  })

  it('tells each verify code, expired reminder and give-up (no recovery to wait for)', async () => {
    const ch = recording()
    const alerter = new Alerter({ channels: [ch], logger: memoryLogger() })
    // The login step's verify code calls the structural shape; nothing else is needed.
    const sink: AlertSink = alerter
    sink.notify('verify-code', '请输入验证码')
    sink.notify('verify-code', '请输入验证码')
    alerter.notify('reminder-expired', 'a')
    alerter.notify('reminder-expired', 'b')
    await alerter.flush()
    expect(ch.got.map((a) => a.event)).toEqual([
      'verify-code',
      'verify-code',
      'reminder-expired',
      'reminder-expired',
    ])
  })

  it('never sends a secret, and a channel that fails is logged without its address', async () => {
    const ch = recording()
    const logger = memoryLogger()
    const broken: AlertChannel = {
      name: 'webhook (json)',
      send: async () => {
        throw new Error('connect ECONNREFUSED https://hooks.example/key-abcdef123')
      },
    }
    const alerter = new Alerter({
      channels: [ch, broken],
      logger,
      secrets: ['insecure_token-secret-1', 'https://hooks.example/key-abcdef123'],
    })
    alerter.notify('gave-up', 'token insecure_token-secret-1 was refused')
    await alerter.flush()
    expect(ch.got[0]!.text).toBe('【工青妇协同助手】token *** was refused')
    expect(logger.lines.join('\n')).toContain('alert not delivered')
    expect(logger.lines.join('\n')).not.toContain('key-abcdef123')
  })
})

describe('the webhook channel over HTTP', () => {
  let server: Server
  let base = ''
  const got: { url: string; body: unknown }[] = []
  let answer = '{"errcode":0,"errmsg":"ok"}'
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let data = ''
      req.on('data', (c: Buffer) => (data += c.toString()))
      req.on('end', () => {
        got.push({ url: req.url ?? '', body: JSON.parse(data) })
        res.writeHead(200, { 'content-type': 'application/json' }).end(answer)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((r) => server.close(() => r())))

  it('posts the JSON and treats a robot error code in a 200 answer as a failure', async () => {
    const ch = webhookChannel(`${base}/hook`)
    await ch.send(alert)
    expect(got.at(-1)).toEqual({
      url: '/hook',
      body: { text: alert.text, event: 'connection-lost', at: at.toISOString() },
    })
    answer = '{"errcode":310000,"errmsg":"sign not match"}'
    await expect(ch.send(alert)).rejects.toThrow('sign not match')
    answer = 'ok'
    await expect(ch.send(alert)).resolves.toBeUndefined()
  })
})
