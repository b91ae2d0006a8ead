/** A shared article, file or image: kept for its #上报, added to a report just made, or counted by its title. */
import type { ShareHandler } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { REPORTING } from './sentences.js'
import type { PendingShare } from './share-buffer.js'
import { SHARE_HINTS } from './share-hints.js'
import { RECORD_SHARES } from '../records/records-share.js'
import { fileReport, SHARES } from './reporting-support.js'

export const shareToReport: ShareHandler = {
  name: 'report',
  kinds: ['url', 'file', 'image'],
  async run({ incoming, sender, deps }) {
    const share = incoming.share
    if (!share || !sender.member) return []
    if (deps.repo.reports.byMessageId(incoming.id)) return []
    // A file or photo a bare #计划 or a #六有 was waiting for is evidence of that record.
    if (deps.local(RECORD_SHARES).takeClaim(incoming.id)) return []
    const buffer = deps.local(SHARES)
    const now = incoming.at.getTime()
    const month = monthOf(incoming.at)
    const pending: PendingShare =
      share.kind === 'url'
        ? { messageId: incoming.id, at: now, link: share.link }
        : {
            messageId: incoming.id,
            at: now,
            file: await deps.repo.reports.saveFile(
              month,
              incoming.id,
              share.name,
              await share.load(),
              share.kind,
            ),
          }

    // 1. A bare #上报 was waiting for this share.
    const intent = buffer.takeIntent(sender.id, now)
    const intentSite = intent && deps.repo.roster().get(intent.siteId)
    if (intent && intentSite?.kind === 'site') {
      return fileReport(deps, sender, {
        site: intentSite,
        month: intent.month,
        late: intent.late,
        onBehalf: intent.onBehalf,
        via: 'share',
        text: '',
        shares: [pending],
        messageIds: [intent.messageId],
      })
    }
    // 2. The member reported with #上报 a moment ago: the photos and files that follow belong to it.
    // (An article counted by its title stands alone: what follows it waits for its own #上报.)
    const last = buffer.last(sender.id, now)
    const lastReport = last === undefined ? undefined : deps.repo.reports.get(last)
    if (last !== undefined && lastReport?.withdrawn === null && lastReport.via !== 'auto') {
      await deps.repo.reports.change(last, (r) => {
        if (pending.link) r.links.push(pending.link)
        if (pending.file) r.files.push(pending.file)
        r.messageIds.push(pending.messageId)
      })
      const updated = deps.repo.reports.get(last) ?? lastReport
      // One confirmation that says what the report holds now; those still waiting are replaced.
      return [
        {
          text: REPORTING.attached(last, updated),
          merge: { key: `attached:${last}`, part: '', suffix: '', replace: true },
        },
      ]
    }
    // 3. An article whose title says it is 创建信息 counts by itself.
    const site = sender.org
    if (
      share.kind === 'url' &&
      site?.kind === 'site' &&
      !site.retired &&
      deps.settings.keywords.some((k) => share.link.title.includes(k))
    ) {
      return fileReport(deps, sender, {
        site,
        month,
        late: false,
        onBehalf: false,
        via: 'auto',
        text: share.link.description,
        title: share.link.title,
        shares: [pending],
        messageIds: [],
      })
    }
    // 4. Otherwise it waits for a #上报 within the window. An article from a site's member is
    // answered with how to count it, once a day: most are meant as 创建信息.
    buffer.add(sender.id, pending)
    if (
      share.kind === 'url' &&
      site?.kind === 'site' &&
      !site.retired &&
      deps.local(SHARE_HINTS).take(sender.id, incoming.at)
    ) {
      return [{ text: REPORTING.articleHint(Math.round(deps.settings.shareWindowMs / 60_000)) }]
    }
    return []
  },
}
