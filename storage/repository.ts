import { join } from 'node:path'
import { deliverAudit } from './audited-update.js'
import { Roster } from '../src/domain/roster.js'
import { JsonFileStore } from './json-file-store.js'
import type { Repository } from '../src/core/ports.js'
import type { RecordsRepository, RosterHistoryPort } from '../src/core/records-port.js'
import { openRecordsRepository } from './records-repository.js'
import { ReportStore } from './report-store.js'
import { ReminderStore } from './reminder-store.js'
import { HolidayStore } from './holiday-store.js'
import { LockoutStore } from './lockout-store.js'
import { coreMigrations, emptyCore, initialRoster, STORE_FILES } from './core-file.js'
import { adminCodeParts, memberParts, roleParts, roomParts } from './core-repository.js'
import { ImportStore } from './import-store.js'
import type { ReportsPort } from '../src/core/ports.js'
import { importedMonths, withImported } from '../src/domain/imports.js'
import { trackingOf } from '../src/domain/tracking.js'
import {
  CORE_SCHEMA_VERSION,
  coreFileSchema,
  ROSTER_SCHEMA_VERSION,
  rosterFileSchema,
  type CoreFile,
} from './schema.js'

export { generateAdminCode, STORE_FILES } from './core-file.js'

/** The roster with every dated change applied (those taking effect later included). */
const LAST_DAY = '9999-12-31'

/** The core file behind the repository, for storage's own operator tools and the benchmark's counts. */
export interface StoreFiles {
  core: JsonFileStore<CoreFile>
}

/**
 * Opens (or creates) the store under `dataDir`; `null` keeps everything in memory for tests.
 * What it returns is the Repository and nothing more: no file behind it can be reached from it.
 */
export async function openRepository(dataDir: string | null, now: Date = new Date()): Promise<Repository> {
  return (await openRepositoryFiles(dataDir, now)).repo
}

/** The repository and its core file: only for storage's operator tools and the benchmark, never for commands. */
export async function openRepositoryFiles(
  dataDir: string | null,
  now: Date = new Date(),
): Promise<{ repo: Repository; files: StoreFiles }> {
  const file = (name: string) => (dataDir === null ? null : join(dataDir, name))
  const core = await JsonFileStore.open<CoreFile>({
    file: file(STORE_FILES.core),
    schema: coreFileSchema,
    version: CORE_SCHEMA_VERSION,
    defaults: () => emptyCore(now),
    migrations: coreMigrations(now),
  })
  const rosterFile = await JsonFileStore.open({
    file: file(STORE_FILES.roster),
    schema: rosterFileSchema,
    version: ROSTER_SCHEMA_VERSION,
    defaults: initialRoster,
  })
  const records = await openRecordsRepository(dataDir, {
    orgs: rosterFile.data.orgs,
    trackingSince: core.data.trackingSince,
    now,
  })
  const { audit } = records
  const imports = await ImportStore.open(dataDir, audit)
  const reportStore = await ReportStore.open(dataDir, audit)
  const reports = withImports(reportStore, imports)
  const reminders = await ReminderStore.open(dataDir, now, audit)
  const holidays = await HolidayStore.open(dataDir, audit)
  // Audit entries written with their change whose append failed (a full disk) are appended now.
  await deliverAudit(audit, [core, imports.file(), reminders.file(), holidays.file(), ...reportStore.files()])
  const repo: Repository = {
    reports,
    imports,
    tracking: () => trackingOf(core.data.trackingSince, reports.all(), importedMonths(imports.batches())),
    reminders,
    holidays,
    lockouts: await LockoutStore.open(dataDir),
    ...recordParts(records),
    ...memberParts(core),
    ...roleParts(core, audit),
    ...roomParts(core),
    ...adminCodeParts(core, audit),
  }
  return { repo, files: { core } }
}

/** The reports as every view sees them: the bot's own, with the imported counts in force added. */
function withImports(store: ReportStore, imports: ImportStore): ReportsPort {
  return {
    all: () => withImported(store.all(), imports.batches()),
    ofMonth: (month) =>
      withImported(store.ofMonth(month), imports.batches()).filter((r) => r.month === month),
    get: (no) => store.get(no),
    byMessageId: (id) => store.byMessageId(id),
    add: (input) => store.add(input),
    change: (no, mutate, note) => store.change(no, mutate, note),
    saveFile: (...args) => store.saveFile(...args),
    readFile: (file) => store.readFile(file),
  }
}

/** The site records, the audit trail, and the roster as the dated history leaves it. */
function recordParts(
  records: RecordsRepository,
): Pick<Repository, 'records' | 'audit' | 'rosterHistory' | 'roster'> {
  const history = records.rosterHistory
  let roster = new Roster(history.orgsOn(LAST_DAY))
  const rosterHistory: RosterHistoryPort = {
    history: () => history.history(),
    orgsOn: (day) => history.orgsOn(day),
    activeSitesFor: (month) => history.activeSitesFor(month),
    async change(input) {
      const result = await history.change(input)
      if (result.ok) roster = new Roster(history.orgsOn(LAST_DAY))
      return result
    },
  }
  return { records: records.records, audit: records.audit, rosterHistory, roster: () => roster }
}
