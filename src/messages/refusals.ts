/** Why a command was refused, and who may use it (for #帮助). */
import type { Precondition, Refusal } from '../core/preconditions.js'
import type { CommandCategory, FailCode, FailParams } from '../core/types.js'
import { quote } from './quote.js'
import type { Role } from '../domain/types.js'
import { R } from './reports.js'
import { M } from './zh.js'

const ROLE_WHO: Record<Role, string> = { liaison: '区联络员', leader: '组长', admin: '管理员' }
const ROLE_ORDER: Role[] = ['liaison', 'leader', 'admin']

/** 区联络员、组长和管理员 / 组长和管理员 / 管理员. */
export function rolesWho(roles: readonly Role[]): string {
  const names = ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ROLE_WHO[r])
  if (names.length <= 1) return names.join('')
  const who = `${names.slice(0, -1).join('、')}和${names.at(-1)}`
  return roles.includes('leader') && !roles.includes('liaison') ? who.replace('组长', '工作组组长') : who
}

/** The refusal's sentence; reporting commands say what happened to the report. */
export function refusalText(r: Refusal, category?: CommandCategory): string {
  const reporting = category === 'report'
  switch (r.code) {
    case 'NEED_REGISTRATION':
      return reporting ? R.notRegistered : M.needRegistration
    case 'NOT_A_SITE':
      return reporting ? R.notASite(r.org) : `您注册的单位是${r.org.name}，不是示范点，此命令只供示范点使用。`
    case 'SITE_RETIRED':
      return reporting ? R.retired(r.org) : `${r.org.name}已不在示范点名单中。如有疑问请联系管理员。`
    case 'NEED_ROLE':
      return `#${r.command} 仅限${rolesWho(r.roles)}使用。`
  }
}

/** Who may use a command, for `#帮助 命令`: （需先实名注册） or （仅限管理员）; empty for anyone. */
export function whoMayUse(requires: readonly Precondition[]): string {
  const roleReq = requires.find((p) => p.kind === 'role')
  if (roleReq?.kind === 'role') return `（仅限${rolesWho(roleReq.roles)}）`
  if (requires.some((p) => p.kind === 'siteMember')) return '（限示范点已注册成员）'
  if (requires.some((p) => p.kind === 'registered')) return '（需先实名注册）'
  return ''
}

/**
 * Refusals keyed by identifier (ctx.fail): the scope policy's one sentence for everything outside
 * one's scope, and the site finder's. Params are plain strings.
 */
export const FAILS: Record<FailCode, (p: FailParams) => string> = {
  SCOPE_NOT_YOURS: (p) =>
    `#${p['command']} 只能用于您负责的${p['mine']}，不能用于${p['asked']}。查看任何范围的上报情况请用 #统计 或 #汇总。`,
  SCOPE_NONE: (p) =>
    p['asked']
      ? `#${p['command']} 只能用于您本单位，不能用于${p['asked']}。`
      : `#${p['command']} 需要您负责的范围（区联络员、组长或管理员）。`,
  SCOPE_UNKNOWN: (p) => `“${quote(p['word'] ?? '')}”不是范围。请写如 第一组、西岗区、省级、市级 或 全市。`,
  NOT_A_SITE: (p) => `“${quote(p['name'] ?? '')}”不是示范点。`,
  SITE_MISSING: () => '请写明单位（全称、简称或编号）。',
}
