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
  return subsequenceOf(codesOf(needle), codesOf(hay))
}

/** A text's characters as code points: what the prepared comparisons below take (numbers compare fast). */
export function codesOf(s: string): number[] {
  const codes: number[] = []
  for (const ch of s) codes.push(ch.codePointAt(0)!)
  return codes
}

/** isSubsequence over texts already split (codesOf). */
export function subsequenceOf(needle: ArrayLike<number>, hay: ArrayLike<number>): boolean {
  let i = 0
  for (let n = 0; n < needle.length; n++) {
    const ch = needle[n]
    while (i < hay.length && hay[i] !== ch) i++
    if (i === hay.length) return false
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
  return closenessOf(codesOf(a), codesOf(b))
}

/** The edit-distance table's two rows, kept between calls (grown when a text is longer). */
let scratch: [Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64)]

/** closeness over texts already split (codesOf: prepare once, compare many times). */
export function closenessOf(A: ArrayLike<number>, B: ArrayLike<number>): number {
  if (A.length === 0 || B.length === 0) return 0
  // Lengths this far apart are never half close: skip the table (suggestions look up every key).
  const longer = Math.max(A.length, B.length)
  if (Math.abs(A.length - B.length) * 2 > longer) return 0
  if (scratch[0].length <= B.length) scratch = [new Int32Array(B.length * 2), new Int32Array(B.length * 2)]
  let prev = scratch[0]
  let row = scratch[1]
  for (let j = 0; j <= B.length; j++) prev[j] = j
  for (let i = 0; i < A.length; i++) {
    row[0] = i + 1
    for (let j = 0; j < B.length; j++)
      row[j + 1] = Math.min(prev[j + 1]! + 1, row[j]! + 1, prev[j]! + (A[i] === B[j] ? 0 : 1))
    const done = row
    row = prev
    prev = done
  }
  return 1 - prev[B.length]! / longer
}
