/**
 * Files and photos as evidence of a site record: a bare `#计划 2027` waits for the plan file, and
 * the photos right after a `#六有 …` are attached to that item. A file shared just before the
 * command is taken from the #上报 share buffer. A share claimed here is not paired with a #上报.
 */
import { localKey, type Deps, type Sender, type ShareHandler } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import type { SixItem } from '../../src/domain/records.js'
import type { FileInfo } from '../../src/domain/reports.js'
import { RECORDS } from './sentences.js'
import { actorOf } from './records-support.js'
import { SHARES } from '../reporting/reporting-support.js'

type Target = { kind: 'plan'; siteId: string; year: number } | { kind: 'six'; siteId: string; item: SixItem }

class RecordShares {
  private readonly intents = new Map<string, { at: number; target: Target }>()
  private readonly claimed = new Set<string>()
  constructor(private readonly windowMs: number) {}
  set(senderId: string, at: number, target: Target): void {
    this.intents.set(senderId, { at, target })
  }
  get(senderId: string, now: number): Target | undefined {
    const i = this.intents.get(senderId)
    if (i && Math.abs(now - i.at) <= this.windowMs) return i.target
    this.intents.delete(senderId)
    return undefined
  }
  clear(senderId: string): void {
    this.intents.delete(senderId)
  }
  claim(messageId: string): void {
    this.claimed.add(messageId)
  }
  /** True once for a share this handler took (the report handler then leaves it alone). */
  takeClaim(messageId: string): boolean {
    return this.claimed.delete(messageId)
  }
}

export const RECORD_SHARES = localKey(
  'record-shares',
  (deps) => new RecordShares(deps.settings.shareWindowMs),
)

/** Files and photos the member shared just before a record command (taken from the #上报 buffer). */
export function sharedBefore(deps: Deps, sender: Sender): FileInfo[] {
  const buffer = deps.local(SHARES)
  const now = deps.clock().getTime()
  return buffer.take(sender.id, now).flatMap((s) => (s.file ? [s.file] : []))
}

/** Waits for the files that follow a record command, within the share window. */
export function awaitFiles(deps: Deps, sender: Sender, target: Target): void {
  deps.local(RECORD_SHARES).set(sender.id, deps.clock().getTime(), target)
}

export const shareToRecords: ShareHandler = {
  name: 'records',
  kinds: ['file', 'image'],
  async run({ incoming, sender, deps }) {
    const share = incoming.share
    if (!share || share.kind === 'url' || !sender.member) return []
    const intents = deps.local(RECORD_SHARES)
    const now = incoming.at
    const target = intents.get(sender.id, now.getTime())
    if (!target) return []
    intents.claim(incoming.id)
    const file = await deps.repo.reports.saveFile(
      monthOf(now),
      incoming.id,
      share.name,
      await share.load(),
      share.kind,
    )
    const { records } = deps.repo
    const site = deps.repo.roster().get(target.siteId)
    if (site?.kind !== 'site') return []
    if (target.kind === 'plan') {
      intents.clear(sender.id)
      const prev = records.plans().find((p) => p.orgId === site.id && p.year === target.year)
      const saved = await records.setPlan(site.id, target.year, prev?.text ?? '', file, actorOf(sender), now)
      return [{ text: RECORDS.planSaved(site, saved, prev !== undefined) }]
    }
    const entry = records.six().find((e) => e.orgId === site.id && e.item === target.item)
    if (!entry) return []
    await records.setSix(
      site.id,
      target.item,
      {
        state: entry.state,
        description: entry.description,
        evidence: { reports: entry.evidence.reports, files: [...entry.evidence.files, file] },
      },
      actorOf(sender),
      now,
    )
    return []
  },
}
