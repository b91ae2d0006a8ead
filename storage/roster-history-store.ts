import { z } from 'zod'
import { currentNumbers } from '../src/domain/roster-data.js'
import { join } from 'node:path'
import type { Month } from '../src/domain/calendar.js'
import {
  activeSitesFor,
  applyChange,
  historyFromRoster,
  orgsOn,
  rosterHistorySchema,
  type RosterChange,
  type RosterChangeInput,
  type RosterHistory,
} from '../src/domain/roster-history.js'
import type { Org, Site } from '../src/domain/types.js'
import type { RosterHistoryPort } from '../src/core/records-port.js'
import {
  auditedUpdate,
  auditOutboxField,
  type Audited,
  type AuditNote,
  type AuditTrail,
} from './audited-update.js'
import { JsonFileStore } from './json-file-store.js'

export const ROSTER_HISTORY_SCHEMA_VERSION = 1
const fileSchema = z.object({
  schemaVersion: z.literal(ROSTER_HISTORY_SCHEMA_VERSION),
  ...rosterHistorySchema.shape,
  ...auditOutboxField,
})
type HistoryFile = z.infer<typeof fileSchema>

/**
 * The dated roster (`roster-history.json`). Created on first start from the roster of today
 * (roster.json): its `retired` flags become withdrawals in force from the first tracked month, so
 * every month already tallied keeps its totals. Every change is checked (the roster stays valid,
 * aliases unique on every day) and written to the audit trail.
 */
export class RosterHistoryStore implements RosterHistoryPort {
  private constructor(
    private readonly store: JsonFileStore<HistoryFile>,
    private readonly audit: AuditTrail,
  ) {}

  static async open(
    dataDir: string | null,
    today: { orgs: readonly Org[]; trackingSince: Month; now: Date },
    audit: AuditTrail,
  ): Promise<RosterHistoryStore> {
    const store = await JsonFileStore.open<HistoryFile>({
      file: dataDir === null ? null : join(dataDir, 'roster-history.json'),
      schema: fileSchema,
      version: ROSTER_HISTORY_SCHEMA_VERSION,
      defaults: () => ({
        schemaVersion: ROSTER_HISTORY_SCHEMA_VERSION,
        ...historyFromRoster(today.orgs, today.trackingSince, today.now.toISOString()),
        auditOutbox: [],
      }),
    })
    return new RosterHistoryStore(store, audit)
  }

  history(): RosterHistory {
    // Line organisations stored with their first numbers read as they are numbered today.
    return { base: currentNumbers(this.store.data.base), changes: this.store.data.changes }
  }

  async change(input: RosterChangeInput) {
    const seq = Math.max(0, ...this.store.data.changes.map((c) => c.seq)) + 1
    const change: RosterChange = { ...input, seq }
    const r = applyChange(this.history(), change)
    if (!r.ok) return r
    await auditedUpdate(
      this.store,
      this.audit,
      (d) => {
        d.changes.push(change)
        return change
      },
      auditNote,
    )
    return { ok: true as const, change }
  }

  /** The file, for the audit entries that wait in it. */
  file(): { readonly data: Audited } {
    return this.store
  }

  orgsOn(day: string): Org[] {
    return orgsOn(this.history(), day)
  }

  /** Kept per month until the roster changes: every receipt's 全市已报 N/30 asks for it. */
  private active: { revision: number; months: Map<Month, Site[]> } = { revision: -1, months: new Map() }

  activeSitesFor(month: Month): Site[] {
    if (this.active.revision !== this.store.revision)
      this.active = { revision: this.store.revision, months: new Map() }
    let sites = this.active.months.get(month)
    if (!sites) {
      sites = Object.freeze(activeSitesFor(this.history(), month)) as Site[]
      this.active.months.set(month, sites)
    }
    return sites
  }
}

/** The audit entry of a roster change. */
function auditNote(change: RosterChange): AuditNote {
  const target = change.kind === 'add' ? change.site.id : change.orgId
  const detail: Record<string, string> = { from: change.from }
  if (change.kind === 'add')
    Object.assign(detail, { name: change.site.name, group: String(change.site.group) })
  if (change.kind === 'move') detail['group'] = String(change.group)
  if (change.kind === 'rename') detail['name'] = change.name
  const { at, by, byName, reason } = change
  return { at, by, byName, action: `roster.${change.kind}`, target, detail, reason }
}
