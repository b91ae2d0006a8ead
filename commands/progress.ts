import { rawArgs } from '../src/core/args.js'
import { registered } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { monthOf } from '../src/domain/calendar.js'
import { siteYear } from '../src/domain/reports.js'
import type { Site } from '../src/domain/types.js'
import { R } from '../src/messages/reports.js'
import { M } from '../src/messages/zh.js'
import { U } from '../src/messages/usability.js'
import { findOrg } from './find-org.js'
import { yearStart } from './tally-support.js'

export const progress = defineCommand({
  name: '进度',
  aliases: ['上报进度', '全年进度'],
  usage: '#进度 [单位]',
  summary: '查看一个示范点今年逐月的上报情况（默认本单位）',
  details: ['单位可写简称或编号。'],
  examples: ['#进度', '#进度 日新街道'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => a.tokens.join('')),
  run({ deps, sender }, input) {
    let site: Site
    if (input) {
      const found = findOrg(deps, input)
      if (!found.ok) return found.reply
      if (found.org.kind !== 'site') return [{ text: U.progressNotASite(found.org) }]
      site = found.org
    } else {
      if (sender.org?.kind !== 'site')
        return [{ text: M.badArgs(R.progressOrgMissing, R.progressUsage, undefined) }]
      site = sender.org
    }
    const current = monthOf(deps.clock())
    const y = siteYear(site, deps.repo.reports.all(), yearStart(deps, current), current, current)
    return [{ text: R.siteYear(y, current, current.slice(0, 4)) }]
  },
})
