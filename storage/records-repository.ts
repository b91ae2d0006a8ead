import type { Month } from '../src/domain/calendar.js'
import type { Org } from '../src/domain/types.js'
import type { RecordsRepository } from '../src/core/records-port.js'
import { AuditStore } from './audit-store.js'
import { deliverAudit, type AuditTrail } from './audited-update.js'
import { RecordsStore } from './records-store.js'
import { RosterHistoryStore } from './roster-history-store.js'

/**
 * Opens the site records, the audit trail and the dated roster under `dataDir` (`null`: memory).
 * `today` is the roster of roster.json as it stands, for the one-time migration into history.
 */
export async function openRecordsRepository(
  dataDir: string | null,
  today: { orgs: readonly Org[]; trackingSince: Month; now: Date },
): Promise<RecordsRepository & { audit: AuditTrail }> {
  const audit = await AuditStore.open(dataDir)
  const records = await RecordsStore.open(dataDir, audit)
  const rosterHistory = await RosterHistoryStore.open(dataDir, today, audit)
  // Audit entries written with their change whose append failed (a full disk) are appended now.
  await deliverAudit(audit, [...records.files(), rosterHistory.file()])
  return { records, audit, rosterHistory }
}
