/**
 * What became of a reply handed to the outbox. The outbox never rejects: every caller learns the
 * outcome and decides (the scheduler retries later, the plugin logs it, a command may tell the user).
 */
import type { Conversation, Reply } from './types.js'

export type Delivery =
  | { ok: true }
  /** WeChat refused or failed every attempt. */
  | { ok: false; reason: 'send-failed'; attempts: number; error: unknown }
  /** The file was larger than the configured maximum and was not sent (the text, if any, was). */
  | { ok: false; reason: 'file-too-large'; size: number; maxBytes: number }
  /** The outbox was stopped (logout) before the reply went out. */
  | { ok: false; reason: 'stopped' }

/** Hands a reply to the outbox; resolves with its outcome, never rejects. */
export type SendReply = (to: Conversation, reply: Reply) => Promise<Delivery>
