/**
 * Where the pipeline's messages come from. The pipeline takes the transport's raw message as it
 * is; a source tells it what it needs at once (no I/O) and does the two steps that may ask the
 * transport: whether the bot serves the conversation (binding the room on first sight) and the
 * conversion to the plain `Incoming` the core works on.
 */
import type { Conversation, Incoming } from '../core/types.js'

/** What is known of a raw message at once, before any I/O. */
export interface Envelope {
  id: string
  sentAt: Date
  /** Sent by the bot itself (the mock echoes the bot's sends). */
  self: boolean
  conversation: Conversation
  senderId: string
}

export interface MessageSource<M> {
  envelope(raw: M): Envelope
  /** True for the coordination room (bound now if it is not yet and the topic is ours) and private chats. */
  serves(raw: M): Promise<boolean>
  toIncoming(raw: M): Promise<Incoming>
}

/** Messages that are already plain `Incoming` objects (tests, tools). */
export const plainSource: MessageSource<Incoming> = {
  envelope: (m) => ({
    id: m.id,
    sentAt: m.at,
    self: false,
    conversation: m.conversation,
    senderId: m.senderId,
  }),
  serves: async () => true,
  toIncoming: async (m) => m,
}
