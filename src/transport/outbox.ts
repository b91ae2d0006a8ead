import type { Logger } from '../logger.js'
import type { Conversation, Reply } from '../core/types.js'
import { M } from '../messages/zh.js'
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

interface Item {
  text: string
  mentionIds: string[]
  merge?: { key: string; parts: string[]; suffix: string }
  done: Promise<void>
  resolve: () => void
}

interface Lane {
  to: Conversation
  items: Item[]
  running: boolean
  lastSent: number
}

/**
 * One send queue per conversation: messages go out in order, spaced by `intervalMs`, long texts
 * split. Receipts that wait in the queue are merged into one message instead of flooding the
 * group. A failed send is logged and the queue goes on.
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

  /** Queues a reply; resolves once it has been handed to WeChat (or merged into one that was), or has failed. */
  enqueue(to: Conversation, reply: Pick<Reply, 'text' | 'mentionIds' | 'merge'>): Promise<void> {
    const key = `${to.kind}:${to.id}`
    let lane = this.lanes.get(key)
    if (!lane) {
      lane = { to, items: [], running: false, lastSent: -Infinity }
      this.lanes.set(key, lane)
    }
    const merge = reply.merge
    // Merge into a receipt of the same kind that is still waiting (never the one being sent).
    const waiting = merge
      ? lane.items.slice(lane.running ? 1 : 0).find((i) => i.merge?.key === merge.key)
      : undefined
    if (merge && waiting?.merge) {
      waiting.merge.parts.push(merge.part)
      waiting.merge.suffix = merge.suffix
      waiting.text = M.mergedReceipts(waiting.merge.parts, merge.suffix)
      waiting.mentionIds = [...new Set([...waiting.mentionIds, ...(reply.mentionIds ?? [])])]
      return waiting.done
    }
    let resolve = () => {}
    const done = new Promise<void>((r) => (resolve = r))
    lane.items.push({
      text: reply.text,
      mentionIds: reply.mentionIds ?? [],
      merge: merge ? { key: merge.key, parts: [merge.part], suffix: merge.suffix } : undefined,
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
      const parts = splitText(item.text, this.opts.maxLength)
      for (const [i, part] of parts.entries()) {
        if (i > 0) {
          const gap = lane.lastSent + this.opts.intervalMs - this.now()
          if (gap > 0) await this.sleep(gap)
        }
        try {
          // Mentions go with the first part only.
          await this.send(lane.to, part, i === 0 ? item.mentionIds : [])
        } catch (error) {
          this.opts.logger.error('send failed', { to: `${lane.to.kind}:${lane.to.id}`, error })
        }
        lane.lastSent = this.now()
      }
      lane.items.shift()
      item.resolve()
    }
    lane.running = false
    for (const item of lane.items.splice(0)) item.resolve()
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
