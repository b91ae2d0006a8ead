/** What #统计, #未报, #进度 and #汇总 share: the month asked for, when it is due, a summary's scope. */
import type { Deps, Sender } from '../../src/core/types.js'
import { leaderGroups, liaisonDistricts, isAdmin } from '../../src/domain/authority.js'
import { lateDeadline, monthOf, parseMonth, shanghaiDate, type Month } from '../../src/domain/calendar.js'
import { parseDistrict, parseGroup } from '../../src/domain/roles.js'
import type { Site } from '../../src/domain/types.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import { DETAIL_WORDS, SCOPE_WORDS } from '../../src/domain/vocabulary.js'
import { daysOf } from '../../src/domain/workdays.js'
import { firstTracked } from '../../src/domain/tracking.js'
import { R } from '../../src/messages/reports.js'
import { U } from '../../src/messages/usability.js'

/** The month asked for, this month by default; a reply when the word is no month. */
export function pickMonth(
  deps: Deps,
  word: string,
): { ok: true; month: Month } | { ok: false; text: string } {
  const now = deps.clock()
  if (!word) return { ok: true, month: monthOf(now) }
  const month = parseMonth(word, now)
  return month ? { ok: true, month } : { ok: false, text: U.monthInvalid(word, monthOf(now)) }
}

/** When the month's reports are due, as a phrase; null once 补报 has closed too. */
export function dueText(deps: Deps, month: Month): string | null {
  const now = deps.clock()
  if (month === monthOf(now)) return R.dueThisMonth(daysOf(month).at(-1)!)
  const deadline = lateDeadline(month, deps.settings.lateDays)
  if (month < monthOf(now) && now < deadline) return R.dueLate(shanghaiDate(new Date(deadline.getTime() - 1)))
  return null
}

/** The year's first month for yearly views: January, or the first tracked month. */
export function yearStart(deps: Deps, month: Month): Month {
  const jan = `${month.slice(0, 4)}-01`
  const since = firstTracked(deps.repo.tracking())
  return since > jan && since <= month ? since : jan
}

/** The sites a summary covers: named by the argument, or the sender's own scope. */
export function summaryScope(
  deps: Deps,
  sender: Sender,
  word: string,
): { ok: true; label: string; sites: Site[] } | { ok: false; text: string } {
  const all = deps.repo.rosterHistory.activeSitesFor(monthOf(deps.clock()))
  if (word) {
    const g = parseGroup(word)
    if (g) return { ok: true, label: GROUP_NAMES[g], sites: all.filter((s) => s.group === g) }
    if (word === SCOPE_WORDS.province || word === SCOPE_WORDS.city)
      return { ok: true, label: word, sites: all.filter((s) => s.level === word) }
    if ((SCOPE_WORDS.all as readonly string[]).includes(word))
      return { ok: true, label: SCOPE_WORDS.all[0]!, sites: all }
    const d = parseDistrict(word)
    if (d) return { ok: true, label: d, sites: all.filter((s) => s.district === d) }
    return { ok: false, text: R.summaryFilterUnknown(word) }
  }
  if (isAdmin(sender.roles)) return { ok: true, label: SCOPE_WORDS.all[0]!, sites: all }
  const g = leaderGroups(sender.roles)[0]
  if (g) return { ok: true, label: GROUP_NAMES[g], sites: all.filter((s) => s.group === g) }
  const d = liaisonDistricts(sender.roles)[0]
  if (d) return { ok: true, label: d, sites: all.filter((s) => s.district === d) }
  return { ok: true, label: SCOPE_WORDS.all[0]!, sites: all }
}

/** The words of a list command with `详细` (the full list instead of the phone-length one) taken out. */
export function splitDetail(tokens: readonly string[]): { words: string[]; detail: boolean } {
  const isDetail = (t: string) => (DETAIL_WORDS as readonly string[]).includes(t)
  return { words: tokens.filter((t) => !isDetail(t)), detail: tokens.some(isDetail) }
}
