/**
 * Operators told outside WeChat: when the bot is deaf, WeChat cannot carry the news. An Alerter
 * sends each incident once (a webhook to a WeCom, DingTalk or Feishu group robot or any JSON
 * endpoint, and/or an email through SMTP) and its recovery once; secrets are redacted from every text.
 */
import { createHmac } from 'node:crypto'
import { hostname } from 'node:os'
import { createTransport } from 'nodemailer'
import type { Logger } from '../logger.js'
import { redactor } from '../logger.js'
import { ALERT } from '../messages/alerts.js'

/**
 * The events: a lost connection (after ALERT_AFTER_MS), logged out or a scan needed, a verify code
 * needed, giving up reconnecting, a reminder expired unsent, a failed backup, the disk nearly full,
 * next year's holidays missing in December.
 */
export type AlertEvent =
  | 'connection-lost'
  | 'logged-out'
  | 'verify-code'
  | 'gave-up'
  | 'reminder-expired'
  | 'backup-failed'
  | 'disk-full'
  | 'holidays-missing'

/** Events that are over when told (each call is its own incident; there is no recovery). */
const ONE_SHOT = new Set<string>(['verify-code', 'gave-up', 'reminder-expired'])

/** The shape other parts (the login step's verify code) call: structural, nothing to import. */
export interface AlertSink {
  notify(event: string, text: string): void
}

export interface Alert {
  event: string
  /** The whole text, with the bot's name in front. */
  text: string
  at: Date
  /** True for the message that closes an incident. */
  recovery: boolean
}

/** Where alerts go. `send` rejects when the message was not accepted. */
export interface AlertChannel {
  readonly name: string
  send(alert: Alert): Promise<void>
}

export interface AlerterOptions {
  channels: AlertChannel[]
  logger: Logger
  clock?: () => Date
  /** Values never to be sent (token, admin code, passwords): replaced by ***. */
  secrets?: string[]
}

export class Alerter implements AlertSink {
  private readonly open = new Set<string>()
  private readonly pending = new Set<Promise<void>>()
  private readonly redact: (s: string) => string
  private readonly clock: () => Date

  constructor(private readonly o: AlerterOptions) {
    this.redact = redactor(o.secrets ?? [])
    this.clock = o.clock ?? (() => new Date())
  }

  /** True when some channel is configured. */
  get enabled(): boolean {
    return this.o.channels.length > 0
  }

  /** An incident of `event` began: told once, until `recover(event)` closes it. */
  notify(event: string, text: string): void {
    if (!ONE_SHOT.has(event)) {
      if (this.open.has(event)) return
      this.open.add(event)
    }
    this.o.logger.warn('alert', { event })
    this.dispatch({ event, text, recovery: false })
  }

  /** The incident of `event` is over: told once, only if it was told. */
  recover(event: string, text: string): void {
    if (!this.open.delete(event)) return
    this.o.logger.info('alert recovered', { event })
    this.dispatch({ event, text, recovery: true })
  }

  isOpen(event: string): boolean {
    return this.open.has(event)
  }

  /** Resolves when every alert handed over so far has been sent or has failed (or after `ms`). */
  async flush(ms = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    await Promise.race([
      Promise.all([...this.pending]),
      new Promise((r) => {
        timer = setTimeout(r, ms)
      }),
    ])
    clearTimeout(timer)
  }

  private dispatch(a: { event: string; text: string; recovery: boolean }): void {
    const alert: Alert = { ...a, text: this.redact(ALERT.line(a.text)), at: this.clock() }
    for (const channel of this.o.channels) {
      const p = channel
        .send(alert)
        .catch((e: unknown) =>
          this.o.logger.warn('alert not delivered', {
            channel: channel.name,
            event: alert.event,
            error: this.redact(e instanceof Error ? e.message : String(e)),
          }),
        )
        .finally(() => this.pending.delete(p))
      this.pending.add(p)
    }
  }
}

export type WebhookFlavour = 'wecom' | 'dingtalk' | 'feishu' | 'json'

/** Which service a webhook URL belongs to, by its documented host and path. */
export function webhookFlavour(url: string): WebhookFlavour {
  const u = new URL(url)
  if (u.hostname === 'qyapi.weixin.qq.com' && u.pathname.startsWith('/cgi-bin/webhook/send')) return 'wecom'
  if (u.hostname === 'oapi.dingtalk.com' && u.pathname.startsWith('/robot/send')) return 'dingtalk'
  if (
    (u.hostname === 'open.feishu.cn' || u.hostname === 'open.larksuite.com') &&
    u.pathname.startsWith('/open-apis/bot/v2/hook/')
  )
    return 'feishu'
  return 'json'
}

