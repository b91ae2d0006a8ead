/**
 * People who share a name. WeChat lets a coordinator @ one of them; where no @ is possible (the
 * console group, a name typed by hand) the person is told apart by unit: 张三（日新街道）.
 */
import type { Roster } from './roster.js'
import { nameKey } from './text.js'
import type { Member, Org } from './types.js'

export interface Namesake {
  member: Member
  /** What tells this person apart: the unit, with the line when two share a unit. */
  label: string
}

/**
 * The members called `name`, each with a label that differs from the others'. A unit is named as
 * `unitName` names it: the one display-name rule (src/messages/format.ts), never a nickname.
 */
export function namesakes(
  members: readonly Member[],
  roster: Roster,
  name: string,
  unitName: (org: Org) => string,
): Namesake[] {
  const same = members.filter((m) => m.name === name)
  const unit = (m: Member) => {
    const org = roster.get(m.orgId)
    return org ? unitName(org) : '?'
  }
  const counts = new Map<string, number>()
  for (const m of same) counts.set(unit(m), (counts.get(unit(m)) ?? 0) + 1)
  return same.map((member) => {
    const u = unit(member)
    const shared = (counts.get(u) ?? 0) > 1
    return { member, label: shared && member.line ? `${u}·${member.line}` : u }
  })
}

/** `张三（日新街道）` or `张三(日新街道)` → name and unit; a plain name has no unit. */
export function splitNameUnit(typed: string): { name: string; unit: string | null } {
  const m = /^(.+?)[(（]([^()（）]+)[)）]$/.exec(typed.normalize('NFKC').trim())
  return m ? { name: m[1]!.trim(), unit: m[2]!.trim() } : { name: typed.trim(), unit: null }
}

/** The namesakes a unit as typed points at: by label first, then by what the roster finds. */
export function byUnit(candidates: readonly Namesake[], roster: Roster, unit: string): Namesake[] {
  const key = nameKey(unit)
  const byLabel = candidates.filter((c) => nameKey(c.label) === key)
  if (byLabel.length > 0) return byLabel
  const found = roster.lookup(unit)
  if (found.kind !== 'found') return []
  return candidates.filter((c) => c.member.orgId === found.org.id)
}
