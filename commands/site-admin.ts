/** 考核退出、动态管理: admins take a site out of the network or bring it back. */
import { rawArgs } from '../src/core/args.js'
import type { Deps, Reply } from '../src/core/types.js'
import { defineCommand } from '../src/core/types.js'
import type { Site } from '../src/domain/types.js'
import { M } from '../src/messages/zh.js'
import { EXIT } from '../src/messages/reports.js'
import { findOrg } from './find-org.js'

/** Finds a site by what was typed, retired ones included (by full name, alias or 编号). */
function findSite(deps: Deps, input: string): { ok: true; site: Site } | { ok: false; reply: Reply[] } {
  if (!input) return { ok: false, reply: [{ text: M.badArgs(EXIT.orgMissing, EXIT.usage, undefined) }] }
  const found = findOrg(deps, input, { includeRetired: true })
  if (!found.ok) return found
  if (found.org.kind !== 'site') return { ok: false, reply: [{ text: EXIT.notASite(found.org) }] }
  return { ok: true, site: found.org }
}

export const retireSite = defineCommand({
  name: '退出示范点',
  aliases: ['调出示范点'],
  usage: EXIT.usage,
  summary: '考核退出：把一个示范点移出名单',
  details: ['移出后不再计入统计和提醒，其成员不能再上报；历史上报保留。可用 #恢复示范点 恢复。'],
  examples: ['#退出示范点 日新街道'],
  permission: 'admin',
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run({ deps }, input) {
    const s = findSite(deps, input)
    if (!s.ok) return s.reply
    if (s.site.retired) return [{ text: EXIT.alreadyRetired(s.site) }]
    await deps.repo.setRetired(s.site.id, true)
    return [{ text: EXIT.retired(s.site, deps.repo.roster().sites().length) }]
  },
})

export const restoreSite = defineCommand({
  name: '恢复示范点',
  aliases: [],
  usage: '#恢复示范点 单位',
  summary: '把退出的示范点恢复到名单中',
  details: ['单位写全称、简称或编号。'],
  examples: ['#恢复示范点 日新街道'],
  permission: 'admin',
  args: rawArgs.transform((a) => a.tokens.join('')),
  async run({ deps }, input) {
    const s = findSite(deps, input)
    if (!s.ok) return s.reply
    if (!s.site.retired) return [{ text: EXIT.notRetired(s.site) }]
    await deps.repo.setRetired(s.site.id, false)
    return [{ text: EXIT.restored(s.site, deps.repo.roster().sites().length) }]
  },
})
