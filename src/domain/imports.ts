/**
 * Imported history: the counts a coordinator kept by hand (sites × months), brought in with
 * `#导入`. An import is kept as a batch that can be taken back; the counts take part in every view
 * as reports marked `via: 'import'` (no text, no number), made here and never stored as reports.
 * A report the bot collected itself always wins: a site and month with one has no imported count.
 */
import type { Month } from './calendar.js'
import { counts, type Report } from './reports.js'

export interface ImportEntry {
  orgId: string
  month: Month
  count: number
}

export interface ImportBatch {
  id: number
  /** When it was applied (ISO), by whom. */
  at: string
  by: string
  byName: string
  fileName: string
  /** The months the file covered: each is known (tracked) for every site in the scope. */
  months: Month[]
  /** The sites the import spoke for (the importer's scope). */
  orgIds: string[]
  entries: ImportEntry[]
  /** Set when `#导入 撤销` took it back. */
  undone: { by: string; at: string } | null
}

/** The batches in force, oldest first. */
export const liveBatches = (batches: readonly ImportBatch[]): ImportBatch[] =>
  batches.filter((b) => b.undone === null).sort((a, b) => a.id - b.id)

/** The months any batch in force covered. */
export function importedMonths(batches: readonly ImportBatch[]): Month[] {
  return [...new Set(liveBatches(batches).flatMap((b) => b.months))].sort()
}

/**
 * The imported counts in force, by site and month: a later batch replaces an earlier one for the
 * sites and months it covered.
 */
export function importedCounts(batches: readonly ImportBatch[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const b of liveBatches(batches)) {
    for (const id of b.orgIds) for (const m of b.months) out.set(`${id}|${m}`, 0)
    for (const e of b.entries) out.set(`${e.orgId}|${e.month}`, e.count)
  }
  return out
}

/** An imported count as a report: no number, no text, marked `via: 'import'`. */
function importedReport(orgId: string, month: Month, batch: ImportBatch, i: number): Report {
  return {
    no: 0,
    month,
    orgId,
    submitterId: batch.by,
    submitterName: batch.byName,
    onBehalf: false,
    via: 'import',
    title: '',
    text: '',
    links: [],
    files: [],
    messageIds: [`import-${batch.id}-${orgId}-${month}-${i}`],
    at: batch.at,
    late: false,
    withdrawn: null,
  }
}

export const isImported = (r: Pick<Report, 'via'>): boolean => r.via === 'import'

/**
 * The bot's reports with the imported counts in force added as reports; a site and month that
 * holds a counted report of the bot's own keeps only those.
 */
export function withImported(reports: readonly Report[], batches: readonly ImportBatch[]): Report[] {
  const live = liveBatches(batches)
  if (live.length === 0) return [...reports]
  const own = new Set(reports.filter(counts).map((r) => `${r.orgId}|${r.month}`))
  const byKey = new Map<string, ImportBatch>()
  for (const b of live) for (const e of b.entries) byKey.set(`${e.orgId}|${e.month}`, b)
  const extra: Report[] = []
  for (const [key, n] of importedCounts(batches)) {
    if (n <= 0 || own.has(key)) continue
    const [orgId, month] = key.split('|') as [string, Month]
    const batch = byKey.get(key)!
    for (let i = 0; i < n; i++) extra.push(importedReport(orgId, month, batch, i))
  }
  return [...reports, ...extra].sort((a, b) => a.month.localeCompare(b.month))
}
