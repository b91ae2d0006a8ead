/**
 * Keeps the bot connected to the puppet service for as long as the process runs.
 *
 * Wechaty's own watchdog resets the puppet once, 60 s after the last heartbeat; when the service is
 * still down at that moment the reset fails (`14 UNAVAILABLE … ECONNREFUSED`) and nothing ever
 * tries again, while the process stays alive. The supervisor notices a lost connection (an
 * UNAVAILABLE error, a logout, or no heartbeat/dong for `heartbeatTimeoutMs` while it dings the
 * service every `heartbeatIntervalMs`), then restarts the puppet (stop + start, as Wechaty's reset
 * does) with exponential backoff until it is logged in again, tells `onRecovered` once per outage,
 * and calls `onGiveUp` (the composition root exits non-zero so systemd/pm2 restarts the process)
 * if the outage outlasts `giveUpMs`.
 */
import { Socket } from 'node:net'
import type { Logger } from '../logger.js'

/** What the supervisor needs from the connection; `puppetLink()` adapts a Wechaty puppet. */
export interface Link {
  /** Subscribes to the connection's signals; returns the unsubscribe function. */
  watch(signals: LinkSignals): () => void
  /** Stops and starts the puppet; resolves when started (login may follow). */
  restart(): Promise<void>
  /** Asks the service for a `dong` (which counts as a heartbeat). Must not throw. */
  ding(): void
  loggedIn(): boolean
  /** Cheap check that the service accepts connections, tried before each restart. */
  probe?(): Promise<boolean>
}

export interface LinkSignals {
  /** Any sign of life: heartbeat, dong, ready. */
  alive(): void
  login(): void
  logout(): void
  error(message: string): void
}

export interface OutageInfo {
  /** Why the connection was considered lost. */
  reason: string
  /** How long the bot was without a connection, in ms. */
  downMs: number
  /** Reconnect attempts made. */
  attempts: number
}

export interface SupervisorOptions {
  link: Link
  logger: Logger
  /** Ding the service this often while connected. Default 15 s. */
  heartbeatIntervalMs?: number
  /** No heartbeat for this long means the connection is lost. Default 60 s. */
  heartbeatTimeoutMs?: number
  /** First wait before a reconnect attempt; doubles each time. Default 1 s. */
  backoffInitialMs?: number
  /** Longest wait between attempts. Default 30 s. */
  backoffMaxMs?: number
  /** Longest one attempt (restart and login) may take. Default 30 s. */
  attemptTimeoutMs?: number
  /** Give up (and let the process supervisor restart us) after this long down. Default 30 min. */
  giveUpMs?: number
  /** Called once per outage, after the bot has logged in again. */
  onRecovered?: (info: OutageInfo) => void | Promise<void>
  /** Called once when the outage outlasts `giveUpMs`; the supervisor has stopped by then. */
  onGiveUp: (info: OutageInfo) => void
  /** Called once per outage when it begins (alerts, the health endpoint). */
  onLost?: (reason: string) => void
}

export const SUPERVISOR_DEFAULTS = {
  heartbeatIntervalMs: 15_000,
  heartbeatTimeoutMs: 60_000,
  backoffInitialMs: 1000,
  backoffMaxMs: 30_000,
  attemptTimeoutMs: 30_000,
  giveUpMs: 30 * 60_000,
} as const

/** Errors that mean the service cannot be reached (gRPC 14 UNAVAILABLE, refused, dropped). */
const LOST = /\bUNAVAILABLE\b|ECONNREFUSED|ECONNRESET|Connection dropped|No connection established/

export type SupervisorState = 'idle' | 'up' | 'down' | 'stopped'

export class ConnectionSupervisor {
  private readonly o: Required<Omit<SupervisorOptions, 'onRecovered' | 'onLost'>> &
    Pick<SupervisorOptions, 'onRecovered' | 'onLost'>
  private status: SupervisorState = 'idle'
  private lastBeat = 0
  private downSince = 0
  private reason = ''
  private attempts = 0
  private delay = 0
  private ticker: NodeJS.Timeout | undefined
  private retry: NodeJS.Timeout | undefined
  private unwatch: (() => void) | undefined
  private attempting = false
  private loginWaiters: (() => void)[] = []

