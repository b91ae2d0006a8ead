/**
 * Reporting's claim on shared articles, files and pictures (through core's share window):
 * - claimed: a bare #上报 was waiting for this share, or the member filed a report a moment ago
 *   (the share joins it); the receipt names the share and how to undo it;
 * - unclaimed: an article whose title says it is 创建信息 counts by itself; anything else waits
 *   for a #上报 within the window, and the group hears nothing (issue 15): at most one private
 *   hint a day to the sharer, none when the title has nothing to do with reporting.
 */
import type { ShareClaimant } from '../../src/core/share-window.js'
import type { CommandContext, Reply } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { REPORT_RELATED_WORDS } from '../../src/domain/vocabulary.js'
import { W } from '../../src/messages/first-week.js'
import { fileReport } from './file-report.js'
import { SHARES, type PendingShare } from './share-buffer.js'
import { SHARE_HINTS } from './share-hints.js'

/** The share as the buffer and the report keep it (a file or picture is saved first). */
async function pendingOf({ incoming, deps }: CommandContext): Promise<PendingShare> {
  const share = incoming.share!
  const at = incoming.at.getTime()
  if (share.kind === 'url') return { messageId: incoming.id, at, link: share.link }
  const data = await share.load()
  const file = await deps.repo.reports.saveFile(
    monthOf(incoming.at),
    incoming.id,
    share.name,
    data,
    share.kind,
  )
  return { messageId: incoming.id, at, file }
}

/** A reply only the sharer sees. */
const privately = (ctx: CommandContext, text: string): Reply[] => [
  { to: { kind: 'private', id: ctx.sender.id }, text },
]

/** Shares after a report join it: the confirmation names what the report holds and how to undo it. */
async function attach(ctx: CommandContext, no: number, pending: PendingShare): Promise<Reply[]> {
  const { deps } = ctx
  await deps.repo.reports.change(no, (r) => {
    if (pending.link) r.links.push(pending.link)
    if (pending.file) r.files.push(pending.file)
    r.messageIds.push(pending.messageId)
  })
  const updated = deps.repo.reports.get(no)!
  // One confirmation that says what the report holds now; those still waiting are replaced.
  return [
    {
      text: W.attached(no, updated),
      merge: { key: `attached:${no}`, part: '', suffix: '', replace: true },
    },
  ]
}

async function take(ctx: CommandContext): Promise<Reply[]> {
  const { incoming, sender, deps } = ctx
  if (deps.repo.reports.byMessageId(incoming.id)) return []
  const buffer = deps.local(SHARES)
  const now = incoming.at.getTime()
  const pending = await pendingOf(ctx)
  const intent = buffer.takeIntent(sender.id, now)
  const site = intent && deps.repo.roster().get(intent.siteId)
  if (intent && site?.kind === 'site') {
    const { month, late, onBehalf, messageId } = intent
    const base = { site, month, late, onBehalf, via: 'share' as const, text: '', shares: [pending] }
    return fileReport(deps, sender, { ...base, messageIds: [messageId] })
  }
  const last = buffer.last(sender.id, now)
  return last ? attach(ctx, last.no, pending) : []
}

/** True when an article's title has anything to do with reporting (a hint may help the sharer). */
const related = (title: string, keywords: readonly string[]) =>
  [...keywords, ...REPORT_RELATED_WORDS].some((k) => title.includes(k))

async function unclaimed(ctx: CommandContext): Promise<Reply[]> {
  const { incoming, sender, deps } = ctx
  const share = incoming.share!
  const counts = share.kind === 'url' && deps.settings.keywords.some((k) => share.link.title.includes(k))
  if (!sender.member) return counts ? privately(ctx, W.shareUnregistered) : []
  if (deps.repo.reports.byMessageId(incoming.id)) return []
  const pending = await pendingOf(ctx)
  const site = ctx.ownSite()
  if (counts && site) {
    const base = { site, month: monthOf(incoming.at), late: false, onBehalf: false, via: 'auto' as const }
    const link = share.link
    return fileReport(deps, sender, {
      ...base,
      text: link.description,
      title: link.title,
      shares: [pending],
      messageIds: [],
    })
  }
  deps.local(SHARES).add(sender.id, pending)
  const hint =
    share.kind === 'url' &&
    site !== undefined &&
    related(share.link.title, deps.settings.keywords) &&
    deps.local(SHARE_HINTS).take(sender.id, incoming.at)
  return hint ? privately(ctx, W.articleHint(Math.round(deps.settings.shareWindowMs / 60_000))) : []
}

export const reportShares: ShareClaimant = {
  name: 'report',
  kinds: ['url', 'file', 'image'],
  claim({ incoming, sender, deps }) {
    if (!sender.member) return null
    const buffer = deps.local(SHARES)
    const now = incoming.at.getTime()
    const intent = buffer.peekIntent(sender.id, now)
    if (intent) return { at: intent.at, explicit: true }
    const last = buffer.last(sender.id, now)
    const report = last && deps.repo.reports.get(last.no)
    // An article counted by its title stands alone: what follows it waits for its own #上报.
    return last && report?.withdrawn === null && report.via !== 'auto'
      ? { at: last.at, explicit: false }
      : null
  },
  take,
  unclaimed,
}
