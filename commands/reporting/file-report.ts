/**
 * Filing a report with its receipt (#上报, #补报, #代报 and the share claimant), and the 补报
 * window. A #上报 with its own text never takes shares sent before it (issue 15): only a bare
 * #上报 does, or a share right after it.
 */
import type { Deps, Incoming, Reply, Sender } from '../../src/core/types.js'
import { lateDeadline, monthOf, shanghaiDate, type Month } from '../../src/domain/calendar.js'
import { isSubstantive } from '../../src/domain/report-contents.js'
import { namesLastMonth } from '../../src/domain/month-words.js'
import { BOUNDARY } from '../../src/messages/month-boundary.js'
import { findDuplicate, tallyMonth, type Report } from '../../src/domain/reports.js'
import type { Site } from '../../src/domain/types.js'
import { REPORTING } from './sentences.js'
import { SHARES, type PendingShare } from './share-buffer.js'

/** A near-duplicate is filed when the same text is sent again within this time. */
const CONFIRM_MS = 2 * 60_000

export function progress(deps: Deps, month: Month): { reported: number; total: number } {
  const t = tallyMonth(deps.repo.rosterHistory.activeSitesFor(month), deps.repo.reports.ofMonth(month), month)
  return { reported: t.reported, total: t.total }
}

const titleOf = (text: string, shares: PendingShare[]) =>
  [...(text.split('\n')[0] ?? '')].slice(0, 40).join('') ||
  shares.find((s) => s.link)?.link?.title ||
  shares.find((s) => s.file)?.file?.name ||
  ''

export interface NewReport {
  site: Site
  month: Month
  late: boolean
  onBehalf: boolean
  via: Report['via']
  text: string
  title?: string
  shares: PendingShare[]
  messageIds: string[]
}

/** Stores a report and returns its receipt; the receipt exists only once the report is on disk. */
export async function fileReport(deps: Deps, sender: Sender, n: NewReport): Promise<Reply[]> {
  const now = deps.clock()
  const report = await deps.repo.reports.add({
    month: n.month,
    orgId: n.site.id,
    submitterId: sender.id,
    submitterName: sender.name,
    onBehalf: n.onBehalf,
    via: n.via,
    title: n.title ?? titleOf(n.text, n.shares),
    text: n.text,
    links: n.shares.flatMap((s) => (s.link ? [s.link] : [])),
    files: n.shares.flatMap((s) => (s.file ? [s.file] : [])),
    messageIds: [...n.messageIds, ...n.shares.map((s) => s.messageId)],
    at: now.toISOString(),
    late: n.late,
    withdrawn: null,
  })
  deps.local(SHARES).setLast(sender.id, report.no, now.getTime())
  const { reported, total } = progress(deps, n.month)
  const current = monthOf(now)
  const hint = n.late ? '' : lastMonthHint(deps, report, now)
  if (n.via === 'auto') return [{ text: REPORTING.autoReceipt(n.site, report, reported, total) + hint }]
  const receipt = REPORTING.receipt(n.site, report, reported, total, current)
  // A receipt that took shares names them and says how to undo it, in a message of its own.
  if (n.shares.length > 0) return [{ text: `${receipt}${REPORTING.detachHint(report.no)}${hint}` }]
  if (hint) return [{ text: receipt + hint }]
  return [
    {
      text: receipt,
      // Plain receipts of this month waiting in the queue go out as one message.
      merge:
        n.late || n.onBehalf
          ? undefined
          : {
              key: `receipt:${n.month}`,
              part: REPORTING.receiptPart(n.site, report),
              suffix: REPORTING.receiptSuffix(n.month, reported, total),
            },
    },
  ]
}

/**
 * A line under a receipt of this month when the text, a file name or an article title names last
 * month while 补报 for it is still open: nothing is moved by a guess, the sender is told how.
 */
function lastMonthHint(deps: Deps, r: Report, now: Date): string {
  const named = namesLastMonth(
    [r.title, r.text, ...r.files.map((f) => f.name), ...r.links.map((l) => l.title)].join('\n'),
    now,
  )
  if (!named) return ''
  const deadline = lateDeadline(named, deps.settings.lateDays)
  if (now >= deadline) return ''
  return `\n${BOUNDARY.namesLastMonth(named, r.no, shanghaiDate(new Date(deadline.getTime() - 1)))}`
}

/** #上报 / #补报 / #代报 share this: with text, with shares just sent, or waiting for a share. */
export async function reportFor(
  deps: Deps,
  incoming: Incoming,
  sender: Sender,
  site: Site,
  month: Month,
  text: string,
  flags: { late: boolean; onBehalf: boolean },
): Promise<Reply[]> {
  // A message delivered again (replayed after a restart) never counts twice.
  if (deps.repo.reports.byMessageId(incoming.id)) return []
  const now = incoming.at.getTime()
  const buffer = deps.local(SHARES)
  // Only a bare #上报 takes the shares sent just before it; a report with its own text stands alone.
  const shares = text ? [] : buffer.take(sender.id, now)
  if (!text && shares.length === 0) {
    buffer.setIntent(sender.id, {
      at: now,
      messageId: incoming.id,
      siteId: site.id,
      month,
      ...flags,
      title: '',
    })
    const minutes = Math.round(deps.settings.shareWindowMs / 60_000)
    return [{ text: REPORTING.waitingForShare(site, month, minutes, flags) }]
  }
  if (text && shares.length === 0) {
    // An acknowledgement or emoji alone is no report.
    if (!isSubstantive(text)) return [{ text: REPORTING.tooThin(text) }]
    // The same report twice never counts twice; a near-duplicate is asked about first.
    const dup = findDuplicate(deps.repo.reports.ofMonth(month), site.id, text, now)
    if (dup?.kind === 'same') return [{ text: REPORTING.duplicate(dup.report.no) }]
    if (dup?.kind === 'similar' && !buffer.confirmSimilar(sender.id, text, now, CONFIRM_MS)) {
      return [{ text: REPORTING.similar(dup.report.no, CONFIRM_MS / 60_000) }]
    }
  }
  return fileReport(deps, sender, {
    site,
    month,
    ...flags,
    via: shares.length > 0 ? 'share' : 'text',
    text,
    shares,
    messageIds: [incoming.id],
  })
}

/** Null when 补报 for `month` is still open at the message's time; else the reply that says why not. */
export function checkLate(deps: Deps, incoming: Incoming, month: Month): Reply[] | null {
  const current = monthOf(incoming.at)
  if (month === current) return [{ text: REPORTING.lateIsCurrent(month) }]
  if (month > current) return [{ text: REPORTING.lateFuture(month) }]
  const deadline = lateDeadline(month, deps.settings.lateDays)
  if (incoming.at.getTime() >= deadline.getTime()) return [{ text: REPORTING.lateClosed(month, deadline) }]
  return null
}
