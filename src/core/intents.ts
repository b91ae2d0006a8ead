/**
 * Plain-language questions addressed to the bot (@助手 帮我看看我们单位报了没有) that clearly ask
 * for a command: the command and its arguments, or undefined.
 */
import { INTENTS } from '../domain/vocabulary.js'

export function matchIntent(text: string): { command: string; tokens: string[] } | undefined {
  const s = text.normalize('NFKC').replace(/\s+/g, '')
  for (const intent of INTENTS) {
    if (intent.phrases.some((p) => s.includes(p)))
      return { command: intent.command, tokens: [...intent.tokens] }
  }
  return undefined
}
