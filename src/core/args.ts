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

/** Length of the first argument as typed (a 「quoted」 one included), to find where the text starts. */
export function rawLength(rest: string): number {
  const close = OPEN_CLOSE[rest[0] ?? '']
  const end = close ? rest.indexOf(close, 1) : -1
  if (end > 0) return end + 1
  return (/^\S+/.exec(rest)?.[0] ?? '').length
}
