import { rawArgs } from '../src/core/args.js'
import { role } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { actsFor, leaderGroups, liaisonDistricts } from '../src/domain/authority.js'
import { monthOf } from '../src/domain/calendar.js'
import { GROUP_NAMES } from '../src/domain/types.js'
import { R } from '../src/messages/reports.js'
import { M } from '../src/messages/zh.js'
import { findOrg } from './find-org.js'
import { rawLength, reportFor } from './reporting-support.js'

export const behalfReport = defineCommand({
  name: '代报',
  aliases: ['代为上报'],
  usage: R.behalfUsage,
  summary: '代示范点上报本月创建信息',
  details: [
    '区联络员可代本区示范点上报，组长可代本组示范点上报，管理员可代任何示范点上报。单位可写简称或编号。',
  ],
  examples: ['#代报 日新街道 11月20日，日新街道开展……', '#代报 6 正文'],
  category: 'report',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => ({
    orgWord: a.tokens[0] ?? '',
    text: a.rest.slice(rawLength(a.rest)).trim(),
  })),
  async run({ deps, sender, incoming }, args) {
    if (!args.orgWord) return [{ text: M.badArgs(R.behalfOrgMissing, R.behalfUsage, undefined) }]
    const found = findOrg(deps, args.orgWord)
    if (!found.ok) return found.reply
    const org = found.org
    if (org.kind !== 'site') return [{ text: R.behalfNotASite(org) }]
    if (!actsFor(sender.roles, org)) {
      const scopes = [
        ...leaderGroups(sender.roles).map((g) => GROUP_NAMES[g]),
        ...liaisonDistricts(sender.roles),
      ]
      return [{ text: R.behalfOutOfScope(org, scopes) }]
    }
    return reportFor(deps, incoming, sender, org, monthOf(incoming.at), args.text, {
      late: false,
      onBehalf: true,
    })
  },
})
