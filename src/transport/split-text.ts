import { DELIVERY } from '../messages/delivery.js'

/** Cuts a string into pieces of at most `max` code points, never inside a surrogate pair. */
function hardCut(line: string, max: number): string[] {
  const chars = [...line]
  const out: string[] = []
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''))
  return out
}

const len = (s: string) => [...s].length

/**
 * Splits a long text into messages of at most `max` characters, at line breaks where it can,
 * each part marked （i/n） so a reader on a phone knows more is coming.
 */
export function splitText(text: string, max: number): string[] {
  if (len(text) <= max) return [text]
  const room = max - len(DELIVERY.splitMark(99, 99)) - 1
  const lines = text.split('\n').flatMap((l) => (len(l) > room ? hardCut(l, room) : [l]))
  const parts: string[] = []
  let cur = ''
  for (const line of lines) {
    const next = cur === '' ? line : `${cur}\n${line}`
    if (len(next) > room && cur !== '') {
      parts.push(cur)
      cur = line
    } else cur = next
  }
  if (cur !== '') parts.push(cur)
  return parts.map((p, i) => `${p}\n${DELIVERY.splitMark(i + 1, parts.length)}`)
}
