/**
 * 编号 as people write them: 6, ６, 6号, 第6, 第6篇, 编号6, No.6, #6, ＃6. One parser for every
 * command that takes a number (#撤回, #标记, #推荐, #项目, #单位, registration by number).
 */
import { NUMBER_PREFIXES, NUMBER_SUFFIXES } from './vocabulary.js'

/** The number written, or null when the word is not a number in any of the accepted forms. */
export function parseNo(word: string): number | null {
  let s = word.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  for (const p of NUMBER_PREFIXES) {
    if (s.startsWith(p) && s.length > p.length) {
      s = s.slice(p.length)
      break
    }
  }
  for (const x of NUMBER_SUFFIXES) {
    if (s.endsWith(x) && s.length > x.length) {
      s = s.slice(0, -x.length)
      break
    }
  }
  if (!/^\d{1,7}$/.test(s)) return null
  const n = Number(s)
  return n > 0 ? n : null
}
