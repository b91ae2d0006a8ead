/** What #任命 and #免职 share: reading `角色 @某人 [范围]` and finding the person. */
import { displayName } from '../../src/messages/format.js'
import { rawArgs } from '../../src/core/args.js'
import type { CommandContext, Reply } from '../../src/core/types.js'
import { DISTRICT_NAMES, parseDistrict, parseGroup, parseRole } from '../../src/domain/roles.js'
import { byUnit, namesakes, splitNameUnit } from '../../src/domain/namesakes.js'
import type { GroupNo, Role, RoleSpec } from '../../src/domain/types.js'
import { PEOPLE } from './sentences.js'

export interface RoleArgs {
  role: Role | null
  roleWord: string | null
  group: GroupNo | null
  district: string | null
  mention: { id: string; name: string } | null
  targetName: string | null
  /** Words left over, such as the unit of a person who shares a name: 张三 日新街道. */
  others: string[]
}

/** Reads `角色 @某人 [范围]` in any order: 组长 @张三 第一组, 联络员 李四 西岗区, 管理员 @王五. */
export const roleArgs = rawArgs.transform((a): RoleArgs => {
  const out: RoleArgs = {
    role: null,
    roleWord: null,
    group: null,
    district: null,
    mention: a.mentions[0] ?? null,
    targetName: null,
    others: [],
  }
  for (const t of a.tokens) {
    // A real @-mention arrives with the contact; `@钱进` typed by hand (or in a client that sent
    // no mention) is the name itself.
    if (t.startsWith('@')) {
      if (!out.mention && !out.targetName && t.length > 1) out.targetName = t.slice(1)
      continue
    }
    const role = parseRole(t)
    if (role && !out.role) {
      out.role = role
      continue
    }
    const group = parseGroup(t)
    if (group !== null && out.group === null) {
      out.group = group
      continue
    }
    const district = parseDistrict(t)
    if (district !== null && out.district === null) {
      out.district = district
      continue
    }
    if (!out.roleWord && !out.role && /(长|员)$/.test(t)) out.roleWord = t
    else if (!out.targetName) out.targetName = t
    else out.others.push(t)
  }
  return out
})

/**
 * Finds who a role command is about: the @-mentioned contact, or a registered name. Two people
 * with one name are told apart by unit, `张三（日新街道）` or `张三 日新街道`; otherwise the
 * reply lists them with their units.
 */
export function resolveTarget(
  { deps }: CommandContext,
  args: RoleArgs,
): { ok: true; id: string; name: string } | { ok: false; reply: Reply[] } {
  if (args.mention) {
    const m = deps.repo.member(args.mention.id)
    return { ok: true, id: args.mention.id, name: m ? told(deps, m.contactId, m.name) : args.mention.name }
  }
  if (!args.targetName) return { ok: false, reply: [{ text: PEOPLE.targetMissing }] }
  const roster = deps.repo.roster()
  const members = deps.repo.members()
  const { name, unit } = splitNameUnit(args.targetName)
  let found = namesakes(members, roster, name, displayName)
  if (found.length === 0) {
    // A WeChat display name typed after @ by hand.
    const shown = members.filter((m) => m.wechatName === name)
    if (shown.length === 1) return { ok: true, id: shown[0]!.contactId, name: shown[0]!.name }
    return { ok: false, reply: [{ text: PEOPLE.targetNotFound(name) }] }
  }
  const labels = found.map((c) => c.label)
  if (unit !== null) {
    found = byUnit(found, roster, unit)
    if (found.length === 0)
      return { ok: false, reply: [{ text: PEOPLE.targetNoSuchUnit(name, unit, labels) }] }
  } else if (found.length > 1) {
    for (const word of args.others) {
      const picked = byUnit(found, roster, word)
      if (picked.length === 1) {
        found = picked
        break
      }
    }
  }
  if (found.length > 1) return { ok: false, reply: [{ text: PEOPLE.targetAmbiguous(name, labels) }] }
  return { ok: true, id: found[0]!.member.contactId, name: told(deps, found[0]!.member.contactId, name) }
}

/** The name as replies and the log show it: 张三（大船） when another member is also called 张三. */
export function told(deps: CommandContext['deps'], id: string, name: string): string {
  const same = namesakes(deps.repo.members(), deps.repo.roster(), name, displayName)
  const me = same.find((n) => n.member.contactId === id)
  return same.length > 1 && me ? PEOPLE.namesake(name, me.label) : name
}

/** The role and the person a role command is about, or the reply that says what is missing. */
export function roleAndTarget(
  ctx: CommandContext,
  args: RoleArgs,
): { ok: true; role: Role; id: string; name: string } | { ok: false; reply: Reply[] } {
  if (!args.role)
    return {
      ok: false,
      reply: [{ text: args.roleWord ? PEOPLE.roleUnknown(args.roleWord) : PEOPLE.roleMissing }],
    }
  const target = resolveTarget(ctx, args)
  return target.ok ? { ...target, role: args.role } : target
}

/** The scope a role needs: a group for a leader, a district for a liaison, none for an admin. */
export function checkScope(
  role: Role,
  args: Pick<RoleArgs, 'group' | 'district'>,
): { ok: true; spec: RoleSpec } | { ok: false; text: string } {
  if (role === 'admin') return { ok: true, spec: { role } }
  if (role === 'leader')
    return args.group
      ? { ok: true, spec: { role, group: args.group } }
      : { ok: false, text: PEOPLE.groupMissing }
  return args.district
    ? { ok: true, spec: { role, district: args.district } }
    : { ok: false, text: PEOPLE.districtMissing(DISTRICT_NAMES) }
}
