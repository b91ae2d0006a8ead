/**
 * One incoming message's way through the bot, after the transport made it an `Incoming`: seen ids
 * (a message delivered twice) → the handled store (replayed after a restart) → the age window →
 * core.handle → remember and owe the replies (on disk) → deliver through the outbox → paid.
 * Messages of one conversation are handled one after another, so replies keep their order.
 */
import type { Core } from '../core/handle.js'
import type { Delivery } from '../core/delivery.js'
import type { HandledPort, OwedReplies } from '../core/handled-port.js'
import type { Conversation, Incoming, Reply, RoomMember } from '../core/types.js'
import type { Logger } from '../logger.js'
import { DELIVERY } from '../messages/delivery.js'
import { OPS } from '../messages/operations.js'
import type { InFlight } from './in-flight.js'
import type { Outbox } from './outbox.js'
import { SeenIds } from './seen-ids.js'

/** Hands one reply to the outbox; resolves with its outcome, never rejects. */
export type Send = Outbox['enqueue']

export interface PipelineDeps {
  core: Pick<Core, 'handle' | 'greet'>
  send: Send
  /** Handled ids and owed replies kept across restarts; without it only this process remembers. */
  handled?: HandledPort
  clock: () => Date
  logger: Logger
  /** Messages sent longer ago than this are ignored. */
  maxAgeMs: number
  /** Owed replies older than this are not sent after a restart. */
  owedMaxAgeMs: number
  inFlight: InFlight
}

/** `room:<id>` / `private:<id>`: how an owed reply names its conversation. */
export const conversationKey = (c: Conversation) => `${c.kind}:${c.id}`
function conversationOf(key: string): Conversation | null {
  const i = key.indexOf(':')
  const kind = key.slice(0, i)
  return kind === 'room' || kind === 'private' ? { kind, id: key.slice(i + 1) } : null
}

export class MessagePipeline {
  private readonly seen = new SeenIds()
  private readonly lanes = new Map<string, Promise<void>>()
  private owedTaken = false

  constructor(private readonly deps: PipelineDeps) {}

  /** Whether a message is new to this bot and young enough to handle (checked before anything else). */
  admit(id: string, sentAt: Date): boolean {
    const { logger, handled, clock, maxAgeMs } = this.deps
    if (!this.seen.add(id)) {
      logger.debug('duplicate message ignored', { msg: id })
      return false
    }
    if (handled?.has(id)) {
      logger.debug('message handled before a restart; replay ignored', { msg: id })
      return false
    }
    if (clock().getTime() - sentAt.getTime() > maxAgeMs) {
      logger.debug('old message ignored', { msg: id })
      return false
    }
    return true
  }

  /** Handles an admitted message in its conversation's lane; resolves once it is handled (sending goes on). */
  async receive(incoming: Incoming): Promise<void> {
    const key = conversationKey(incoming.conversation)
    const prev = this.lanes.get(key) ?? Promise.resolve()
    const mine = prev
      .catch(() => undefined)
      .then(async () => {
        const replies = await this.deps.core.handle(incoming)
        // Chatter changes nothing: only what was answered, or shared, is remembered.
        const owes =
          (replies.length > 0 || incoming.kind !== 'text') &&
          (await this.remember(incoming.id, replies, incoming.conversation))
        // Queued in order; sending goes on in the outbox while the next message is handled.
        // Once every reply is out, nothing is owed for the message any more.
        this.deps.inFlight.track(
          this.deliver(replies, incoming.conversation, incoming.id, incoming.senderId).then(async (ok) => {
            if (ok && owes && replies.length > 0) await this.deps.handled?.paid(incoming.id)
          }),
        )
      })
    this.lanes.set(key, mine)
    try {
      await mine
    } finally {
      if (this.lanes.get(key) === mine) this.lanes.delete(key)
    }
  }

  /** People joined the coordination room: one greeting for them. */
  async greet(roomId: string, people: RoomMember[]): Promise<void> {
    if (people.length === 0) return
    const replies = await this.deps.core.greet(people)
    void (await this.deliver(replies, { kind: 'room', id: roomId }))
  }

  /**
   * Replies a previous process owed, taken at once on the first login, before any message of this
   * login can owe one (a reconnect's replies are still in the outbox); null after the first call.
   */
  takeOwed(): Promise<OwedReplies[]> | null {
    const { handled, clock, owedMaxAgeMs } = this.deps
    const owed = !this.owedTaken && handled ? handled.takeOwed(clock(), owedMaxAgeMs) : null
    this.owedTaken = true
    return owed
  }

  /** Receipts a crash kept from going out, under an hour old: once, merged per conversation. */
  async payOwed(taking: Promise<OwedReplies[]>): Promise<void> {
    const { logger, send } = this.deps
    const owed = await taking
    for (const o of owed) {
      const to = conversationOf(o.conversation)
      if (!to) continue
      logger.info('sending replies owed from before the restart', { to: o.conversation, ids: o.ids.length })
      const d = await send(to, { text: OPS.owedReplies(o.texts) })
      if (!d.ok) logger.error('owed replies not delivered', { to: o.conversation, reason: d.reason })
    }
  }

  /** Resolves true when every reply went out; a file that did not go out is explained to the asker. */
  private async deliver(
    replies: Reply[],
    fallback: Conversation,
    msg?: string,
    asker?: string,
  ): Promise<boolean> {
    const { logger, send } = this.deps
    const outcomes = await Promise.all(replies.map((r) => send(r.to ?? fallback, r)))
    const told: Promise<Delivery>[] = []
    outcomes.forEach((d, i) => {
      if (d.ok) return
      logger.error('reply not delivered', { msg, reason: d.reason })
      const file = replies[i]!.file
      if (!file || !asker || (d.reason !== 'file-too-large' && d.reason !== 'send-failed')) return
      const text =
        d.reason === 'file-too-large'
          ? DELIVERY.fileTooLarge(file.name, d.size, d.maxBytes)
          : DELIVERY.fileFailed(file.name)
      told.push(send({ kind: 'private', id: asker }, { text }))
    })
    await Promise.all(told)
    return outcomes.every((d) => d.ok)
  }

  /**
   * The message is handled and its change is on disk: mark it handled and owe its replies, in one
   * tick (the day file's writes are grouped), and wait for that before anything is sent. A failed
   * write is logged; the replies still go out (what they acknowledge is on disk already).
   */
  private async remember(id: string, replies: Reply[], fallback: Conversation): Promise<boolean> {
    const { handled, clock, logger } = this.deps
    if (!handled) return false
    const at = clock()
    try {
      await Promise.all([
        handled.mark(id, at),
        ...replies
          .filter((r) => r.text !== '')
          .map((r) => handled.owe(id, conversationKey(r.to ?? fallback), r.text, at)),
      ])
      return true
    } catch (error) {
      logger.error('could not record the message as handled', { msg: id, error })
      return false
    }
  }
}
