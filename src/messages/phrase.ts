/**
 * Cutting user text short without cutting a quotation in half: summaries in the Excel file and
 * case titles in the Word documents end at a phrase boundary, never between “ and ”.
 */

const OPEN = new Set(['“', '「', '《', '‘', '『', '（', '('])
const CLOSE = new Set(['”', '」', '》', '’', '』', '）', ')'])
/** Where a phrase may end: after these, outside any quotation. */
const PHRASE_END = new Set(['。', '！', '？', '；', '，', '、', '：', '!', '?', ';', ',', ' ', '\n'])
const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';', '\n'])

/** Depth of open quotations after each character (ASCII " toggles). */
function depths(chars: readonly string[]): number[] {
  const out: number[] = []
  let depth = 0
  let ascii = false
  for (const ch of chars) {
    if (OPEN.has(ch)) depth++
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1)
    else if (ch === '"') ascii = !ascii
    out.push(depth + (ascii ? 1 : 0))
  }
  return out
}

/**
 * At most about `max` characters, cut after a phrase boundary outside quotation marks, with "…"
 * when anything was left out. A quotation that runs past `max` is kept whole up to `max + slack`;
 * only when none of that works is the text cut before the quotation opened.
 */
export function cutOutsideQuotes(text: string, max: number, slack = Math.ceil(max / 2)): string {
  // Only the head matters: a report's text may run to thousands of characters.
  const chars = firstChars(text.trim(), max + slack + 1)
  if (chars.length <= max) return chars.join('')
  const d = depths(chars)
  const closedAt = (i: number) => d[i] === 0
  // The last phrase end within max, outside quotes (not too early: at least a third of max).
  for (let i = max - 1; i >= Math.floor(max / 3); i--) {
    if (closedAt(i) && PHRASE_END.has(chars[i]!)) return finish(chars, i + 1)
  }
  // A quotation open at max: keep it whole when it closes soon after.
  for (let i = max; i < Math.min(chars.length, max + slack); i++) {
    if (closedAt(i)) return finish(chars, i + 1)
  }
  // Otherwise stop before the quotation that is open at max.
  let i = max - 1
  while (i > 0 && !closedAt(i - 1)) i--
  return finish(chars, Math.max(1, i))
}

/** The first `n` characters (code points) of a text, without spreading the rest. */
function firstChars(text: string, n: number): string[] {
  const out: string[] = []
  for (const ch of text) {
    if (out.length === n) break
    out.push(ch)
  }
  return out
}

function finish(chars: readonly string[], end: number): string {
  const head = chars
    .slice(0, end)
    .join('')
    .replace(/[，、：,:\s]+$/u, '')
  return end >= chars.length ? head : `${head}…`
}

/** The first sentence or phrase of a text, as a title: up to `max` characters, quotations whole. */
export function firstPhrase(text: string, max = 30): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()]
  const d = depths(chars)
  for (let i = 0; i < chars.length; i++) {
    if (d[i] === 0 && SENTENCE_END.has(chars[i]!)) {
      const head = chars.slice(0, i).join('').trim()
      if (head.length > 0 && [...head].length <= max) return head
      break
    }
  }
  return cutOutsideQuotes(chars.join(''), max).replace(/[。！？；!?;]$/u, '')
}
