import { RESERVED_NAME_WORDS } from './vocabulary.js'

export type NameError = 'NAME_LENGTH' | 'NAME_DIGIT' | 'NAME_EMOJI' | 'NAME_CHARS' | 'NAME_RESERVED'

/** CJK ideographs, Latin letters and the middle dot of transliterated names (阿依古丽·买买提). */
const ALLOWED = /^[\p{Script=Han}A-Za-z·]+$/u
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u

/** Real names: 2–20 characters, CJK or Latin, no digits or emoji, not a 条线 or command word. */
export function validateName(raw: string): { ok: true; name: string } | { ok: false; code: NameError } {
  const name = raw
    .normalize('NFKC')
    .trim()
    .replace(/[•・.]/g, '·')
  if (/\d/.test(name)) return { ok: false, code: 'NAME_DIGIT' }
  if (EMOJI.test(name)) return { ok: false, code: 'NAME_EMOJI' }
  if (!ALLOWED.test(name) || name.startsWith('·') || name.endsWith('·'))
    return { ok: false, code: 'NAME_CHARS' }
  if (RESERVED_NAME_WORDS.includes(name)) return { ok: false, code: 'NAME_RESERVED' }
  const length = [...name].length
  if (length < 2 || length > 20) return { ok: false, code: 'NAME_LENGTH' }
  return { ok: true, name }
}
