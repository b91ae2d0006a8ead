import { DISTRICTS } from './roster-data.js'
import type { GroupNo, Role } from './types.js'
import { nameKey } from './text.js'

const ROLE_WORDS: [RegExp, Role][] = [
  [/^(工作组)?组长$|^(工作)?推进组组长$/, 'leader'],
  [/^(区|区市县)?联络员$/, 'liaison'],
  [/^管理员$|^admin$/, 'admin'],
]

export function parseRole(word: string): Role | null {
  const k = nameKey(word)
  for (const [re, role] of ROLE_WORDS) if (re.test(k)) return role
  return null
}

const GROUP_WORDS: Record<string, GroupNo> = { 一: 1, 二: 2, 三: 3, '1': 1, '2': 2, '3': 3 }

/** 第一组, 一组, 第1组, 1组 → 1. */
export function parseGroup(word: string): GroupNo | null {
  const m = /^(?:第)?([一二三123])(?:组|工作组|推进组)$/.exec(nameKey(word))
  return m ? (GROUP_WORDS[m[1]!] ?? null) : null
}

/** 西岗区, 西岗 → 西岗区 (the district names of the roster). */
export function parseDistrict(word: string): string | null {
  const k = nameKey(word)
  const d = DISTRICTS.find((x) => x.name === k || x.short === k || (x.formal && nameKey(x.formal) === k))
  return d ? d.name : null
}

export const DISTRICT_NAMES = DISTRICTS.map((d) => d.name)
