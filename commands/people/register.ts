import { displayName } from '../../src/messages/format.js'
import { rawArgs } from '../../src/core/args.js'
import { defineCommand, localKey, type Deps } from '../../src/core/types.js'
import { namesakes } from '../../src/domain/namesakes.js'
import { parseRegistration } from '../../src/domain/registration.js'
import { CORE, REGISTER_EXAMPLE, REGISTER_USAGE } from '../../src/messages/core.js'
import { registrationError } from '../../src/messages/sites.js'
import { withSince } from '../../src/core/context.js'
import { PEOPLE } from './sentences.js'

/** A change of name asked for and not yet confirmed: by sender, what was asked and when. */
const PENDING = localKey('register.rename', () => new Map<string, { key: string; at: number }>())

/**
 * A re-registration that changes the name: refused when the new name is another registered
 * member's, else confirmed by sending the same command again within the share window. Returns the
 * reply, or null when the change may go ahead.
 */
function confirmRename(deps: Deps, senderId: string, name: string, orgId: string, line: string | null) {
  const roster = deps.repo.roster()
  const before = deps.repo.members().find((m) => m.contactId === senderId)
  const other = namesakes(deps.repo.members(), roster, name, displayName).find(
    (n) => n.member.contactId !== senderId,
  )
  if (other) return PEOPLE.renameTaken(name, other.label)
  const pending = deps.local(PENDING)
  const key = `${name}|${orgId}|${line ?? ''}`
  const now = deps.clock().getTime()
  const asked = pending.get(senderId)
  if (asked && asked.key === key && now - asked.at <= deps.settings.shareWindowMs) {
    pending.delete(senderId)
    return null
  }
  pending.set(senderId, { key, at: now })
  return PEOPLE.renameConfirm(before?.name ?? '', name, Math.round(deps.settings.shareWindowMs / 60_000))
}

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
      if (parsed.code === 'ORG_UNKNOWN' && parsed.retired)
        return [{ text: registrationError(withSince(deps, parsed)) }]
      return [{ text: CORE.badArgs(registrationError(parsed), REGISTER_USAGE, REGISTER_EXAMPLE) }]
    }
    const { name, org } = parsed
    const before = sender.member
    // Registering again for the same site without a 条线 keeps the one given before.
    const line = parsed.line ?? (before?.orgId === org.id && org.kind === 'site' ? before.line : null)
    if (before && before.name === name && before.orgId === org.id && before.line === line) {
      return [{ text: PEOPLE.registrationUnchanged(name, org, line) }]
    }
    if (before && before.name !== name) {
      const confirm = confirmRename(deps, sender.id, name, org.id, line)
      if (confirm) return [{ text: confirm }]
    }
    await deps.repo.register(
      sender.id,
      { name, orgId: org.id, line, wechatName: sender.wechatName },
      deps.clock(),
    )
    const receipt = before
      ? PEOPLE.registrationUpdated(name, org, line, before, roster.get(before.orgId))
      : PEOPLE.registered(name, org, line)
    // Someone else with this name: roles and mentions will tell them apart by unit.
    const others = namesakes(deps.repo.members(), roster, name, displayName).filter(
      (n) => n.member.contactId !== sender.id,
    )
    if (others.length === 0 || before?.name === name) return [{ text: receipt }]
    return [
      {
        text: `${receipt}\n${PEOPLE.nameShared(
          name,
          others.map((n) => n.label),
        )}`,
      },
    ]
  },
})
