/**
 * Tallies and summaries: #统计, #未报, #进度, #汇总. Leaders may ask them in private chat.
 */
import { rawArgs } from '../src/core/args.js'
import type { Deps, Sender } from '../src/core/types.js'
import { defineCommand } from '../src/core/types.js'
import { lateDeadline, monthOf, parseMonth, shanghaiDate, type Month } from '../src/domain/calendar.js'
import { daysOf } from '../src/domain/workdays.js'
import { contactsOf, siteYear, tallyMonth } from '../src/domain/reports.js'
import { parseDistrict, parseGroup } from '../src/domain/roles.js'
import type { Site } from '../src/domain/types.js'
import { GROUP_NAMES } from '../src/domain/types.js'
import { M } from '../src/messages/zh.js'
import { leaderGroups, liaisonDistricts } from '../src/domain/authority.js'
import { R } from '../src/messages/reports.js'
import { findOrg } from './find-org.js'

const monthArg = rawArgs.transform((a) => a.tokens[0] ?? '')

/** The month asked for, this month by default; null with a reply when the word is no month. */
function pickMonth(deps: Deps, word: string): { ok: true; month: Month } | { ok: false; text: string } {
  if (!word) return { ok: true, month: monthOf(deps.clock()) }
  const month = parseMonth(word)
  return month ? { ok: true, month } : { ok: false, text: R.monthInvalid(word) }
}

export const tally = defineCommand({
  name: '统计',
  aliases: ['本月统计', '月度统计'],
  usage: '#统计 [YYYY-MM]',
  summary: '查看某月全市创建信息上报情况（默认本月）',
  details: ['按工作组列出每个示范点：✅ 已报及篇数，❌ 未报；并给出省级、市级小计。'],
  examples: ['#统计', '#统计 2026-10'],
  permission: 'member',
  args: monthArg,
  run({ deps }, word) {
    const m = pickMonth(deps, word)
    if (!m.ok) return [{ text: m.text }]
    const t = tallyMonth(deps.repo.roster().sites(), deps.repo.reports.ofMonth(m.month), m.month)
    return [{ text: R.tally(t) }]
  },
})

/** When the month's reports are due, as a phrase; null once 补报 has closed too. */
function dueText(deps: Deps, month: Month): string | null {
  const now = deps.clock()
  if (month === monthOf(now)) return R.dueThisMonth(daysOf(month).at(-1)!)
  const deadline = lateDeadline(month, deps.settings.lateDays)
  if (month < monthOf(now) && now < deadline) return R.dueLate(shanghaiDate(new Date(deadline.getTime() - 1)))
  return null
}

export const missing = defineCommand({
  name: '未报',
  aliases: ['未上报', '催报'],
  usage: '#未报 [YYYY-MM]',
  summary: '列出某月尚未上报的示范点，并 @ 其联系人（默认本月）',
  details: ['在群里发送时，一条消息 @ 所有未报示范点的已注册人员；私聊发送时只列出名单。'],
  examples: ['#未报', '#未报 2026-10'],
  permission: 'liaison',
  args: monthArg,
  run({ deps, incoming }, word) {
    const m = pickMonth(deps, word)
    if (!m.ok) return [{ text: m.text }]
    const t = tallyMonth(deps.repo.roster().sites(), deps.repo.reports.ofMonth(m.month), m.month)
    const unreported = t.sites.filter((s) => s.count === 0).map((s) => s.site)
    const { people, nobody } = contactsOf(unreported, deps.repo.members())
    const due = dueText(deps, m.month)
    const inRoom = incoming.conversation.kind === 'room'
    const text = R.missing(m.month, unreported, nobody, inRoom ? null : people.map((p) => p.name), due)
    return [{ text, mentionIds: inRoom ? people.map((p) => p.contactId) : [] }]
  },
})

/** The year's first month for yearly views: January, or the month counting began. */
function yearStart(deps: Deps, month: Month): Month {
  const jan = `${month.slice(0, 4)}-01`
  const since = deps.repo.trackingSince()
  return since > jan && since <= month ? since : jan
}

export const progress = defineCommand({
  name: '进度',
  aliases: ['上报进度', '全年进度'],
  usage: '#进度 [单位]',
  summary: '查看一个示范点今年逐月的上报情况（默认本单位）',
  details: ['单位可写简称或编号。'],
  examples: ['#进度', '#进度 日新街道'],
  permission: 'member',
  args: rawArgs.transform((a) => a.tokens.join('')),
  run({ deps, sender }, input) {
    const roster = deps.repo.roster()
    let site: Site | undefined
    if (input) {
      const found = findOrg(deps, input)
      if (!found.ok) return found.reply
      if (found.org.kind !== 'site') return [{ text: R.behalfNotASite(found.org) }]
      site = found.org
    } else {
      const own = sender.member ? roster.get(sender.member.orgId) : undefined
      if (own?.kind !== 'site')
        return [{ text: M.badArgs(R.progressOrgMissing, '#进度 单位', '#进度 日新街道') }]
      site = own
    }
    const current = monthOf(deps.clock())
    const y = siteYear(site, deps.repo.reports.all(), yearStart(deps, current), current, current)
    return [{ text: R.siteYear(y, current, current.slice(0, 4)) }]
  },
})

/** The sites a summary covers: named by the argument, or the sender's own scope. */
function summaryScope(
  deps: Deps,
  sender: Sender,
  word: string,
): { ok: true; label: string; sites: Site[] } | { ok: false; text: string } {
  const all = deps.repo.roster().sites()
  if (word) {
    const g = parseGroup(word)
    if (g) return { ok: true, label: GROUP_NAMES[g], sites: all.filter((s) => s.group === g) }
    if (word === '省级' || word === '市级')
      return { ok: true, label: word, sites: all.filter((s) => s.level === word) }
    if (word === '全市' || word === '全部') return { ok: true, label: '全市', sites: all }
    const d = parseDistrict(word)
    if (d) return { ok: true, label: d, sites: all.filter((s) => s.district === d) }
    return { ok: false, text: R.summaryFilterUnknown(word) }
  }
  if (sender.roles.some((r) => r.role === 'admin')) return { ok: true, label: '全市', sites: all }
  const g = leaderGroups(sender.roles)[0]
  if (g) return { ok: true, label: GROUP_NAMES[g], sites: all.filter((s) => s.group === g) }
  const d = liaisonDistricts(sender.roles)[0]
  if (d) return { ok: true, label: d, sites: all.filter((s) => s.district === d) }
  return { ok: true, label: '全市', sites: all }
}

export const summary = defineCommand({
  name: '汇总',
  aliases: ['领导汇总', '总览'],
  usage: '#汇总 [第N组|省级|市级|区名|全市]',
  summary: '本月与今年的上报汇总，列出需关注的示范点',
  details: ['不写范围时：管理员看全市，组长看本组，联络员看本区。建议私聊机器人发送。'],
  examples: ['#汇总', '#汇总 第一组', '#汇总 西岗区'],
  permission: 'liaison',
  args: rawArgs.transform((a) => a.tokens[0] ?? ''),
  run({ deps, sender }, word) {
    const scope = summaryScope(deps, sender, word)
    if (!scope.ok) return [{ text: scope.text }]
    const current = monthOf(deps.clock())
    const from = yearStart(deps, current)
    const reports = deps.repo.reports.all()
    const t = tallyMonth(scope.sites, deps.repo.reports.ofMonth(current), current)
    const years = scope.sites.map((s) => siteYear(s, reports, from, current, current))
    const pieces = years.reduce((n, y) => n + y.total, 0)
    return [{ text: R.summary(scope.label, t, from, years, pieces) }]
  },
})
