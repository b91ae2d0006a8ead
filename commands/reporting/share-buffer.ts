import { localKey } from '../../src/core/types.js'
import type { FileInfo, LinkInfo } from '../../src/domain/reports.js'

export interface PendingShare {
  messageId: string
  at: number
  link?: LinkInfo
  file?: FileInfo
}

/** A bare #上报 waiting for the share that follows it. */
export interface ReportIntent {
  at: number
  messageId: string
  siteId: string
  month: string
  late: boolean
  onBehalf: boolean
  title: string
}

/**
 * Shares and #上报 that belong together when the same member sends both within the window:
 * a share waits here for its #上报, a bare #上报 waits for its share, and shares that follow a
 * report are added to it.
 */
export class ShareBuffer {
  private readonly shares = new Map<string, PendingShare[]>()
  private readonly intents = new Map<string, ReportIntent>()
  private readonly lastReport = new Map<string, { no: number; at: number }>()
  private readonly similar = new Map<string, { text: string; at: number }>()

  constructor(private readonly windowMs: number) {}

  private fresh = (at: number, now: number) => now - at <= this.windowMs && at - now <= this.windowMs

  add(senderId: string, share: PendingShare): void {
    const list = (this.shares.get(senderId) ?? []).filter((s) => this.fresh(s.at, share.at))
    list.push(share)
    this.shares.set(senderId, list)
  }

  /** The member's shares within the window, removed from the buffer. */
  take(senderId: string, now: number): PendingShare[] {
    const list = (this.shares.get(senderId) ?? []).filter((s) => this.fresh(s.at, now))
    this.shares.delete(senderId)
    return list
  }

  setIntent(senderId: string, intent: ReportIntent): void {
    this.intents.set(senderId, intent)
  }

  /** The bare #上报 waiting within the window, left in place. */
  peekIntent(senderId: string, now: number): ReportIntent | undefined {
    const intent = this.intents.get(senderId)
    return intent && this.fresh(intent.at, now) ? intent : undefined
  }

  takeIntent(senderId: string, now: number): ReportIntent | undefined {
    const intent = this.intents.get(senderId)
    this.intents.delete(senderId)
    return intent && this.fresh(intent.at, now) ? intent : undefined
  }

  /**
   * A near-duplicate asked about: true when the member sends the same text again within
   * `withinMs` (then it is filed), else remembers it and returns false.
   */
  confirmSimilar(senderId: string, text: string, now: number, withinMs: number): boolean {
    const seen = this.similar.get(senderId)
    if (seen && seen.text === text && now - seen.at <= withinMs) {
      this.similar.delete(senderId)
      return true
    }
    this.similar.set(senderId, { text, at: now })
    return false
  }

  /** Remembers the member's latest report, so shares right after it are added to it. */
  setLast(senderId: string, no: number, at: number): void {
    this.lastReport.set(senderId, { no, at })
  }

  /** The member's report filed within the window (its number and when), shares after it join it. */
  last(senderId: string, now: number): { no: number; at: number } | undefined {
    const l = this.lastReport.get(senderId)
    return l && this.fresh(l.at, now) ? l : undefined
  }
}

/** The shares and bare #上报 of this bot waiting for each other (memory only: the window is minutes). */
export const SHARES = localKey('shares', (deps) => new ShareBuffer(deps.settings.shareWindowMs))
