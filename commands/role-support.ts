/** What #任命 and #免职 share: reading `角色 @某人 [范围]` and finding the person. */
import { rawArgs } from '../src/core/args.js'
import type { CommandContext, Reply } from '../src/core/types.js'
import { DISTRICT_NAMES, parseDistrict, parseGroup, parseRole } from '../src/domain/roles.js'
import type { GroupNo, Role, RoleSpec } from '../src/domain/types.js'
import { M } from '../src/messages/zh.js'

export interface RoleArgs {
  role: Role | null
  roleWord: string | null
  group: GroupNo | null
  district: string | null
  mention: { id: string; name: string } | null
  targetName: string | null
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
  }
  for (const t of a.tokens) {
    if (t.startsWith('@')) continue
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
  }
  return out
})

/** Finds who a role command is about: the @-mentioned contact, or a unique registered name. */
export function resolveTarget(
  { deps }: CommandContext,
  args: RoleArgs,
): { ok: true; id: string; name: string } | { ok: false; reply: Reply[] } {
  if (args.mention) {
    const m = deps.repo.member(args.mention.id)
    return { ok: true, id: args.mention.id, name: m?.name ?? args.mention.name }
  }
  if (!args.targetName) return { ok: false, reply: [{ text: M.targetMissing }] }
  const found = deps.repo.members().filter((m) => m.name === args.targetName)
  if (found.length === 0) return { ok: false, reply: [{ text: M.targetNotFound(args.targetName) }] }
  if (found.length > 1)
    return { ok: false, reply: [{ text: M.targetAmbiguous(args.targetName, found.length) }] }
  return { ok: true, id: found[0]!.contactId, name: found[0]!.name }
}

/** The role and the person a role command is about, or the reply that says what is missing. */
export function roleAndTarget(
  ctx: CommandContext,
  args: RoleArgs,
): { ok: true; role: Role; id: string; name: string } | { ok: false; reply: Reply[] } {
  if (!args.role)
    return { ok: false, reply: [{ text: args.roleWord ? M.roleUnknown(args.roleWord) : M.roleMissing }] }
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
    return args.group ? { ok: true, spec: { role, group: args.group } } : { ok: false, text: M.groupMissing }
  return args.district
    ? { ok: true, spec: { role, district: args.district } }
    : { ok: false, text: M.districtMissing(DISTRICT_NAMES) }
}
