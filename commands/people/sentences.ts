/** What the people commands say: registration, one's own details, the admin code, roles, lists. */
import { shanghaiDate } from '../../src/domain/calendar.js'
import type { Line, Member, Org, Role, RoleGrant, Site } from '../../src/domain/types.js'
import { DETAIL_WORD } from '../../src/domain/vocabulary.js'
import { REGISTER_EXAMPLE, REGISTER_USAGE } from '../../src/messages/core.js'
import { dayMonthLabel, listed, shownAliases } from '../../src/messages/format.js'
import { quote } from '../../src/messages/quote.js'
import { byGroup, orgTag, roleLabel } from '../../src/messages/sites.js'

export const PEOPLE = {
  registered: (name: string, org: Org, line: Line | null) =>
    `${name} 注册成功：${org.name}（${orgTag(org, line)}）`,
  registrationUpdated(
    name: string,
    org: Org,
    line: Line | null,
    before: Member,
    prevOrg: Org | undefined,
  ): string {
    const prevUnit =
      (prevOrg?.name ?? '') + (before.line && prevOrg?.kind === 'site' ? `（${before.line}）` : '')
    const was = [before.name !== name ? before.name : null, prevUnit].filter(Boolean).join('，')
    return `${name} 注册信息已更新：${org.name}（${orgTag(org, line)}）。原为：${was}`
  },
  /** Re-registration under another name: said before anything changes. */
  renameConfirm: (was: string, name: string, minutes: number) =>
    `您已注册为${was}，这次写的姓名是“${quote(name)}”。确需改名，请在 ${minutes} 分钟内把同一条 #注册 再发一次；姓名写错了就不用理会。`,
  renameTaken: (name: string, unit: string) =>
    `未修改：“${quote(name)}”是另一位已注册成员（${unit}）的姓名。如果您本人也叫${quote(name)}，请联系管理员。`,
  registrationUnchanged: (name: string, org: Org, line: Line | null) =>
    `${name} 已注册为：${org.name}（${orgTag(org, line)}），无需重复注册。`,
  myInfo(member: Member, org: Org | undefined, roles: RoleGrant[]): string {
    const lines = [
      `${member.name}（已实名注册）`,
      `单位：${org ? `${org.name}（${orgTag(org, member.line)}）` : '（单位已从名单中移除，请重新注册）'}`,
    ]
    if (roles.length > 0) lines.push(`角色：${roles.map(roleLabel).join('、')}`)
    lines.push(`注册时间：${shanghaiDate(member.registeredAt)}`)
    if (member.history.length > 0)
      lines.push(`变更记录：${member.history.length} 次，最近更新 ${shanghaiDate(member.updatedAt)}`)
    return lines.join('\n')
  },
  notRegistered: `您还没有实名注册。请发送：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}`,

  // Admin code
  // Admin code
  adminOk: '认证成功，您已成为管理员。可用 #任命 设置工作组组长和区联络员。',
  adminAlready: '您已经是管理员。',
  adminWrong:
    '认证码不正确。认证码在机器人首次启动时显示一次；如已找不到，请运维人员在服务器上停止机器人后运行 npm run admin-code 生成新码。',
  adminUsed: '该认证码已被使用。如需新的认证码，请运维人员在服务器上停止机器人后运行 npm run admin-code。',
  adminNone: '当前没有可用的认证码，请运维人员在服务器上停止机器人后运行 npm run admin-code。',
  adminLocked: '认证失败次数过多，请 10 分钟后再试。',
  adminMissing: '请写上认证码。',

  // Roles
  // Roles
  roleUnknown: (word: string) => `没有“${quote(word)}”这个角色，可任命：组长、联络员、管理员。`,
  roleMissing: '请写明角色：组长、联络员或管理员。',
  targetMissing: '请 @ 要任命的人，或写出其已注册的姓名。',
  targetNotFound: (name: string) => `没有找到已注册的“${quote(name)}”。请 @ 此人，或请其先发送 #注册。`,
  targetAmbiguous: (name: string, units: string[]) =>
    [
      `已注册的“${quote(name)}”有 ${units.length} 位：`,
      ...units.map((u, i) => `${i + 1}. ${name}（${u}）`),
      `请 @ 此人，或在姓名后写明单位，例如：${name}（${units[units.length - 1]}）`,
    ].join('\n'),
  targetNoSuchUnit: (name: string, unit: string, units: string[]) =>
    [
      `没有找到${quote(unit)}的“${quote(name)}”。已注册的“${name}”：`,
      ...units.map((u, i) => `${i + 1}. ${name}（${u}）`),
    ].join('\n'),
  /** After #注册, when someone else already has the name. */
  nameShared: (name: string, units: string[]) =>
    `提示：已有其他同名的“${name}”（${units.join('、')}）。任命等操作中会以“${name}（单位）”区分，被 @ 时请留意。`,
  targetNotRegistered: (name: string) => `${name} 尚未实名注册，请其先发送 #注册。`,
  groupMissing: '组长需指定工作组：第一组、第二组或第三组。',
  districtMissing: (districts: string[]) => `联络员需指定区市县，可选：${districts.join('、')}。`,
  /** 张三（大船）: one of several members called 张三. */
  namesake: (name: string, unit: string) => `${name}（${unit}）`,
  granted: (name: string, label: string) => `已任命 ${name} 为${label}。`,
  alreadyGranted: (name: string, label: string) => `${name} 已是${label}。`,
  revoked: (name: string, labels: string[]) => `已免去 ${name} 的${labels.join('、')}。`,
  notHolding: (name: string, label: string) => `${name} 不是${label}。`,
  roleName: (role: Role) => ({ admin: '管理员', leader: '组长', liaison: '联络员' })[role],
  lastAdmin: '不能免去最后一位管理员。',
  unregisteredName: '（未注册）',
  rolesList(rows: { name: string; labels: string[] }[]): string {
    if (rows.length === 0) return '目前还没有任命任何管理员、组长或联络员。'
    return ['角色名单：', ...rows.map((r) => `${r.name}：${r.labels.join('、')}`)].join('\n')
  },

  // Lists
  /** #未注册: the people on one line, the sites nobody registered for by working group. */
  unregistered(people: { name: string }[], emptySites: Site[]): string {
    const lines = [
      people.length === 0
        ? '群内成员均已实名注册。'
        : `群内尚未实名注册 ${people.length} 人：${listed(people.map((p) => p.name))}`,
    ]
    if (emptySites.length === 0) lines.push('示范点均已有人注册。')
    else
      lines.push(
        `尚无人注册的示范点 ${emptySites.length} 个：`,
        ...byGroup(emptySites),
        `编号和全称：#未注册 ${DETAIL_WORD}`,
      )
    return lines.join('\n')
  },
  /** #未注册 详细: everyone by name, and the sites nobody registered for with their 编号. */
  unregisteredDetail(people: { name: string }[], emptySites: Org[]): string {
    const parts: string[] = []
    if (people.length === 0) parts.push('群内成员均已实名注册。')
    else parts.push(`群内尚未实名注册 ${people.length} 人：`, ...people.map((p, i) => `${i + 1}. ${p.name}`))
    if (emptySites.length > 0) {
      parts.push(
        `尚无人注册的示范点 ${emptySites.length} 个：`,
        ...emptySites.map((s) => `${s.no}. ${s.name}`),
      )
    } else {
      parts.push('30 个示范点均已有人注册。')
    }
    return parts.join('\n')
  },
  roomUnknown: (topic: string) => `还没有找到工作群“${quote(topic)}”。请把机器人拉进该群后再试。`,
  orgDetail(org: Org, people: Member[], left: string | null = null): string {
    const lines = [
      org.name,
      `编号 ${org.no}·${org.kind === 'site' ? `${orgTag(org)}·${org.district}` : orgTag(org)}`,
    ]
    if (left)
      lines.push(`${Number(left.slice(0, 4))}年${dayMonthLabel(left)}起已退出示范点名单，历史上报和档案保留`)
    const aliases = shownAliases(org)
    if (aliases.length > 0) lines.push(`也可写作：${aliases.slice(0, 6).join('、')}`)
    lines.push(
      people.length > 0
        ? `已注册：${people.map((m) => (m.line && org.kind === 'site' ? `${m.name}（${m.line}）` : m.name)).join('、')}`
        : '尚无人注册',
    )
    return lines.join('\n')
  },
  orgLookupMissing: '请写上单位名称、简称或编号。',
}
