import { displayName } from '../../src/messages/format.js'
import { rawArgs } from '../../src/core/args.js'
import { defineCommand } from '../../src/core/types.js'
import { namesakes } from '../../src/domain/namesakes.js'
import { parseRegistration } from '../../src/domain/registration.js'
import { M, REGISTER_EXAMPLE, REGISTER_USAGE } from '../../src/messages/zh.js'

export const register = defineCommand({
  name: '注册',
  aliases: ['实名注册', '登记', '实名'],
  usage: REGISTER_USAGE,
  summary: '实名注册：绑定姓名和所在单位',
  details: [
    '单位可写全称、简称或编号（发送 #示范点 查看编号）。',
    '区市县总工会、团委、妇联的同志可直接写单位，条线会自动识别。',
    '再次注册即为修改，历史记录会保留。',
  ],
  examples: [REGISTER_EXAMPLE, '#注册 李四 大船 工会', '#注册 王五 西岗区总工会', '#注册 赵六 12'],
  category: 'start',
  requires: [],
  args: rawArgs.transform((a) => a.tokens),
  async run({ deps, sender }, tokens) {
    const roster = deps.repo.roster()
    const parsed = parseRegistration(tokens, roster)
    if (!parsed.ok) {
      return [{ text: M.badArgs(M.registrationError(parsed), REGISTER_USAGE, REGISTER_EXAMPLE) }]
    }
    const { name, org } = parsed
    const before = sender.member
    // Registering again for the same site without a 条线 keeps the one given before.
    const line = parsed.line ?? (before?.orgId === org.id && org.kind === 'site' ? before.line : null)
    if (before && before.name === name && before.orgId === org.id && before.line === line) {
      return [{ text: M.registrationUnchanged(name, org, line) }]
    }
    await deps.repo.register(
      sender.id,
      { name, orgId: org.id, line, wechatName: sender.wechatName },
      deps.clock(),
    )
    const receipt = before
      ? M.registrationUpdated(name, org, line, before, roster.get(before.orgId))
      : M.registered(name, org, line)
    // Someone else with this name: roles and mentions will tell them apart by unit.
    const others = namesakes(deps.repo.members(), roster, name, displayName).filter(
      (n) => n.member.contactId !== sender.id,
    )
    if (others.length === 0 || before?.name === name) return [{ text: receipt }]
    return [
      {
        text: `${receipt}\n${M.nameShared(
          name,
          others.map((n) => n.label),
        )}`,
      },
    ]
  },
})
