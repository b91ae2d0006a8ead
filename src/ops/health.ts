/**
 * The health endpoint for monitors (off unless HEALTH_PORT is set; 127.0.0.1 unless HEALTH_HOST):
 * GET /healthz answers 200 with a small JSON while the bot is logged in and events flow, 503 with
 * the reason otherwise; GET /metrics answers in the Prometheus text format.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from '../logger.js'

export interface Health {
  ok: boolean
  /** Why not (when not ok), in plain English for monitors' logs. */
  reason?: string
  /** Small facts worth a glance: login, seconds since the last event, reconnects, watchdog resets. */
  [fact: string]: unknown
}

export interface HealthConnection {
  /** The supervisor's state: 'idle' before the first login, 'up', 'down' while reconnecting. */
  state(): 'idle' | 'up' | 'down' | 'stopped'
  /** Why the connection is down, when it is. */
  downReason(): string
  loggedIn(): boolean
  /** ms since the last event; null when unknown. */
  silentMs(): number | null
  /** True while the watchdog's probe is out (events have stopped for a while). */
  probing(): boolean
}

/** The verdict /healthz gives, from the connection's state. */
export function healthOf(c: HealthConnection, facts: Record<string, unknown> = {}): Health {
  const silentMs = c.silentMs()
  const base = {
    loggedIn: c.loggedIn(),
    secondsSinceLastEvent: silentMs === null ? null : Math.round(silentMs / 1000),
    ...facts,
  }
  const state = c.state()
  if (state === 'idle') return { ok: false, reason: 'starting: not logged in yet', ...base }
  if (state === 'stopped') return { ok: false, reason: 'stopping', ...base }
  if (state === 'down') return { ok: false, reason: `connection lost: ${c.downReason()}`, ...base }
  if (!c.loggedIn()) return { ok: false, reason: 'not logged in', ...base }
  if (c.probing()) return { ok: false, reason: 'no events lately; the watchdog is probing', ...base }
  return { ok: true, ...base }
}

export interface HealthServerOptions {
  host: string
  port: number
  health(): Health
  metrics(): Promise<{ contentType: string; text: string }>
  logger: Logger
}

export interface HealthServer {
  /** The port it listens on (useful when 0 was asked for). */
  port: number
  close(): Promise<void>
}

export function startHealthServer(o: HealthServerOptions): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end()
      return
    }
    if (path === '/healthz') {
      const h = o.health()
      const { ok, ...rest } = h
      const body = JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...rest })
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(req.method === 'HEAD' ? undefined : body)
      return
    }
    if (path === '/metrics') {
      o.metrics().then(
        (m) => {
          res.writeHead(200, { 'content-type': m.contentType })
          res.end(req.method === 'HEAD' ? undefined : m.text)
        },
        (error: unknown) => {
          o.logger.error('metrics failed', { error })
          res.writeHead(500).end()
        },
      )
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n')
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port, o.host, () => {
      server.off('error', reject)
      server.on('error', (error) => o.logger.error('health endpoint error', { error }))
      // Monitors' idle connections must not keep the process alive at exit.
      server.unref()
      const port = (server.address() as AddressInfo).port
      o.logger.info('health endpoint listening', { url: `http://${o.host}:${port}/healthz` })
      resolve({
        port,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections()
            server.close(() => r())
          }),
      })
    })
  })
}
