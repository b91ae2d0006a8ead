/**
 * Files and photos as evidence of a site record: a bare `#计划 2027` waits for the plan file, and
 * the photos right after a `#六有 …` are attached to that item. A file shared just before the
 * command is taken from the #上报 share buffer. Claimed through core's share window: the most
 * recent ask of the sender (this record command or a #上报) takes the share.
 */
import type { ShareClaimant } from '../../src/core/share-window.js'
import { localKey, type CommandContext, type Deps, type Sender } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import type { SixItem } from '../../src/domain/records.js'
import type { FileInfo } from '../../src/domain/reports.js'
import { REC } from '../../src/messages/records.js'
import { SHARES } from '../reporting/share-buffer.js'

type Target = { kind: 'plan'; siteId: string; year: number } | { kind: 'six'; siteId: string; item: SixItem }

class RecordShares {
  private readonly intents = new Map<string, { at: number; target: Target }>()
  constructor(private readonly windowMs: number) {}
  set(senderId: string, at: number, target: Target): void {
    this.intents.set(senderId, { at, target })
  }
  /** The record command waiting for files within the window, and when it was sent. */
  get(senderId: string, now: number): { at: number; target: Target } | undefined {
    const i = this.intents.get(senderId)
    if (i && Math.abs(now - i.at) <= this.windowMs) return i
    this.intents.delete(senderId)
    return undefined
  }
  clear(senderId: string): void {
    this.intents.delete(senderId)
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

async function take({ incoming, sender, deps }: CommandContext) {
  const share = incoming.share
  if (!share || share.kind === 'url') return []
  const intents = deps.local(RECORD_SHARES)
  const now = incoming.at
  const target = intents.get(sender.id, now.getTime())?.target
  if (!target) return []
  const data = await share.load()
  const file = await deps.repo.reports.saveFile(monthOf(now), incoming.id, share.name, data, share.kind)
  const { records } = deps.repo
  const site = deps.repo.roster().get(target.siteId)
  if (site?.kind !== 'site') return []
  const actor = { id: sender.id, name: sender.name }
  if (target.kind === 'plan') {
    intents.clear(sender.id)
    const prev = records.plans().find((p) => p.orgId === site.id && p.year === target.year)
    const saved = await records.setPlan(site.id, target.year, prev?.text ?? '', file, actor, now)
    return [{ text: REC.planSaved(site, saved, prev !== undefined) }]
  }
  const entry = records.six().find((e) => e.orgId === site.id && e.item === target.item)
  if (!entry) return []
  const evidence = { reports: entry.evidence.reports, files: [...entry.evidence.files, file] }
  await records.setSix(
    site.id,
    target.item,
    { state: entry.state, description: entry.description, evidence },
    actor,
    now,
  )
  return []
}

export const recordShares: ShareClaimant = {
  name: 'records',
  kinds: ['file', 'image'],
  claim({ incoming, sender, deps }) {
    if (!sender.member) return null
    const waiting = deps.local(RECORD_SHARES).get(sender.id, incoming.at.getTime())
    return waiting ? { at: waiting.at, explicit: true } : null
  },
  take,
}
