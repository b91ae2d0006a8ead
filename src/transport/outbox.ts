import type { Logger } from '../logger.js'
import type { Delivery } from '../core/delivery.js'
import type { Conversation, OutgoingFile, Reply } from '../core/types.js'
import { DELIVERY } from '../messages/delivery.js'
import { splitText } from './split-text.js'

/** One thing WeChat is asked to send: a text (with @-mentions in a room) or a file. */
export type OutgoingPart =
  { kind: 'text'; text: string; mentionIds: string[] } | { kind: 'file'; file: OutgoingFile }

/** Sends one part; throws when WeChat failed. */
export type SendFn = (to: Conversation, part: OutgoingPart) => Promise<void>

export interface OutboxOptions {
  /** Least time between two messages to the same conversation. */
  intervalMs: number
  maxLength: number
  logger: Logger
  /** Further attempts after a failed send (default 2, so three in all). */
  retries?: number
  /** Wait before the first retry; doubled before each next one (default 2 s). */
  retryDelayMs?: number
  /** Largest file sent (default 20 MB); a larger one is not sent and the outcome says so. */
  maxFileBytes?: number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024

interface Item {
  text: string
  mentionIds: string[]
  file?: OutgoingFile
  /** `merged`: other receipts joined it; its text is written from the parts when it is sent. */
  merge?: { key: string; parts: string[]; suffix: string; merged: boolean }
  done: Promise<Delivery>
  resolve: (d: Delivery) => void
}

interface Lane {
  to: Conversation
  items: Item[]
  running: boolean
  lastSent: number
}

/**
 * One send queue per conversation: messages go out in order, spaced by `intervalMs`, long texts
 * split, a reply's file after its text. Receipts that wait in the queue are merged into one
 * message instead of flooding the group (and share its outcome). A failed send is retried a few
 * times with growing pauses, then reported to the caller; the queue goes on.
 */
export class Outbox {
  private readonly lanes = new Map<string, Lane>()
  private readonly now: () => number
  private readonly sleep: (ms: number) => Promise<void>
  private stopped = false

  constructor(
    private readonly send: SendFn,
    private readonly opts: OutboxOptions,
  ) {
    this.now = opts.now ?? Date.now
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)))
  }

  /**
   * Queues a reply; resolves with its outcome once it has been handed to WeChat (or merged into
   * one that was), or has failed for good. Never rejects.
   */
  enqueue(to: Conversation, reply: Pick<Reply, 'text' | 'mentionIds' | 'merge' | 'file'>): Promise<Delivery> {
    const key = `${to.kind}:${to.id}`
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = { to, items: [], running: false, lastSent: -Infinity }
      this.lanes.set(key, lane)
    }
    const merge = reply.file ? undefined : reply.merge
    // Merge into a receipt of the same kind that is still waiting (never the one being sent).
    const waiting = merge
      ? lane.items.slice(lane.running ? 1 : 0).find((i) => i.merge?.key === merge.key)
      : undefined
    if (merge && waiting?.merge) {
      waiting.merge.parts.push(merge.part)
      waiting.merge.suffix = merge.suffix
      // Written once when it is sent, not at every merge (a burst merges hundreds).
      if (merge.replace) waiting.text = reply.text
      else waiting.merge.merged = true
      waiting.mentionIds = [...new Set([...waiting.mentionIds, ...(reply.mentionIds ?? [])])]
      return waiting.done
    }
    let resolve: (d: Delivery) => void = () => {}
    const done = new Promise<Delivery>((r) => (resolve = r))
    lane.items.push({
      text: reply.text,
      mentionIds: reply.mentionIds ?? [],
      file: reply.file,
      merge: merge ? { key: merge.key, parts: [merge.part], suffix: merge.suffix, merged: false } : undefined,
      done,
      resolve,
    })
    if (!lane.running) void this.pump(lane)
    return done
  }

  private async pump(lane: Lane): Promise<void> {
    lane.running = true
    while (lane.items.length > 0 && !this.stopped) {
      const wait = lane.lastSent + this.opts.intervalMs - this.now()
      if (wait > 0) await this.sleep(wait)
      // Receipts may have been merged into the head while it waited: read it only now.
      const item = lane.items[0]!
      if (item.merge?.merged) item.text = DELIVERY.mergedReceipts(item.merge.parts, item.merge.suffix)
      const outcome = await this.deliver(lane, item)
      lane.items.shift()
      item.resolve(outcome)
    }
    lane.running = false
    for (const item of lane.items.splice(0)) item.resolve({ ok: false, reason: 'stopped' })
  }

  /** The text (split, mentions with the first part) then the file, spaced; stops at the first failure. */
  private async deliver(lane: Lane, item: Item): Promise<Delivery> {
    const parts: OutgoingPart[] = item.text
      ? splitText(item.text, this.opts.maxLength).map((text, i) => ({
          kind: 'text' as const,
          text,
          mentionIds: i === 0 ? item.mentionIds : [],
        }))
      : []
    let outcome: Delivery = { ok: true }
    const maxBytes = this.opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES
    if (item.file && item.file.data.length > maxBytes) {
      outcome = { ok: false, reason: 'file-too-large', size: item.file.data.length, maxBytes }
      this.opts.logger.warn('file too large, not sent', { name: item.file.name, size: item.file.data.length })
    } else if (item.file) parts.push({ kind: 'file', file: item.file })
    for (const part of parts) {
      const gap = lane.lastSent + this.opts.intervalMs - this.now()
      if (gap > 0) await this.sleep(gap)
      const result = await this.attempt(lane.to, part)
      lane.lastSent = this.now()
      if (!result.ok) return result
    }
    return outcome
  }

  private async attempt(to: Conversation, part: OutgoingPart): Promise<Delivery> {
    const retries = this.opts.retries ?? 2
    let delay = this.opts.retryDelayMs ?? 2000
    for (let attempt = 1; ; attempt++) {
      try {
        await this.send(to, part)
        return { ok: true }
      } catch (error) {
        const where = `${to.kind}:${to.id}`
        if (attempt > retries || this.stopped) {
          this.opts.logger.error('send failed', { to: where, kind: part.kind, attempts: attempt, error })
          return { ok: false, reason: 'send-failed', attempts: attempt, error }
        }
        this.opts.logger.warn('send failed, retrying', { to: where, attempt, error })
        await this.sleep(delay)
        delay *= 2
      }
    }
  }

  /** Resolves when every queue is empty. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = [...this.lanes.values()].flatMap((l) => l.items.map((i) => i.done))
      if (pending.length === 0) return
      await Promise.all(pending)
    }
  }

  stop(): void {
    this.stopped = true
  }
}
