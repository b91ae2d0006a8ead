/**
 * Text helpers shared by the parser and the roster: width folding and the keys names are compared by.
 */

/** Folds full-width ASCII and the ideographic space to their half-width forms (NFKC does both). */
export function foldWidth(s: string): string {
  return s.normalize('NFKC')
}

const QUOTES = /[“”"'‘’「」『』《》〈〉()（）【】[\]]/g

/** The key two organisation names are compared by: width-folded, lower-case, no spaces or quotes. */
export function nameKey(s: string): string {
  return foldWidth(s).replace(QUOTES, '').replace(/\s+/g, '').toLowerCase()
}

/** True when every character of `needle` appears in `hay` in order (西岗日新 ⊂ 西岗区日新街道). */
export function isSubsequence(needle: string, hay: string): boolean {
  const h = [...hay]
  let i = 0
  for (const ch of needle) {
    while (i < h.length && h[i] !== ch) i++
    if (i === h.length) return false
    i++
  }
  return true
}

/** A text's character bigrams, counted: what similarity compares (prepare once, compare many times). */
export interface Bigrams {
  counts: Map<string, number>
  size: number
}

export function bigramsOf(s: string): Bigrams {
  const chars = [...s]
  const grams: string[] = chars.length < 2 ? chars : []
  for (let i = 0; i < chars.length - 1; i++) grams.push(chars[i]! + chars[i + 1]!)
  const counts = new Map<string, number>()
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1)
  return { counts, size: grams.length }
}

/** Sørensen–Dice similarity of two prepared texts, 0…1: shared bigrams (with their counts) over both sizes. */
export function similarityOf(a: Bigrams, b: Bigrams): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts]
  let shared = 0
  for (const [g, n] of small) shared += Math.min(n, large.get(g) ?? 0)
  return (2 * shared) / (a.size + b.size)
}

/** Sørensen–Dice similarity over character bigrams, 0…1. */
export function similarity(a: string, b: string): number {
  return similarityOf(bigramsOf(a), bigramsOf(b))
}

/** 1 − edit distance ÷ the longer length: 日信街道 ~ 日新街道 is 0.75, one character off in four. */
export function closeness(a: string, b: string): number {
  const A = [...a]
  const B = [...b]
  if (A.length === 0 || B.length === 0) return 0
  // Lengths this far apart are never half close: skip the table (suggestions look up every key).
  const longer = Math.max(A.length, B.length)
  if (Math.abs(A.length - B.length) * 2 > longer) return 0
  let prev = B.map((_, j) => j + 1)
  for (let i = 0; i < A.length; i++) {
    const row = [i + 1]
    for (let j = 0; j < B.length; j++)
      row.push(Math.min(prev[j]! + 1, row[j]! + 1, (j === 0 ? i : prev[j - 1]!) + (A[i] === B[j] ? 0 : 1)))
    prev = row.slice(1)
  }
  return 1 - prev[B.length - 1]! / Math.max(A.length, B.length)
}
