import { rawArgs } from '../../src/core/args.js'
import { siteMember } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { addMonths, monthOf, parseMonth } from '../../src/domain/calendar.js'
import { looksLikeMonth } from '../../src/domain/month-words.js'
import { CORE } from '../../src/messages/core.js'
import { REPORTING } from './sentences.js'
import { checkLate, reportFor } from './file-report.js'

/** Reads `YYYY-MM 正文`. */
const lateArgs = rawArgs.transform((a) => {
  const first = a.rest.split(/\s+/)[0] ?? ''
  return { monthWord: first, text: a.rest.slice(first.length).trim(), rest: a.rest.trim() }
})

export const lateReport = defineCommand({
  name: '补报',
  aliases: [],
  usage: REPORTING.lateUsage,
  summary: '补报上个月的创建信息',
  details: [
    '上个月的创建信息可在本月前几天内补报（默认到 5 日），计入该月并标注为补报。',
    '补报期内可不写月份：#补报 正文 即补报上个月；正文可以日期开头，如 #补报 11月28日……',
  ],
  examples: ['#补报 2026-10 10月28日，开展“六有”阵地建设观摩……'],
  category: 'report',
  requires: [siteMember],
  args: lateArgs,
  async run(ctx, args) {
    const { deps, sender, incoming } = ctx
    const site = ctx.ownSite()
    if (!site) return [] // the siteMember precondition has made sure there is one
    const last = addMonths(monthOf(incoming.at), -1)
    const named = args.monthWord ? parseMonth(args.monthWord, incoming.at) : null
    if (!named && looksLikeMonth(args.monthWord)) return [{ text: CORE.monthInvalid(args.monthWord, last) }]
    // Without a month (or with a text that starts with a date, 11月28日…), 补报 means last month:
    // in the window no other month is possible.
    const month = named ?? last
    const text = named ? args.text : args.rest
    if (!named && !text && checkLate(deps, incoming, last))
      return [{ text: CORE.badArgs(REPORTING.lateMonthMissing, REPORTING.lateUsage, undefined) }]
    const check = checkLate(deps, incoming, month)
    if (check) return check
    return reportFor(deps, incoming, sender, site, month, text, {
      late: true,
      onBehalf: false,
    })
  },
})
