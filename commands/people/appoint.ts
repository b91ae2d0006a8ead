import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { roleLabel } from '../../src/messages/sites.js'
import { PEOPLE } from './sentences.js'
import { auditNote } from '../operations/audited.js'
import { checkScope, roleAndTarget, roleArgs } from './role-args.js'

export const appoint = defineCommand({
  name: '任命',
  aliases: ['设置角色', '授权'],
  usage: '#任命 组长|联络员|管理员 @某人 [第N组|区名]',
  summary: '任命工作组组长、区联络员或管理员',
  details: ['被任命者须已实名注册。可 @ 此人，也可写其注册姓名。组长需指定工作组，联络员需指定区市县。'],
  examples: ['#任命 组长 @张三 第一组', '#任命 联络员 @李四 西岗区', '#任命 管理员 @王五'],
  category: 'manage',
  requires: [role('admin')],
  args: roleArgs,
  async run(ctx, args) {
    const target = roleAndTarget(ctx, args)
    if (!target.ok) return target.reply
    if (!ctx.deps.repo.member(target.id)) return [{ text: PEOPLE.targetNotRegistered(target.name) }]
    const scope = checkScope(target.role, args)
    if (!scope.ok) return [{ text: scope.text }]
    const label = roleLabel(scope.spec)
    const note = auditNote(ctx.deps, ctx.sender, 'role.grant', target.id, { name: target.name, role: label })
    const fresh = await ctx.deps.repo.grant(target.id, scope.spec, ctx.sender.id, ctx.deps.clock(), note)
    return [{ text: fresh ? PEOPLE.granted(target.name, label) : PEOPLE.alreadyGranted(target.name, label) }]
  },
})