/**
 * The request for one alert, in the service's documented text format:
 * - WeCom group robot: `{"msgtype":"text","text":{"content":…}}`;
 * - DingTalk custom robot: the same body; with a signing secret, `timestamp` (ms) and
 *   `sign` = base64(HmacSHA256(key: secret, data: timestamp + "\n" + secret)) added to the URL;
 * - Feishu/Lark custom bot: `{"msg_type":"text","content":{"text":…}}`; with a signing secret,
 *   `timestamp` (s) and `sign` = base64(HmacSHA256(key: timestamp + "\n" + secret, data: "")) in the body;
 * - any other URL: `{"text","event","at"}`.
 */
export function webhookRequest(
  url: string,
  alert: Alert,
  secret?: string,
  flavour: WebhookFlavour = webhookFlavour(url),
): { url: string; body: Record<string, unknown> } {
  const now = alert.at.getTime()
  switch (flavour) {
    case 'wecom':
      return { url, body: { msgtype: 'text', text: { content: alert.text } } }
    case 'dingtalk': {
      const body = { msgtype: 'text', text: { content: alert.text } }
      if (!secret) return { url, body }
      const u = new URL(url)
      const sign = createHmac('sha256', secret).update(`${now}\n${secret}`).digest('base64')
      u.searchParams.set('timestamp', String(now))
      u.searchParams.set('sign', sign)
      return { url: u.toString(), body }
    }
    case 'feishu': {
      const body: Record<string, unknown> = { msg_type: 'text', content: { text: alert.text } }
      if (!secret) return { url, body }
      const timestamp = String(Math.floor(now / 1000))
      const sign = createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64')
      return { url, body: { timestamp, sign, ...body } }
    }
    case 'json':
      return { url, body: { text: alert.text, event: alert.event, at: alert.at.toISOString() } }
  }
}

/** Robots answer 200 with an error code in the body (errcode for WeCom/DingTalk, code for Feishu). */
function accepted(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return true
  const b = body as Record<string, unknown>
  const code = b['errcode'] ?? b['code'] ?? b['StatusCode']
  return code === undefined || code === 0
}

export function webhookChannel(
  url: string,
  secret?: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): AlertChannel {
  const doFetch = options.fetch ?? fetch
  const flavour = webhookFlavour(url)
  return {
    name: `webhook (${flavour})`,
    async send(alert) {
      const req = webhookRequest(url, alert, secret, flavour)
      const res = await doFetch(req.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(req.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      let parsed: unknown = null
      try {
        parsed = JSON.parse(text)
      } catch {
        // a plain endpoint may answer with anything
      }
      if (!accepted(parsed)) throw new Error(`refused: ${text.slice(0, 200)}`)
    },
  }
}

/** Email through SMTP (`smtp://user:pass@host:587`, `smtps://…:465`), with nodemailer. */
export function emailChannel(smtpUrl: string, to: string[], from?: string): AlertChannel {
  const transport = createTransport(smtpUrl)
  const sender = from ?? defaultFrom(smtpUrl)
  return {
    name: 'email',
    async send(alert) {
      await transport.sendMail({
        from: sender,
        to: to.join(', '),
        subject: ALERT.subject(alert.event, alert.recovery),
        text: `${alert.text}\n\n${alert.at.toISOString()} · ${hostname()}`,
        textEncoding: 'base64',
      })
    },
  }
}

/** The SMTP user when it is an address, else gqf-bot@<this host>. */
function defaultFrom(smtpUrl: string): string {
  try {
    const user = decodeURIComponent(new URL(smtpUrl).username)
    if (/^[^@\s]+@[^@\s]+$/.test(user)) return user
  } catch {
    // not a URL nodemailer would take either; it will say so when sending
  }
  return `gqf-bot@${hostname()}`
}

export interface AlertConfig {
  webhookUrl: string | undefined
  webhookSecret: string | undefined
  smtpUrl: string | undefined
  emailTo: string[]
  emailFrom: string | undefined
}

/** The channels the configuration names (none: alerts are only logged). */
export function channelsFromConfig(a: AlertConfig): AlertChannel[] {
  const channels: AlertChannel[] = []
  if (a.webhookUrl) channels.push(webhookChannel(a.webhookUrl, a.webhookSecret))
  if (a.smtpUrl && a.emailTo.length > 0) channels.push(emailChannel(a.smtpUrl, a.emailTo, a.emailFrom))
  return channels
}

/** The channels' keys and passwords (the webhook URL holds its key): never logged, never sent. */
export function alertSecrets(a: AlertConfig): string[] {
  let smtpPassword: string | undefined
  try {
    smtpPassword = a.smtpUrl ? decodeURIComponent(new URL(a.smtpUrl).password) : undefined
  } catch {
    smtpPassword = undefined
  }
  return [a.webhookUrl, a.webhookSecret, a.smtpUrl, smtpPassword].filter((s): s is string => !!s)
}
