/**
 * Every sentence the bot says, in one place. Plain text for WeChat: no Markdown, short lines.
 * Domain code returns codes and parameters; these functions turn them into Chinese.
 */
import type { Line, Member, Org, Role, RoleGrant, RoleSpec, Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { shanghaiDate } from '../domain/calendar.js'
import type { RosterProblem } from '../domain/roster.js'
import type { RegistrationError } from '../domain/registration.js'
import { quote } from './quote.js'
import { shownAliases } from './format.js'

export const REGISTER_USAGE = '#注册 姓名 单位 [工会|团委|妇联]'
export const REGISTER_EXAMPLE = '#注册 张三 日新街道 妇联'

const LIST_LIMIT = 8

function numbered(orgs: Org[]): string {
  const shown = orgs.slice(0, LIST_LIMIT).map((o) => `${o.no}. ${o.name}`)
  if (orgs.length > LIST_LIMIT) shown.push(`……等 ${orgs.length} 个`)
  return shown.join('\n')
}

/** 省级示范点·第二组, or 西岗区·工会 for a district organisation. */
export function orgTag(org: Org, line?: Line | null): string {
  if (org.kind === 'site') {
    return [`${org.level}示范点`, GROUP_NAMES[org.group], ...(line ? [line] : [])].join('·')
  }
  return org.kind === 'city' ? `市级·${org.line}` : `${org.district}·${org.line}`
}

export function roleLabel(g: RoleSpec): string {
  if (g.role === 'admin') return '管理员'
  if (g.role === 'leader') return `${GROUP_NAMES[g.group]}组长`
  return `${g.district}联络员`
}

/** Why a roster is not valid (a duplicate id or 编号, a short name pointing at two units). */
export function rosterProblem(p: RosterProblem): string {
  switch (p.code) {
    case 'DUPLICATE_ID':
      return `名单中编号重复：${p.id}`
    case 'DUPLICATE_NO':
      return `名单中序号重复：${p.no}`
    case 'ALIAS_CLASH':
      return `名单中简称“${p.key}”同时指向“${p.first}”和“${p.second}”`
  }
}

export const M = {
  busy: '系统繁忙，请稍后再试。',
  duplicateCommand: (word: string, first: string, second: string) =>
    `命令名重复：“${word}”同时属于 #${first} 和 #${second}`,
  emptyCommand: '请在 # 后面写命令，例如 #帮助。',
  privateHint: '您好，我是工青妇协同助手。发送 #帮助 查看可用命令。',
  unknownCommand: (word: string, suggestion?: string) =>
    `没有“#${quote(word)}”这个命令。` +
    (suggestion ? `您是不是要用 #${suggestion}？` : '') +
    '发送 #帮助 查看全部命令。',
  needRegistration: `请先实名注册：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}`,
  badArgs: (problem: string | undefined, usage: string, example: string | undefined) =>
    `${problem ?? '格式不对。'}\n正确格式：${usage}` +
    (example && !problem?.includes(example) ? `\n例如：${example}` : ''),

  // Registration
  registrationError(e: RegistrationError): string {
    switch (e.code) {
      case 'REG_MISSING':
        return '请写上姓名和单位。'
      case 'REG_MISSING_ORG':
        return `请在姓名“${quote(e.name)}”后面写上单位。`
      case 'NAME_LENGTH':
        return `姓名“${quote(e.name)}”长度不对，应为 2–20 个字。`
      case 'NAME_DIGIT':
        return `姓名“${quote(e.name)}”里有数字，请填写真实姓名。`
      case 'NAME_EMOJI':
        return '姓名里有表情符号，请填写真实姓名。'
      case 'NAME_CHARS':
        return `姓名“${quote(e.name)}”含有不支持的字符，只能用汉字或英文字母。`
      case 'NAME_RESERVED':
        return `“${quote(e.name)}”不能作为姓名（这是条线或命令用词）。请先写姓名，再写单位。`
      case 'NAME_SPLIT':
        return `姓名“${quote(e.name)}”只有一个字。如果姓名是“${e.joined}”，请连起来写：#注册 ${e.retry}`
      case 'LINE_MANY':
        return `条线只能写一个，您写了${e.lines.map((l) => `“${quote(l)}”`).join('和')}，请只保留一个。`
      case 'EXTRA_WORDS':
        return `单位“${e.org.name}”后面的“${quote(e.words.join(' '))}”无法识别：条线只能写工会、团委或妇联。`
      case 'ORG_UNKNOWN':
        return (
          `没有找到单位“${quote(e.input)}”。` +
          (e.suggestions.length > 0
            ? `您是不是指：\n${numbered(e.suggestions)}`
            : '发送 #示范点 可查看全部单位和编号。')
        )
      case 'ORG_AMBIGUOUS':
        return `“${quote(e.input)}”对应多个单位，请写全称或编号：\n${numbered(e.candidates)}`
      case 'LINE_CONFLICT':
        return e.org.kind === 'site'
          ? `条线只能写一个，您写了“${quote(e.other)}”和“${quote(e.given)}”。`
          : `“${e.org.name}”属于${e.org.line}条线，与填写的“${quote(e.given)}”不一致，请核对后重发。`
    }
  },
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

  greeting: `欢迎加入工作群！请实名注册，发送：\n${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}\n发送 #帮助 查看全部命令。`,

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
  unregistered(people: { name: string }[], emptySites: Org[]): string {
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
  orgDetail(org: Org, people: Member[]): string {
    const lines = [
      org.name,
      `编号 ${org.no}·${org.kind === 'site' ? `${orgTag(org)}·${org.district}` : orgTag(org)}`,
    ]
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
  sitesHeader: (n: number, filter: string | null) =>
    filter ? `${filter}示范点 ${n} 个：` : `示范点 ${n} 个（编号可用于注册）：`,
  /** The sites, by working group: a group header unless the list is of one group, then `编号. 名称（级别）`. */
  siteList(sites: Site[], filter: string | null): string {
    const lines = [M.sitesHeader(sites.length, filter)]
    for (const g of GROUP_NOS) {
      const inGroup = sites.filter((s) => s.group === g)
      if (inGroup.length === 0) continue
      if (filter !== GROUP_NAMES[g]) lines.push(`【${GROUP_NAMES[g]}】`)
      for (const s of inGroup) lines.push(`${s.no}. ${s.name}（${s.level}）`)
    }
    return lines.join('\n')
  },
  sitesFilterUnknown: (word: string) =>
    `无法按“${quote(word)}”筛选。可写：第一组、第二组、第三组、省级、市级或区名。`,

  // Transport
  splitMark: (i: number, n: number) => `（${i}/${n}）`,
  mergedReceipts: (parts: string[], suffix: string) => `已收到：${parts.join('、')} 的${suffix}`,
} as const
