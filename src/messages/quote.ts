/**
 * Anything a user typed, as the bot may repeat it: at most QUOTE_MAX characters (code points, so an
 * emoji is never cut in half), then “…”. Every sentence that echoes input goes through `quote`, so
 * a 5,000-character command never makes the bot post 5,000 characters back.
 */
export const QUOTE_MAX = 20

export function quote(input: string, max = QUOTE_MAX): string {
  const chars = Array.from(input)
  return chars.length <= max ? input : `${chars.slice(0, max).join('')}…`
}
