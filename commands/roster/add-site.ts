/** 动态管理: admins add a new demonstration site with the next 编号, counted from today. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { changeFromToday } from './roster-change.js'
import { defineCommand } from '../../src/core/types.js'
import { parseDistrict, parseGroup } from '../../src/domain/roles.js'
import { nextSiteNumber } from '../../src/domain/roster-history.js'
import { levelSchema } from '../../src/domain/schemas.js'
import type { GroupNo, Level, Site } from '../../src/domain/types.js'
import { REC } from '../../src/messages/records.js'

type Input =
  | { ok: true; name: string; level: Level; group: GroupNo; district: string; aliases: string[] }
  | { ok: false }

/** 名称 省级|市级 第N组 区名 [简称、简称]: the name first, the rest in any order, the others aliases. */
export function readNewSite(tokens: readonly string[]): Input {
  const [name, ...rest] = tokens
  let level: Level | null = null
  let group: GroupNo | null = null
  let district: string | null = null
  const aliases: string[] = []
  for (const t of rest) {
    const l = levelSchema.safeParse(t)
    if (l.success && level === null) level = l.data
    else if (group === null && parseGroup(t) !== null) group = parseGroup(t)
    else if (district === null && parseDistrict(t) !== null) district = parseDistrict(t)
    else aliases.push(...t.split(/[、,，;；]/).filter((a) => a.length > 0))
  }
  if (!name || name.length < 2 || level === null || group === null || district === null) return { ok: false }
  return { ok: true, name, level, group, district, aliases: [...new Set(aliases)].filter((a) => a !== name) }
}

export const addSite = defineCommand({
  name: '新增示范点',
  aliases: ['增加示范点', '添加示范点'],
  usage: REC.addUsage,
  summary: '动态管理：新增一个示范点（编号顺延），自当天起计入',
  details: [
    '写全称、级别（省级或市级）、工作组和所在区，可附简称（用顿号分隔）。',
    '新示范点自当天起计入统计和提醒，此前月份的统计不变。名称或简称与已有单位重复时不保存。每次变动记入 #日志。',
  ],
  examples: ['#新增示范点 大连市中山区青泥洼桥街道 市级 第三组 中山区 青泥洼桥、青泥街道'],
  category: 'manage',
  requires: [role('admin')],
  args: rawArgs.transform((a) => readNewSite(a.tokens)),
  async run({ deps, sender }, input) {
    if (!input.ok) return [{ text: REC.addBad }]
    const { no, id } = nextSiteNumber(deps.repo.rosterHistory.history())
    const site: Site = {
      id,
      no,
      kind: 'site',
      name: input.name,
      level: input.level,
      group: input.group,
      district: input.district,
      aliases: input.aliases,
    }
    const { from, result } = await changeFromToday(deps, sender, {
      kind: 'add',
      site,
      reason: '',
    })
    if (!result.ok) return [{ text: REC.rosterError(result.error) }]
    return [{ text: REC.added(site, from) }]
  },
})
