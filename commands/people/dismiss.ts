import { role as requireRole } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { sameRole } from '../../src/domain/authority.js'
import type { Role, RoleSpec } from '../../src/domain/types.js'
import { roleLabel } from '../../src/messages/sites.js'
import { PEOPLE } from './sentences.js'
import { auditNote } from '../operations/audited.js'
import { checkScope, roleAndTarget, roleArgs } from './role-args.js'

export const dismiss = defineCommand({
  name: '免职',
  aliases: ['免去', '撤销任命', '取消角色'],
  usage: '#免职 组长|联络员|管理员 @某人 [第N组|区名]',
  summary: '免去某人的角色',
  details: ['不写范围时免去该角色的全部范围。不能免去最后一位管理员。'],
  examples: ['#免职 组长 @张三', '#免职 联络员 @李四 西岗区'],
  category: 'manage',
  requires: [requireRole('admin')],
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
        {
          text: PEOPLE.notHolding(
            target.name,
            typeof spec === 'string' ? PEOPLE.roleName(spec) : roleLabel(spec),
          ),
        },
      ]
    }
    if (role === 'admin') {
      const admins = repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
      if (admins.length <= 1) return [{ text: PEOPLE.lastAdmin }]
    }
    const note = auditNote(ctx.deps, ctx.sender, 'role.revoke', target.id, {
      name: target.name,
      role: held.map(roleLabel).join(' '),
    })
    await repo.revoke(target.id, spec, note)
    return [{ text: PEOPLE.revoked(target.name, held.map(roleLabel)) }]
  },
})
