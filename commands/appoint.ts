import { rawArgs } from '../src/core/args.js'
import type { CommandContext, Reply } from '../src/core/types.js'
import { defineCommand } from '../src/core/types.js'
import { DISTRICT_NAMES, parseDistrict, parseGroup, parseRole } from '../src/domain/roles.js'
import { sameRole } from '../src/domain/authority.js'
import type { GroupNo, Role, RoleSpec } from '../src/domain/types.js'
import { M, roleLabel } from '../src/messages/zh.js'

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
function roleAndTarget(
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

export const appoint = defineCommand({
  name: '任命',
  aliases: ['设置角色', '授权'],
  usage: '#任命 组长|联络员|管理员 @某人 [第N组|区名]',
  summary: '任命工作组组长、区联络员或管理员',
  details: ['被任命者须已实名注册。可 @ 此人，也可写其注册姓名。组长需指定工作组，联络员需指定区市县。'],
  examples: ['#任命 组长 @张三 第一组', '#任命 联络员 @李四 西岗区', '#任命 管理员 @王五'],
  permission: 'admin',
  args: roleArgs,
  async run(ctx, args) {
    const target = roleAndTarget(ctx, args)
    if (!target.ok) return target.reply
    if (!ctx.deps.repo.member(target.id)) return [{ text: M.targetNotRegistered(target.name) }]
    const scope = checkScope(target.role, args)
    if (!scope.ok) return [{ text: scope.text }]
    const label = roleLabel(scope.spec)
    const fresh = await ctx.deps.repo.grant(target.id, scope.spec, ctx.sender.id, ctx.deps.clock())
    return [{ text: fresh ? M.granted(target.name, label) : M.alreadyGranted(target.name, label) }]
  },
})

export const dismiss = defineCommand({
  name: '免职',
  aliases: ['免去', '撤销任命', '取消角色'],
  usage: '#免职 组长|联络员|管理员 @某人 [第N组|区名]',
  summary: '免去某人的角色',
  details: ['不写范围时免去该角色的全部范围。不能免去最后一位管理员。'],
  examples: ['#免职 组长 @张三', '#免职 联络员 @李四 西岗区'],
  permission: 'admin',
  args: roleArgs,
  async run(ctx, args) {
    const target = roleAndTarget(ctx, args)
    if (!target.ok) return target.reply
    const role = target.role
    const { repo } = ctx.deps
    const named = checkScope(role, args)
    const spec: RoleSpec | Role =
      named.ok && (args.group !== null || args.district !== null) ? named.spec : role
    const held = repo
      .roles(target.id)
      .filter((g) => (typeof spec === 'string' ? g.role === spec : sameRole(g, spec)))
    if (held.length === 0) {
      return [
        { text: M.notHolding(target.name, typeof spec === 'string' ? M.roleName(spec) : roleLabel(spec)) },
      ]
    }
    if (role === 'admin') {
      const admins = repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
      if (admins.length <= 1) return [{ text: M.lastAdmin }]
    }
    await repo.revoke(target.id, spec)
    return [{ text: M.revoked(target.name, held.map(roleLabel)) }]
  },
})

export const roles = defineCommand({
  name: '角色',
  aliases: ['角色名单', '管理名单'],
  usage: '#角色',
  summary: '查看管理员、组长和联络员名单',
  details: [],
  examples: ['#角色'],
  permission: 'liaison',
  args: rawArgs.transform(() => undefined),
  run({ deps }) {
    const rows = deps.repo.roleHolders().map((h) => ({
      name: deps.repo.member(h.contactId)?.name ?? '（未注册）',
      labels: h.grants.map(roleLabel),
    }))
    return [{ text: M.rolesList(rows) }]
  },
})
