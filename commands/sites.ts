import { noArgs, rawArgs } from '../src/core/args.js'
import { defineCommand } from '../src/core/types.js'
import { parseDistrict, parseGroup } from '../src/domain/roles.js'
import type { Site } from '../src/domain/types.js'
import { GROUP_NAMES } from '../src/domain/types.js'
import { M, REGISTER_USAGE } from '../src/messages/zh.js'
import { findOrg } from './find-org.js'

type SiteFilter = { label: string; test: (s: Site) => boolean } | null | { unknown: string }

function readFilter(word: string | undefined): SiteFilter {
  if (!word) return null
  const g = parseGroup(word)
  if (g) return { label: GROUP_NAMES[g], test: (s) => s.group === g }
  if (word === '省级' || word === '市级') return { label: word, test: (s) => s.level === word }
  const d = parseDistrict(word)
  if (d) return { label: d, test: (s) => s.district === d }
  return { unknown: word }
}

export const sites = defineCommand({
  name: '示范点',
  aliases: ['名单', '示范点名单', '单位列表'],
  usage: '#示范点 [第N组|省级|市级|区名]',
  summary: '查看示范点名单和编号',
  details: ['编号 1–12 为省级示范点，13–30 为市级示范点。'],
  examples: ['#示范点', '#示范点 第二组', '#示范点 西岗区'],
  permission: 'anyone',
  args: rawArgs.transform((a) => a.tokens[0]),
  run({ deps }, word) {
    const filter = readFilter(word)
    if (filter && 'unknown' in filter) return [{ text: M.sitesFilterUnknown(filter.unknown) }]
    const all = deps.repo.roster().sites()
    const chosen = filter ? all.filter(filter.test) : all
    const lines = [M.sitesHeader(chosen.length, filter?.label ?? null)]
    for (const g of [1, 2, 3] as const) {
      const inGroup = chosen.filter((s) => s.group === g)
      if (inGroup.length === 0) continue
      if (!filter || filter.label !== GROUP_NAMES[g]) lines.push(`【${GROUP_NAMES[g]}】`)
      for (const s of inGroup) lines.push(`${s.no}. ${s.name}（${s.level}）`)
    }
    return [{ text: lines.join('\n') }]
  },
})

export const org = defineCommand({
  name: '单位',
  aliases: ['查单位', '查询单位'],
  usage: '#单位 名称|简称|编号',
  summary: '查询单位全称、编号和已注册人员',
  details: [`查到的名称或编号可直接用于注册：${REGISTER_USAGE}`],
  examples: ['#单位 日新', '#单位 6'],
  permission: 'anyone',
  args: rawArgs.transform((a) => a.tokens.join('')),
  run({ deps }, input) {
    if (!input) return [{ text: M.orgLookupMissing }]
    const found = findOrg(deps, input)
    if (!found.ok) return found.reply
    const people = deps.repo.members().filter((m) => m.orgId === found.org.id)
    return [{ text: M.orgDetail(found.org, people) }]
  },
})

export const unregistered = defineCommand({
  name: '未注册',
  aliases: ['未实名', '注册情况'],
  usage: '#未注册',
  summary: '列出群内尚未实名注册的成员和无人注册的示范点',
  details: ['私聊机器人发送也可以，结果只发给您。'],
  examples: ['#未注册'],
  permission: 'liaison',
  args: noArgs,
  async run({ deps }) {
    const members = await deps.directory.roomMembers()
    const room = deps.repo.room()
    if (!members) return [{ text: M.roomUnknown(room?.topic ?? '') }]
    const missing = members.filter((m) => !deps.repo.member(m.id))
    const registeredOrgs = new Set(deps.repo.members().map((m) => m.orgId))
    const emptySites = deps.repo
      .roster()
      .sites()
      .filter((s) => !registeredOrgs.has(s.id))
    return [{ text: M.unregistered(missing, emptySites) }]
  },
})
