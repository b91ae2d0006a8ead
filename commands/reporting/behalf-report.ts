import { looksLikeMonth } from '../../src/domain/month-words.js'
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf, parseMonth } from '../../src/domain/calendar.js'
import { CORE } from '../../src/messages/core.js'
import { REPORTING } from './sentences.js'
import { checkLate, reportFor } from './file-report.js'
import { rawLength } from '../../src/core/args.js'

export const behalfReport = defineCommand({
  name: '代报',
  aliases: ['代为上报'],
  usage: '#代报 单位 [月份] 正文',
  summary: '代示范点上报本月创建信息',
  details: [
    '区联络员可代本区示范点上报，组长可代本组示范点上报，管理员可代任何示范点上报。单位可写简称或编号。',
    '在单位后写上月份（如 10月、上月、2026-10），即代为补报上个月，规则与 #补报 相同。',
  ],
  examples: ['#代报 日新街道 11月20日，日新街道开展……', '#代报 6 正文', '#代报 大船 2026-10 十月活动'],
  category: 'report',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => ({
    orgWord: a.tokens[0] ?? '',
    text: a.rest.slice(rawLength(a.rest)).trim(),
  })),
  async run(ctx, args) {
    const { deps, sender, incoming } = ctx
    if (!args.orgWord)
      return [{ text: CORE.badArgs(REPORTING.behalfOrgMissing, REPORTING.behalfUsage, undefined) }]
    const found = ctx.site(args.orgWord)
    if (!found.ok) return found.reply
    const may = ctx.actFor(found.value)
    if (!may.ok) return may.reply
    const org = may.value
    // #代报 大船 2026-10 正文: a month right after the site backfills it, by the rules of #补报.
    const monthWord = args.text.split(/\s+/)[0] ?? ''
    const month = monthWord ? parseMonth(monthWord, incoming.at) : null
    const current = monthOf(incoming.at)
    if (!month && looksLikeMonth(monthWord)) return [{ text: CORE.monthInvalid(monthWord, current) }]
    if (month && month !== current) {
      const check = checkLate(deps, incoming, month)
      if (check) return check
    }
    const text = month ? args.text.slice(monthWord.length).trim() : args.text
    return reportFor(deps, incoming, sender, org, month ?? current, text, {
      late: month !== null && month !== current,
      onBehalf: true,
    })
  },
})
