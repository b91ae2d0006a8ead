import { z } from 'zod'
import type { RawArgs } from './types.js'

/** The raw shape every command's schema starts from. */
export const rawArgs: z.ZodType<RawArgs, RawArgs> = z.object({
  tokens: z.array(z.string()),
  rest: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
})

/** Commands that take no arguments ignore anything typed after them. */
export const noArgs = rawArgs.transform(() => undefined)
