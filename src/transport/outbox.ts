import type { Logger } from '../logger.js'
import type { Conversation } from '../core/types.js'
import { splitText } from './split-text.js'

export type SendFn = (to: Conversation, text: string, mentionIds: string[]) => Promise<void>

export interface OutboxOptions {
  /** Least time between two messages to the same conversation. */
  intervalMs: number
  maxLength: number
  logger: Logger
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/**
 * One send queue per conversation: messages go out in order, spaced by `intervalMs`, long texts
 * split. A failed send is logged and the queue goes on.
 */
export class Outbox {
  private readonly tails = new Map<string, Promise<void>>()
  private readonly lastSent = new Map<string, number>()
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

  /** Queues a message; resolves once it (all its parts) has been handed to WeChat, or has failed. */
  enqueue(to: Conversation, text: string, mentionIds: string[] = []): Promise<void> {
    const key = `${to.kind}:${to.id}`
    const parts = splitText(text, this.opts.maxLength)
    const prev = this.tails.get(key) ?? Promise.resolve()
    const next = prev.then(async () => {
      for (const [i, part] of parts.entries()) {
        if (this.stopped) return
        const wait = (this.lastSent.get(key) ?? -Infinity) + this.opts.intervalMs - this.now()
        if (wait > 0) await this.sleep(wait)
        try {
          // Mentions go with the first part only.
          await this.send(to, part, i === 0 ? mentionIds : [])
        } catch (error) {
          this.opts.logger.error('send failed', { to: key, error })
        }
        this.lastSent.set(key, this.now())
      }
    })
    this.tails.set(key, next)
    void next.then(() => {
      if (this.tails.get(key) === next) this.tails.delete(key)
    })
    return next
  }

  /** Resolves when every queue is empty. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()])
  }

  stop(): void {
    this.stopped = true
  }
}
