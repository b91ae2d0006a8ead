import { matchIntent } from './intents.js'
import { FULL_WIDTH_HASH, QUOTES } from '../domain/vocabulary.js'
import type { AnyCommand, CommandRegistryView } from './types.js'

/**
 * Recognises commands and splits their arguments.
 * A command starts with # or ＃ (after the bot's @-mention, if any), or is any message that
 * @-mentions the bot. Width is folded and odd spaces (U+3000, U+2005 after a mention, NBSP,
 * zero-width) count as spaces; 「」, 『』 and “” keep a phrase with spaces as one argument.
 */

const ODD_SPACES = /[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g

/** Folds odd spaces to plain ones and trims; keeps everything else as typed. */
export function cleanSpaces(s: string): string {
  return s.replace(ODD_SPACES, ' ').trim()
}

export interface ParsedCommand {
  /** True when the message started with # or ＃. */
  hashed: boolean
  /** The command word, width-folded, without the #. Empty when only # was sent. */
  word: string
  /** The arguments as typed (spaces cleaned, trimmed). */
  rest: string
  tokens: string[]
}

/** Quotes that keep a phrase together, opening → closing. */
export const OPEN_CLOSE: Readonly<Record<string, string>> = QUOTES

/** Splits on spaces; a quoted phrase is one token, without its quotes. */
export function tokenize(s: string): string[] {
  const out: string[] = []
  let cur = ''
  let close: string | null = null
  for (const ch of s) {
    if (close) {
      if (ch === close) {
        close = null
        out.push(cur)
        cur = ''
      } else cur += ch
    } else if (ch === ' ') {
      if (cur) out.push(cur)
      cur = ''
    } else if (OPEN_CLOSE[ch] && cur === '') {
      close = OPEN_CLOSE[ch]
    } else cur += ch
  }
  if (cur) out.push(cur)
  return out.map((t) => t.normalize('NFKC').trim()).filter((t) => t !== '')
}

/**
 * Returns the command in a message, or null for chatter.
 * `addressed` is true when the message @-mentions the bot or is a private chat: then a command
 * word without # is accepted too.
 */
export function parseCommand(text: string, addressed: boolean): ParsedCommand | null {
  let s = cleanSpaces(text).replace(/ {2,}/g, ' ')
  const hashed = s.startsWith('#') || s.startsWith(FULL_WIDTH_HASH)
  if (!hashed && !addressed) return null
  if (hashed) s = s.slice(1).trimStart()
  // The command word ends at a space or a colon: #注册：张三 日新 works like #注册 张三 日新.
  const m = /^([^\s:：]*)[\s:：]*([\s\S]*)$/.exec(s)
  const word = (m?.[1] ?? '').normalize('NFKC')
  const rest = (m?.[2] ?? '').trim()
  return { hashed, word, rest, tokens: tokenize(rest) }
}

/**
 * The command a parsed message asks for: the command word itself; with # also a command name run
 * together with its arguments (#上报望海社区又一篇); without # a plain-language question that
 * clearly matches one (报了没有 → #进度).
 */
export function understand(
  registry: CommandRegistryView & {
    longestPrefix(word: string): { cmd: AnyCommand; rest: string } | undefined
  },
  parsed: ParsedCommand,
  text: string,
): { ok: true; cmd: AnyCommand; parsed: ParsedCommand } | { ok: false } {
  const cmd = registry.find(parsed.word)
  if (cmd) return { ok: true, cmd, parsed }
  if (parsed.hashed) {
    const p = registry.longestPrefix(parsed.word)
    if (!p) return { ok: false }
    const rest = [p.rest, parsed.rest].filter((x) => x !== '').join(' ')
    return {
      ok: true,
      cmd: p.cmd,
      parsed: { ...parsed, word: parsed.word.slice(0, -p.rest.length), rest, tokens: tokenize(rest) },
    }
  }
  const intent = matchIntent(text)
  const target = intent && registry.find(intent.command)
  if (!intent || !target) return { ok: false }
  return {
    ok: true,
    cmd: target,
    parsed: { ...parsed, word: intent.command, rest: intent.tokens.join(' '), tokens: intent.tokens },
  }
}
