import { z } from 'zod'
import { OPEN_CLOSE } from './parse.js'
import type { RawArgs } from './types.js'

/** The raw shape every command's schema starts from. */
export const rawArgs: z.ZodType<RawArgs, RawArgs> = z.object({
  tokens: z.array(z.string()),
  rest: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
})

/** Commands that take no arguments ignore anything typed after them. */
export const noArgs = rawArgs.transform(() => undefined)

/**
 * The text after the first `n` arguments, exactly as typed: full-width punctuation, ㎡, quotation
 * marks and emoji kept. Arguments are normalised only to be read; what people wrote is stored and
 * shown as they wrote it. Splits the way `tokenize` does (spaces, a quoted phrase as one).
 */
export function restAfter(rest: string, n: number): string {
  if (n <= 0) return rest.trim()
  let count = 0
  let cur = ''
  let close: string | null = null
  const chars = [...rest]
  let at = 0
  const push = (end: number) => {
    if (cur.normalize('NFKC').trim() !== '') count++
    cur = ''
    return count === n ? chars.slice(end).join('').trim() : null
  }
  for (; at < chars.length; at++) {
    const ch = chars[at]!
    let done: string | null = null
    if (close) {
      if (ch === close) {
        close = null
        done = push(at + 1)
      } else cur += ch
    } else if (ch === ' ') {
      done = push(at + 1)
    } else if (OPEN_CLOSE[ch] && cur === '') close = OPEN_CLOSE[ch]
    else cur += ch
    if (done !== null) return done
  }
  return ''
}

/** The argument at `index` exactly as typed, without the quotation marks that keep it together. */
export function rawArg(rest: string, index: number): string {
  const s = restAfter(rest, index)
  const close = OPEN_CLOSE[s[0] ?? '']
  const end = close ? s.indexOf(close, 1) : -1
  if (end > 0) return s.slice(1, end)
  return /^[^ ]*/.exec(s)![0]
}

/** Length of the first argument as typed (a 「quoted」 one included), to find where the text starts. */
export function rawLength(rest: string): number {
  const close = OPEN_CLOSE[rest[0] ?? '']
  const end = close ? rest.indexOf(close, 1) : -1
  if (end > 0) return end + 1
  return (/^\S+/.exec(rest)?.[0] ?? '').length
}
