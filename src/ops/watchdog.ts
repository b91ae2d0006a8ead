/**
 * A watchdog for silent streams. Heartbeats prove the gRPC stream, not that events flow: users
 * report streams that stop delivering after days while the connection looks alive. After
 * `silenceMs` without any event (heartbeats do not count; dongs, messages, logins and room events
 * do), the watchdog probes end to end with a ding that must come back as a dong (any event will do);
 * when nothing comes back within `probeTimeoutMs` it resets the connection (through the
 * ConnectionSupervisor) and counts the reset.
 */
import type { Logger } from '../logger.js'

export interface WatchdogOptions {
  /** No event for this long starts a probe. */
  silenceMs: number
  /** A probe unanswered this long resets the connection. */
  probeTimeoutMs: number
  /** Sends the probe: asks the service for a dong carrying `data`. Must not throw. */
  ding(data: string): void
  /** True while the connection is considered up (the supervisor's state); only then does it probe. */
  up(): boolean
  /** The probe failed: reset the connection (the supervisor's `lost`). */
  reset(reason: string): void
  /** Called after each reset (for the count in #状态 and /metrics). */
  onReset?: () => void
  logger: Logger
  /** Milliseconds now; replaceable in tests. */
  now?: () => number
  /** How often silence is checked (default: a quarter of silenceMs, at most 15 s). */
  checkEveryMs?: number
}

export class Watchdog {
  private last: number
  private probe: { data: string; timer: NodeJS.Timeout } | null = null
  private ticker: NodeJS.Timeout | undefined
  private probes = 0
  private resetCount = 0
  private readonly now: () => number

  constructor(private readonly o: WatchdogOptions) {
    this.now = o.now ?? Date.now
    this.last = this.now()
  }

  /** Starts checking (call after the first login). */
  start(): void {
    if (this.ticker) return
    this.last = this.now()
    const every = this.o.checkEveryMs ?? Math.max(100, Math.min(this.o.silenceMs / 4, 15_000))
    this.ticker = setInterval(() => this.check(), every)
    this.ticker.unref()
  }

  stop(): void {
    clearInterval(this.ticker)
    this.ticker = undefined
    this.cancelProbe()
  }

  /** Some event arrived from the service (not a heartbeat): events flow. */
  seen(): void {
    this.last = this.now()
    if (this.probe) {
      this.o.logger.debug('watchdog probe answered', { probe: this.probe.data })
      this.cancelProbe()
    }
  }

  /** Resets made so far. */
  get resets(): number {
    return this.resetCount
  }

  /** When the last event arrived (ms since the epoch). */
  get lastEventAt(): number {
    return this.last
  }

  /** True while a probe is out and unanswered. */
  get probing(): boolean {
    return this.probe !== null
  }

  /** Checks once (the timer calls this). */
  check(): void {
    if (!this.o.up()) {
      // The supervisor is reconnecting; silence is counted again from the login that ends it.
      this.cancelProbe()
      this.last = this.now()
      return
    }
    if (this.probe || this.now() - this.last < this.o.silenceMs) return
    const data = `gqf-watchdog-${++this.probes}`
    this.o.logger.info('watchdog: no event for a while; probing', {
      silentS: Math.round((this.now() - this.last) / 1000),
    })
    const timer = setTimeout(() => this.fail(), this.o.probeTimeoutMs)
    timer.unref()
    this.probe = { data, timer }
    this.o.ding(data)
  }

  private fail(): void {
    this.probe = null
    if (!this.o.up()) return
    const silentS = Math.round((this.now() - this.last) / 1000)
    this.resetCount++
    this.o.logger.warn('watchdog: the event stream is silent; resetting the connection', {
      silentS,
      resets: this.resetCount,
    })
    this.last = this.now()
    this.o.reset(`watchdog: no event for ${silentS} s and the probe went unanswered`)
    this.o.onReset?.()
  }

  private cancelProbe(): void {
    if (this.probe) clearTimeout(this.probe.timer)
    this.probe = null
  }
}

/** The puppet events that prove events flow; 'heartbeat' is left out on purpose. */
export const FLOW_EVENTS = [
  'dong',
  'message',
  'login',
  'logout',
  'ready',
  'scan',
  'dirty',
  'friendship',
  'room-join',
  'room-leave',
  'room-topic',
  'room-invite',
  'post',
] as const

/** What the watchdog needs of a puppet: its events, and a ding. */
export interface EventSource {
  on(event: string, listener: () => void): unknown
  off(event: string, listener: () => void): unknown
}

/** Calls `seen` on every flow event of `source`; returns the unsubscribe function. */
export function watchFlow(source: EventSource, seen: () => void): () => void {
  const listener = () => seen()
  for (const e of FLOW_EVENTS) source.on(e, listener)
  return () => {
    for (const e of FLOW_EVENTS) source.off(e, listener)
  }
}
