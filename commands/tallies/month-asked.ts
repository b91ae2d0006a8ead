/** The month a tally asks about: the month word, when its reports are due, the year's first month, 详细. */
import { firstTracked } from '../../src/domain/tracking.js'
import type { Deps } from '../../src/core/types.js'
import { lateDeadline, monthOf, parseMonth, shanghaiDate, type Month } from '../../src/domain/calendar.js'
import { DETAIL_WORDS } from '../../src/domain/vocabulary.js'
import { daysOf } from '../../src/domain/workdays.js'
import { CORE } from '../../src/messages/core.js'
import { TALLIES } from './sentences.js'

/** The month asked for, this month by default; a reply when the word is no month. */
export function pickMonth(
  deps: Deps,
  word: string,
): { ok: true; month: Month } | { ok: false; text: string } {
  const now = deps.clock()
  if (!word) return { ok: true, month: monthOf(now) }
  const month = parseMonth(word, now)
  return month ? { ok: true, month } : { ok: false, text: CORE.monthInvalid(word, monthOf(now)) }
}

/** When the month's reports are due, as a phrase; null once 补报 has closed too. */
export function dueText(deps: Deps, month: Month): string | null {
  const now = deps.clock()
  if (month === monthOf(now)) return TALLIES.dueThisMonth(daysOf(month).at(-1)!)
  const deadline = lateDeadline(month, deps.settings.lateDays)
  if (month < monthOf(now) && now < deadline)
    return TALLIES.dueLate(shanghaiDate(new Date(deadline.getTime() - 1)))
  return null
}

/** The year's first month for yearly views: January, or the first tracked month. */
export function yearStart(deps: Deps, month: Month): Month {
  const jan = `${month.slice(0, 4)}-01`
  const since = firstTracked(deps.repo.tracking())
  return since > jan && since <= month ? since : jan
}

/** The words of a list command with `详细` (the full list instead of the phone-length one) taken out. */
export function splitDetail(tokens: readonly string[]): { words: string[]; detail: boolean } {
  const isDetail = (t: string) => (DETAIL_WORDS as readonly string[]).includes(t)
  return { words: tokens.filter((t) => !isDetail(t)), detail: tokens.some(isDetail) }
}
