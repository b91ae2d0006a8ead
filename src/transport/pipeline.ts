/**
 * One incoming message's way through the bot, from the transport's raw message to the replies
 * sent, as one chain (`receive`):
 *
 *   admission (own message, seen id, handled before a restart, too old)
 *   → order (its place in its person's and its conversation's order, taken at arrival)
 *   → room binding and conversion (the source)
 *   → dispatch (core.handle, after the sender's previous message)
 *   → bookkeeping (handled mark and owed replies, one durable write, group-committed)
 *   → delivery (replies to the outbox in arrival order per conversation) → paid.
 *
 * Different people's messages are handled side by side, so their writes share disk writes; one
 * person's are handled in the order sent. What a handler reads after its own write includes every
 * earlier message of its conversation (src/transport/order.ts, storage/commit-turn.ts).
 */
import type { Core } from '../core/handle.js'
import type { Delivery } from '../core/delivery.js'
import type { HandledPort, OwedReplies } from '../core/handled-port.js'
import type { Conversation, Incoming, Reply, RoomMember } from '../core/types.js'
import type { Logger } from '../logger.js'
import { DELIVERY } from '../messages/delivery.js'
import { OPS } from '../messages/operations.js'
import { breathe } from './breathe.js'
import type { InFlight } from './in-flight.js'
import { MessageOrder, type Turn } from './order.js'
import type { Outbox } from './outbox.js'
import { SeenIds } from './seen-ids.js'
import type { Envelope, MessageSource } from './source.js'

/** Hands one reply to the outbox; resolves with its outcome, never rejects. */
export type Send = Outbox['enqueue']

/** Runs a handler so that its writes, once on disk, wait for `turn` (storage/commit-turn.ts). */
export type CommitTurnScope = <T>(turn: () => Promise<void>, fn: () => T) => T

export interface PipelineDeps<M> {
  source: MessageSource<M>
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
  /** Without it a handler's reads after its write do not wait for earlier messages. */
  commitTurn?: CommitTurnScope
}

/** `room:<id>` / `private:<id>`: how an owed reply names its conversation. */
export const conversationKey = (c: Conversation) => `${c.kind}:${c.id}`
function conversationOf(key: string): Conversation | null {
  const i = key.indexOf(':')
  const kind = key.slice(0, i)
  return kind === 'room' || kind === 'private' ? { kind, id: key.slice(i + 1) } : null
}

export class MessagePipeline<M> {
  private readonly seen = new SeenIds()
  private readonly order = new MessageOrder()
  private owedTaken = false

  constructor(private readonly deps: PipelineDeps<M>) {}

  /** The one entry for a message: resolves once it is handled and its replies are queued (sending goes on). */
  async receive(raw: M): Promise<void> {
    const envelope = this.deps.source.envelope(raw)
    if (!this.admit(envelope)) return
    const turn = this.order.take(conversationKey(envelope.conversation), envelope.senderId)
    try {
      await turn.person
      const incoming = await this.convert(raw)
      if (!incoming) return
      const replies = await this.dispatch(incoming, turn)
      turn.handled()
      const owes = await this.remember(incoming, replies)
      await turn.earlierReleased
      await breathe()
      if (replies.length > 0) this.deliverAndSettle(incoming, replies, owes)
    } finally {
      turn.released()
    }
  }

  /** New to this bot, not handled before a restart, young enough; checked before anything else. */
  private admit({ id, sentAt, self }: Envelope): boolean {
    const { logger, handled, clock, maxAgeMs } = this.deps
    if (self) return false
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

  /** Room binding, then conversion; null for a conversation the bot does not serve. */
  private async convert(raw: M): Promise<Incoming | null> {
    const { source } = this.deps
    if (!(await source.serves(raw))) return null
    return source.toIncoming(raw)
  }

  /** core.handle, its reads after each write waiting for the earlier messages of the conversation. */
  private async dispatch(incoming: Incoming, turn: Turn): Promise<Reply[]> {
    await breathe()
    const { core, commitTurn } = this.deps
    if (!commitTurn) return core.handle(incoming)
    const wait = async () => {
      await turn.earlierHandled
      await breathe()
    }
    return commitTurn(wait, () => core.handle(incoming))
  }

  /**
   * The message is handled and its change is on disk: mark it handled and owe its replies, in one
   * durable write shared with the other messages of the moment, before anything is sent. Chatter
   * changes nothing and is not remembered. A failed write is logged; the replies still go out
   * (what they acknowledge is on disk already).
   */
  private async remember(incoming: Incoming, replies: Reply[]): Promise<boolean> {
    const { handled, clock, logger } = this.deps
    if (!handled || (replies.length === 0 && incoming.kind === 'text')) return false
    const owed = replies
      .filter((r) => r.text !== '')
      .map((r) => ({ conversation: conversationKey(r.to ?? incoming.conversation), text: r.text }))
    try {
      await handled.record(incoming.id, clock(), owed)
      return true
    } catch (error) {
      logger.error('could not record the message as handled', { msg: incoming.id, error })
      return false
    }
  }

  /** Queues the replies now (in turn); once all are out, nothing is owed for the message any more. */
  private deliverAndSettle(incoming: Incoming, replies: Reply[], owes: boolean): void {
    const { handled, inFlight } = this.deps
    const delivered = this.deliver(replies, incoming.conversation, incoming.id, incoming.senderId)
    inFlight.track(
      delivered.then(async (ok) => {
        if (ok && owes) await handled?.paid(incoming.id)
      }),
    )
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

  /**
   * Hands every reply to the outbox at once (in order); resolves true when every reply went out. A
   * file that did not go out is explained to the asker.
   */
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
}
