/** Why a command was refused, and who may use it (for #帮助). */
import type { Precondition, Refusal } from '../core/preconditions.js'
import type { CommandCategory, FailCode, FailParams } from '../core/types.js'
import type { Role, RoleGrant, Site } from '../domain/types.js'
import { CORE, REGISTER_EXAMPLE, REGISTER_USAGE } from './core.js'
import { quote } from './quote.js'

const ROLE_WHO: Record<Role, string> = { liaison: '区联络员', leader: '组长', admin: '管理员' }
const ROLE_ORDER: Role[] = ['liaison', 'leader', 'admin']

/** 区联络员、组长和管理员 / 组长和管理员 / 管理员. */
export function rolesWho(roles: readonly Role[]): string {
  const names = ROLE_ORDER.filter((r) => roles.includes(r)).map((r) => ROLE_WHO[r])
  if (names.length <= 1) return names.join('')
  const who = `${names.slice(0, -1).join('、')}和${names.at(-1)}`
  return roles.includes('leader') && !roles.includes('liaison') ? who.replace('组长', '工作组组长') : who
}

/** How to report for a site with #代报, for someone who holds a role: with the month for a 补报. */
const behalfHint = (command: string) =>
  command === '补报'
    ? '#代报 单位 月份 正文，例如：#代报 日新街道 10月 正文'
    : '#代报 单位 正文，例如：#代报 日新街道 正文'

/**
 * The refusal's sentence; reporting commands say what happened to the report. Someone who holds a
 * role is told to use #代报 themselves, not to ask someone who holds one.
 */
export function refusalText(
  r: Refusal,
  category?: CommandCategory,
  who: { roles: readonly RoleGrant[]; command: string } = { roles: [], command: '' },
): string {
  const reporting = category === 'report'
  const mayAct = who.roles.length > 0
  switch (r.code) {
    case 'NEED_REGISTRATION':
      if (reporting && mayAct)
        return `您还没有实名注册到示范点，上报未计入。代示范点上报请用：${behalfHint(who.command)}`
      return reporting
        ? `请先实名注册再上报：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}`
        : CORE.needRegistration
    case 'NOT_A_SITE':
      if (reporting && mayAct)
        return `您注册的单位是${r.org.name}，不是示范点，上报未计入。代示范点上报请用：${behalfHint(who.command)}`
      return reporting
        ? `您注册的单位是${r.org.name}，不是示范点，上报未计入。如需代示范点上报，请联络员、组长或管理员用：#代报 单位 正文`
        : `您注册的单位是${r.org.name}，不是示范点，此命令只供示范点使用。`
    case 'SITE_RETIRED':
      return reporting
        ? `${r.org.name}已不在示范点名单中，上报未计入。如有疑问请联系管理员。`
        : `${r.org.name}已不在示范点名单中。如有疑问请联系管理员。`
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

/** Refusals of acting outside one's scope, said by several features. */
export const SCOPE = {
  notYours: (s: Site) => `您不能为“${s.name}”记录：只能记录本单位，或您负责范围内的示范点。`,
  noSites: '您负责的范围内没有示范点。',
}

/** Commands that show who reported: outside one's scope, the tallies show the same for anyone. */
const VIEWING: readonly string[] = ['未报', '导出', '经验汇编']

/**
 * Refusals keyed by identifier (ctx.fail): the scope policy's one sentence for everything outside
 * one's scope, and the site finder's. Params are plain strings.
 */
export const FAILS: Record<FailCode, (p: FailParams) => string> = {
  SCOPE_NOT_YOURS: (p) =>
    `#${p['command']} 只能用于您负责的${p['mine']}，不能用于${p['asked']}。${VIEWING.includes(p['command'] ?? '') ? '查看任何范围的上报情况请用 #统计 或 #汇总。' : ''}`,
  SCOPE_NONE: (p) =>
    p['asked']
      ? `#${p['command']} 只能用于您本单位，不能用于${p['asked']}。`
      : `#${p['command']} 需要您负责的范围（区联络员、组长或管理员）。`,
  SCOPE_UNKNOWN: (p) => `“${quote(p['word'] ?? '')}”不是范围。请写如 第一组、西岗区、省级、市级 或 全市。`,
  NOT_A_SITE: (p) => `“${quote(p['name'] ?? '')}”不是示范点。`,
  SITE_MISSING: () => '请写明单位（全称、简称或编号）。',
}
