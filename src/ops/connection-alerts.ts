/**
 * Turns what the connection does into alerts: lost for longer than ALERT_AFTER_MS (and back),
 * logged out or a scan needed (with the QR link), logged in again. One message per incident and
 * one for its recovery; a logout is told as a login incident, not also as a lost connection.
 */
import { ALERT } from '../messages/alerts.js'
import type { OutageInfo } from '../transport/supervisor.js'

export interface ConnectionAlertsOptions {
  alerter: { notify(event: string, text: string): void; recover(event: string, text: string): void }
  /** A lost connection is told once it has lasted this long. */
  afterMs: number
  /** After a logout, wait this long for a QR code to send along (default 30 s). */
  scanGraceMs?: number
  now?: () => number
}

/** Wechaty's ScanStatus values that come with a QR code to scan (Waiting, Timeout). */
const SCAN_WITH_CODE = new Set([2, 5])

/** The page Wechaty's own examples use to show a login QR code. */
export function qrLink(qrcode: string): string {
  return `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`
}

export class ConnectionAlerts {
  private lostTimer: NodeJS.Timeout | undefined
  private logoutTimer: NodeJS.Timeout | undefined
  private readonly now: () => number

  constructor(private readonly o: ConnectionAlertsOptions) {
    this.now = o.now ?? Date.now
  }

  /** The supervisor's onLost. */
  lost(reason: string): void {
    if (reason === 'logout' || this.lostTimer) return
    const since = this.now()
    const tell = () => {
      this.lostTimer = undefined
      this.o.alerter.notify('connection-lost', ALERT.connectionLost(this.now() - since, reason))
    }
    this.lostTimer = setTimeout(tell, this.o.afterMs)
  }

  /** The supervisor's onRecovered. */
  recovered(info: OutageInfo): void {
    clearTimeout(this.lostTimer)
    this.lostTimer = undefined
    this.o.alerter.recover('connection-lost', ALERT.connectionBack(info.downMs, info.attempts))
  }

  loggedOut(): void {
    if (this.logoutTimer) return
    this.logoutTimer = setTimeout(() => {
      this.logoutTimer = undefined
      this.o.alerter.notify('logged-out', ALERT.loggedOut)
    }, this.o.scanGraceMs ?? 30_000)
  }

  scan(qrcode: string, status: number): void {
    if (!qrcode || !SCAN_WITH_CODE.has(status)) return
    clearTimeout(this.logoutTimer)
    this.logoutTimer = undefined
    this.o.alerter.notify('logged-out', ALERT.scan(qrLink(qrcode)))
  }

  loggedIn(): void {
    clearTimeout(this.logoutTimer)
    this.logoutTimer = undefined
    this.o.alerter.recover('logged-out', ALERT.loggedIn)
  }

  stop(): void {
    clearTimeout(this.lostTimer)
    clearTimeout(this.logoutTimer)
  }
}
