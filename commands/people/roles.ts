import { noArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { roleLabel } from '../../src/messages/sites.js'
import { PEOPLE } from './sentences.js'
import { told } from './role-args.js'

export const roles = defineCommand({
  name: '角色',
  aliases: ['角色名单', '管理名单'],
  usage: '#角色',
  summary: '查看管理员、组长和联络员名单',
  details: [],
  examples: ['#角色'],
  category: 'manage',
  requires: [role('liaison', 'leader', 'admin')],
  args: noArgs,
  run({ deps }) {
    const rows = deps.repo.roleHolders().map((h) => {
      const member = deps.repo.member(h.contactId)
      // Two people called 张三 are told apart by unit: 张三（大船）.
      return {
        name: member ? told(deps, h.contactId, member.name) : PEOPLE.unregisteredName,
        labels: h.grants.map(roleLabel),
      }
    })
    return [{ text: PEOPLE.rolesList(rows) }]
  },
})
