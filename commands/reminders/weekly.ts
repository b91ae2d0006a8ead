/** #周报: the weekly digest now, or switching its private delivery off and on for oneself. */
import { rawArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { addMonths, monthOf } from '../../src/domain/calendar.js'
import { composeDigest, digestReader, digestSites } from '../../src/domain/digest.js'
import { WEEKLY, WEEKLY_WORDS } from './sentences.js'
import { digestText } from '../../src/messages/digest.js'
import { scopesLabel } from '../../src/messages/format.js'
import { SCOPE } from '../../src/messages/refusals.js'

type Want = { op: 'show' } | { op: 'on' | 'off' } | { op: 'bad'; word: string }

const WEEK_MS = 7 * 24 * 60 * 60_000

export const weekly = defineCommand({
  name: '周报',
  aliases: [],
  usage: WEEKLY.usage,
  summary: '查看周报（近7天新上报、本月未报、截止日期）；开启或关闭每周私信',
  details: [
    '组长和管理员每周第一个工作日上午私信收到周报（逢节假日顺延到该周第一个工作日）。',
    '#周报 立即查看近7天的周报；#周报 关闭 不再私信；#周报 开启 恢复。',
  ],
  examples: ['#周报', '#周报 关闭', '#周报 开启'],
  category: 'query',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a): Want => {
    const word = a.tokens.join('')
    if (!word) return { op: 'show' }
    const op = WEEKLY_WORDS[word]
    return op ? { op } : { op: 'bad', word }
  }),
  async run({ deps, sender }, want) {
    const prefs = deps.repo.reminders
    if (want.op === 'bad') return [{ text: WEEKLY.bad(want.word) }]
    if (want.op === 'off')
      return [{ text: (await prefs.setDigestOff(sender.id, true)) ? WEEKLY.off : WEEKLY.alreadyOff }]
    if (want.op === 'on')
      return [{ text: (await prefs.setDigestOff(sender.id, false)) ? WEEKLY.on : WEEKLY.alreadyOn }]
    const reader = digestReader(sender.roles)
    if (!reader) return [{ text: SCOPE.noSites }]
    const now = deps.clock()
    const month = monthOf(now)
    const sites = digestSites(reader, deps.repo.rosterHistory.activeSitesFor(month))
    const data = composeDigest({
      now,
      sites,
      reports: [...deps.repo.reports.ofMonth(addMonths(month, -1)), ...deps.repo.reports.ofMonth(month)],
      since: new Date(now.getTime() - WEEK_MS),
      until: new Date(now.getTime() + 1),
      calendar: deps.calendar,
      lateDays: deps.settings.lateDays,
    })
    return [{ text: digestText(data, scopesLabel(reader.scopes)) }]
  },
})
