/**
 * Handled messages, durably: a message replayed after a restart (the puppet service re-delivers
 * recent messages on reconnect) must not run its command again. And replies owed: a reply created
 * for a handled message is recorded until it is sent, so after a crash the young ones can be sent
 * once more.
 */

/** Replies owed in one conversation, merged: send `texts` (in order) as one message or a few. */
export interface OwedReplies {
  conversation: string
  /** The handled messages the replies answer. */
  ids: string[]
  texts: string[]
  /** When the first of them was owed. */
  since: Date
}

export interface HandledPort {
  /** True once `mark(id)` has been called for this message id (kept for at least 7 days). */
  has(id: string): boolean
  /** Records that the message was handled; resolves once on disk. */
  mark(id: string, at: Date): Promise<void>
  /**
   * Marks the message handled and owes its replies (not yet sent) in one durable write; resolves
   * once on disk. What the pipeline uses: one bookkeeping write per message, group-committed.
   */
  record(id: string, at: Date, owed: readonly { conversation: string; text: string }[]): Promise<void>
  /** Records a reply created for a handled message and not yet sent; resolves once on disk. */
  owe(id: string, conversation: string, text: string, at: Date): Promise<void>
  /** Opens what today's first message needs ahead of it (start-up); optional. */
  warm?(now: Date): Promise<void>
  /** The replies to this message were sent: forgets what was owed for it (no wait of its own: group-committed). */
  paid(id: string): Promise<void>
  /**
   * Every reply still owed (after a crash), younger than `maxAgeMs` (one hour by default), merged by
   * conversation in the order they were owed. All owed records, old ones included, are cleared in
   * the same write, so each is offered once.
   */
  takeOwed(now: Date, maxAgeMs?: number): Promise<OwedReplies[]>
}
