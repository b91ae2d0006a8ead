/**
 * #导入's flow: a spreadsheet shared just before (or just after) `#导入` is read, shown as a
 * preview and kept as the sender's pending import until `#导入 确认`.
 */
import { localKey, type Deps, type Reply, type Sender } from '../../src/core/types.js'
import { inScope, isAdmin, leaderGroups } from '../../src/domain/authority.js'
import { readWorkbook } from '../../src/domain/import-sheet.js'
import { counts } from '../../src/domain/reports.js'
import { isImported } from '../../src/domain/imports.js'
import { IMPORT, type ImportPreview } from '../../src/messages/imports.js'
import { readSpreadsheet } from './read-file.js'

interface Waiting {
  at: number
  file?: { name: string; data: Buffer }
}

/** Per sender: a spreadsheet shared and waiting for #导入, or a #导入 waiting for its file. */
class ImportShares {
  private readonly files = new Map<string, Waiting>()
  private readonly intents = new Map<string, number>()
  constructor(private readonly windowMs: number) {}
  private fresh = (at: number, now: number) => Math.abs(now - at) <= this.windowMs
  keepFile(senderId: string, at: number, name: string, data: Buffer): void {
    this.files.set(senderId, { at, file: { name, data } })
  }
  takeFile(senderId: string, now: number): { name: string; data: Buffer } | undefined {
    const w = this.files.get(senderId)
    this.files.delete(senderId)
    return w && this.fresh(w.at, now) ? w.file : undefined
  }
  setIntent(senderId: string, at: number): void {
    this.intents.set(senderId, at)
  }
  /** When the sender's #导入 waiting for a file was sent, if it is still waiting. */
  intentAt(senderId: string, now: number): number | undefined {
    const at = this.intents.get(senderId)
    return at !== undefined && this.fresh(at, now) ? at : undefined
  }
  takeIntent(senderId: string, now: number): boolean {
    const at = this.intents.get(senderId)
    this.intents.delete(senderId)
    return at !== undefined && this.fresh(at, now)
  }
}

export const IMPORT_SHARES = localKey(
  'import-shares',
  (deps) => new ImportShares(deps.settings.shareWindowMs),
)

/** Reads a file, keeps what it says as the sender's pending import, and answers with the preview. */
export async function previewImport(
  deps: Deps,
  sender: Sender,
  name: string,
  data: Buffer,
): Promise<Reply[]> {
  const now = deps.clock()
  const sheets = await readSpreadsheet(name, data)
  if (typeof sheets === 'string') return [{ text: IMPORT.problem(sheets, name) }]
  const roster = deps.repo.roster()
  const reading = readWorkbook(sheets, (t) => roster.lookup(t, { includeRetired: true }), now)
  if (typeof reading === 'string' || !('entries' in reading)) return [{ text: IMPORT.problem(reading, name) }]
  const admin = isAdmin(sender.roles)
  const groups = leaderGroups(sender.roles)
  const mine = (id: string) => {
    const site = roster.get(id)
    return admin || (site?.kind === 'site' && groups.some((g) => inScope({ kind: 'group', group: g }, site)))
  }
  const orgIds = reading.orgIds.filter(mine)
  const entries = reading.entries.filter((e) => mine(e.orgId))
  const perMonth = reading.months.map((month) => {
    const list = entries.filter((e) => e.month === month)
    return { month, sites: list.length, pieces: list.reduce((n, e) => n + e.count, 0) }
  })
  const inBot = reading.months.filter((m) =>
    deps.repo.reports.ofMonth(m).some((r) => counts(r) && !isImported(r) && orgIds.includes(r.orgId)),
  )
  const preview: ImportPreview = {
    fileName: name,
    reading: { ...reading, orgIds, entries },
    perMonth,
    inBot,
    outOfScope: reading.orgIds.length - orgIds.length,
  }
  await deps.repo.imports.setPending(sender.id, {
    readAt: now.toISOString(),
    by: sender.id,
    byName: sender.member?.name ?? sender.wechatName,
    fileName: name,
    months: reading.months,
    orgIds,
    entries,
  })
  return [{ text: IMPORT.preview(preview) }]
}
