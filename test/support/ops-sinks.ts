/** Local stand-ins for where alerts go: an HTTP webhook receiver and an SMTP server (smtp-server). */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface Posted {
  path: string
  body: Record<string, unknown>
}

/** Collects every JSON POST. */
export async function webhookSink(): Promise<{ url: string; posts: Posted[]; close(): Promise<void> }> {
  const posts: Posted[] = []
  const server: Server = createServer((req, res) => {
    let data = ''
    req.on('data', (c: Buffer) => (data += c.toString()))
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: JSON.parse(data) as Record<string, unknown> })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    posts,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

export interface Mail {
  to: string[]
  /** Raw header block. */
  headers: string
  /** The text body, decoded (the alerter sends base64). */
  text: string
}

/** A plain SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every message. */
export async function smtpSink(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString()
        const split = raw.indexOf('\r\n\r\n')
        const headers = raw.slice(0, split)
        const body = raw.slice(split + 4)
        const text = /content-transfer-encoding: base64/i.test(headers)
          ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
          : body
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), headers, text })
        callback()
      })
    },
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** Resolves once `check` holds, polling (a safety net of `ms`, not a timing). */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 60_000,
): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`never: ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** GET /healthz: status code and body, or null while nothing answers. */
export async function healthz(
  port: number,
): Promise<{ status: number; body: Record<string, unknown> } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`)
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  } catch {
    return null
  }
}