  constructor(options: SupervisorOptions) {
    this.o = { ...SUPERVISOR_DEFAULTS, ...options }
  }

  get state(): SupervisorState {
    return this.status
  }

  /** Why the connection is down (while it is). */
  get downReason(): string {
    return this.status === 'down' ? this.reason : ''
  }

  /** Starts watching; call after the first login. */
  start(): void {
    if (this.status !== 'idle' && this.status !== 'stopped') return
    this.status = this.o.link.loggedIn() ? 'up' : 'down'
    this.lastBeat = Date.now()
    this.unwatch = this.o.link.watch({
      alive: () => this.beat(),
      login: () => this.onLogin(),
      logout: () => this.lost('logout'),
      error: (m) => {
        if (LOST.test(m)) this.lost(m.split('\n')[0] ?? m)
      },
    })
    this.ticker = setInterval(() => this.tick(), this.o.heartbeatIntervalMs)
    if (this.status === 'down') this.lost('not logged in at start')
  }

  /** Stops watching (call before `bot.stop()`, whose errors are not an outage). */
  stop(): void {
    this.status = 'stopped'
    clearInterval(this.ticker)
    clearTimeout(this.retry)
    this.unwatch?.()
    this.unwatch = undefined
  }

  /**
   * Marks the connection as lost and starts reconnecting. Called by the detectors here, and by the
   * watchdog (src/ops/watchdog.ts) when the event stream has gone silent: its reset.
   */
  lost(reason: string): void {
    if (this.status !== 'up' && !(this.status === 'down' && this.downSince === 0)) return
    this.status = 'down'
    this.downSince = Date.now()
    this.reason = reason
    this.attempts = 0
    this.delay = this.o.backoffInitialMs
    this.o.logger.warn('connection lost; reconnecting', { reason })
    this.schedule()
    try {
      this.o.onLost?.(reason)
    } catch (error) {
      this.o.logger.error('onLost failed', { error })
    }
  }

  private beat(): void {
    this.lastBeat = Date.now()
  }

  private tick(): void {
    if (this.status !== 'up') return
    const silent = Date.now() - this.lastBeat
    if (silent > this.o.heartbeatTimeoutMs) this.lost(`no heartbeat for ${Math.round(silent / 1000)} s`)
    else this.o.link.ding()
  }

  private onLogin(): void {
    this.beat()
    for (const w of this.loginWaiters.splice(0)) w()
    if (this.status !== 'down') return
    const info = this.info()
    this.status = 'up'
    this.downSince = 0
    clearTimeout(this.retry)
    this.o.logger.info('connection restored', { ...info })
    void Promise.resolve()
      .then(() => this.o.onRecovered?.(info))
      .catch((error: unknown) => this.o.logger.error('onRecovered failed', { error }))
  }

  private info(): OutageInfo {
    return { reason: this.reason, downMs: Date.now() - this.downSince, attempts: this.attempts }
  }

  private schedule(): void {
    clearTimeout(this.retry)
    const left = this.downSince + this.o.giveUpMs - Date.now()
    const wait = Math.max(0, Math.min(this.delay, left))
    this.retry = setTimeout(() => void this.attempt(), wait)
  }

