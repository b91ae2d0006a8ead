import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { addMonths, monthOf, parseMonth, type Month } from '../../src/domain/calendar.js'
import { looksLikeMonth } from '../../src/domain/month-words.js'
import { reportsOf } from '../../src/domain/report-contents.js'
import { siteYear } from '../../src/domain/reports.js'
import { activeMonthsOf, retiredSince } from '../../src/domain/roster-history.js'
import type { Site } from '../../src/domain/types.js'
import { CORE } from '../../src/messages/core.js'
import { TALLIES } from './sentences.js'
import { dueText, yearStart } from './month-asked.js'

export const progress = defineCommand({
  name: '进度',
  aliases: ['上报进度', '全年进度', '我的上报'],
  usage: '#进度 [单位] [月份]',
  summary: '查看一个示范点今年的上报情况和本月每篇上报的编号（默认本单位）',
  details: [
    '单位可写简称或编号。列出已报、缺报的月份，以及本月（或所写月份）每篇上报的编号、日期、类型（文字、文章、文件、图片，补报、代报）和标题。',
    '撤回一篇用 #撤回 编号。',
  ],
  examples: ['#进度', '#进度 日新街道', '#进度 星海湾 10月', '#我的上报'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => a.tokens),
  run(ctx, tokens) {
    const { deps, sender } = ctx
    const now = deps.clock()
    const current = monthOf(now)
    let month: Month = current
    const words: string[] = []
    for (const t of tokens) {
      const m = parseMonth(t, now)
      if (m) month = m
      else if (looksLikeMonth(t)) return [{ text: CORE.monthInvalid(t, current) }]
      else words.push(t)
    }
    if (month > current) return [{ text: TALLIES.tallyFuture(month) }]
    let site: Site
    const input = words.join('')
    if (input) {
      // A query: a site that has left the network still shows what it reported while it counted.
      const found = ctx.org(input, { includeRetired: true })
      if (!found.ok) return found.reply
      if (found.value.kind !== 'site') return [{ text: TALLIES.progressNotASite(found.value) }]
      site = found.value
    } else {
      if (sender.org?.kind !== 'site')
        return [{ text: CORE.badArgs(TALLIES.progressOrgMissing, TALLIES.progressUsage, undefined) }]
      site = sender.org
    }
    const all = deps.repo.reports.all()
    // The year of the month asked: #进度 12月 in January shows last year, not the new one.
    const end = month.slice(0, 4) === current.slice(0, 4) ? current : (`${month.slice(0, 4)}-12` as Month)
    const y = siteYear(site, all, yearStart(deps, end), end, current, deps.repo.tracking())
    // Last month while it can still be reported late is not missed yet.
    const last = addMonths(current, -1)
    const due = dueText(deps, last)
    const lastMonth = siteYear(site, all, last, last, current, deps.repo.tracking()).months[0]!
    const history = deps.repo.rosterHistory.history()
    const left = site.retired ? retiredSince(history, site.id) : null
    const open = !left && due !== null && lastMonth.tracked && lastMonth.count === 0
    // Missed only where it counted: not after it left the network, nor last month while 补报 is open.
    const counted = new Set(left ? activeMonthsOf(history, site.id, y.missed) : y.missed)
    const shown = { ...y, missed: y.missed.filter((m) => counted.has(m) && !(open && m === last)) }
    const late = open ? { last, due } : null
    const text = TALLIES.progress(shown, current, month, reportsOf(all, site.id, month), late, left)
    return [{ text }]
  },
})