  private async attempt(): Promise<void> {
    if (this.status !== 'down' || this.attempting) return
    if (Date.now() - this.downSince >= this.o.giveUpMs) {
      const info = this.info()
      this.o.logger.error('could not reconnect; giving up', { ...info })
      this.stop()
      this.o.onGiveUp(info)
      return
    }
    this.attempting = true
    this.attempts++
    const n = this.attempts
    this.o.logger.info('reconnect attempt', { attempt: n, downMs: Date.now() - this.downSince })
    try {
      if (this.o.link.probe && !(await this.o.link.probe())) throw new Error('service not reachable')
      await this.within(this.o.link.restart(), 'restart')
      // The login event (handled in onLogin) ends the outage; it may already have come.
      if (this.status === 'down') {
        await this.within(new Promise<void>((r) => this.loginWaiters.push(r)), 'login')
      }
    } catch (e) {
      this.o.logger.warn('reconnect attempt failed', {
        attempt: n,
        error: (e instanceof Error ? e.message : String(e)).split('\n')[0],
        nextInMs: Math.min(this.delay * 2, this.o.backoffMaxMs),
      })
    } finally {
      this.attempting = false
    }
    if (this.status !== 'down') return
    this.delay = Math.min(this.delay * 2, this.o.backoffMaxMs)
    this.schedule()
  }

  private within<T>(p: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out`)), this.o.attemptTimeoutMs)
    })
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer))
  }
}

/** Pause between stopping and starting the puppet, so its payload cache is closed. */
const CACHE_CLOSE_MS = 1000

/** The events and controls of a Wechaty puppet that `puppetLink` uses. */
export interface PuppetLike {
  start(): Promise<void>
  stop(): Promise<void>
  ding(data?: string): void
  readonly isLoggedIn: boolean
  on(event: 'heartbeat' | 'dong' | 'ready' | 'login' | 'logout', listener: () => void): unknown
  on(event: 'error', listener: (payload: { gerror: string }) => void): unknown
  off(event: string, listener: (...args: never[]) => void): unknown
}

/** TCP connect to `host:port`: true if something listens there. */
export function tcpProbe(endpoint: string, timeoutMs = 2000): Promise<boolean> {
  const i = endpoint.lastIndexOf(':')
  const host = endpoint.slice(0, i)
  const port = Number(endpoint.slice(i + 1))
  if (i <= 0 || !Number.isInteger(port)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const socket = new Socket()
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.connect(port, host)
  })
}

/**
 * Adapts a Wechaty puppet (`bot.puppet`). With an endpoint, each attempt first checks that the
 * service accepts TCP connections: a puppet-service `start()` against a closed port fails only
 * after a 5-second internal wait.
 */
export function puppetLink(puppet: PuppetLike, endpoint?: string): Link {
  return {
    watch(s) {
      const alive = () => s.alive()
      const login = () => s.login()
      const logout = () => s.logout()
      const error = (p: { gerror: string }) => s.error(errorText(p))
      puppet.on('heartbeat', alive)
      puppet.on('dong', alive)
      puppet.on('ready', alive)
      puppet.on('login', login)
      puppet.on('logout', logout)
      puppet.on('error', error)
      return () => {
        puppet.off('heartbeat', alive)
        puppet.off('dong', alive)
        puppet.off('ready', alive)
        puppet.off('login', login)
        puppet.off('logout', logout)
        puppet.off('error', error)
      }
    },
    async restart() {
      await puppet.stop().catch(() => undefined)
      // wechaty-puppet-service closes its on-disk payload cache (leveldb) on 'logout' without
      // waiting; starting again at once can reopen it while the old handle still holds the LOCK,
      // which surfaces as an uncaught OpenError. Give the close a moment first.
      await new Promise((r) => setTimeout(r, CACHE_CLOSE_MS))
      await puppet.start()
    },
    ding() {
      try {
        puppet.ding('supervisor')
      } catch {
        // a failing ding shows up as an error event or as missing heartbeats
      }
    },
    loggedIn: () => puppet.isLoggedIn,
    probe: endpoint ? () => tcpProbe(endpoint) : undefined,
  }
}

function errorText(p: unknown): string {
  if (p instanceof Error) return p.message
  if (typeof p === 'object' && p !== null && 'gerror' in p) {
    const text = String(p.gerror)
    try {
      const parsed: unknown = JSON.parse(text)
      if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) return String(parsed.message)
    } catch {
      // not JSON: the text itself
    }
    return text
  }
  return String(p)
}
