/**
 * Ports: what commands, core and the scheduler may ask of the outside world. They are owned here
 * and implemented by `storage/` (the repository) and `src/transport/` (directory, sender), so the
 * inner layers never import an adapter.
 */
import type { AuditNote } from '../domain/audit.js'
import type { Month } from '../domain/calendar.js'
import type { DigestPrefsPort } from './digest-port.js'
import type { HolidaysPort } from './holiday-port.js'
import type { ImportsPort } from './imports-port.js'
import type { Tracking } from '../domain/tracking.js'
import type { LockoutPort } from './lockout-port.js'
import type { FileInfo, Report } from '../domain/reports.js'
import type { OccurrenceState, ReminderSettings, SettingsOverride } from '../domain/reminders.js'
import type { Roster } from '../domain/roster.js'
import type { RecordsRepository } from './records-port.js'
import type { Line, Member, Role, RoleGrant, RoleSpec } from '../domain/types.js'

export interface Registration {
  name: string
  orgId: string
  line: Line | null
  wechatName: string
}

export type AdminCodeCheck = 'ok' | 'wrong' | 'used' | 'none'

/**
 * The monthly reports. Writes that take a `note` (an audit entry) write it in the same durable write
 * as the change (storage/audited-update.ts): a retry never logs twice, a failed append never loses it.
 */
export interface ReportsPort {
  /** Every report, oldest month first. */
  all(): Report[]
  ofMonth(month: Month): Report[]
  get(no: number): Report | undefined
  /** The report a WeChat message already went into, if any. */
  byMessageId(id: string): Report | undefined
  /** Adds a report with the next number; resolves once it is on disk. */
  add(input: Omit<Report, 'no'>): Promise<Report>
  /** Changes a report (withdrawal, attachments); resolves once on disk. */
  change(no: number, mutate: (r: Report) => void, note?: AuditNote): Promise<Report | undefined>
  /** Saves a shared file under `attachments/YYYY-MM/` and describes it. */
  saveFile(
    month: Month,
    messageId: string,
    name: string,
    data: Buffer,
    kind: FileInfo['kind'],
  ): Promise<FileInfo>
  /** Reads a saved attachment back (for exports and compilations); null when it is gone. */
  readFile(file: FileInfo): Promise<Buffer | null>
}

/** Reminder settings changed by admins, the record of every occurrence, and the digest opt-outs. */
export interface RemindersPort extends DigestPrefsPort {
  /** The settings in force: the configuration's, with the admins' changes on top. */
  settings(defaults: ReminderSettings): ReminderSettings
  /** Changes the settings; with `note`, its audit entry goes in the same write. */
  change(mutate: (o: SettingsOverride) => void, note?: AuditNote): Promise<void>
  /** Called after every settings change (the scheduler re-plans its timers). */
  subscribe(fn: () => void): () => void
  createdAt(): Date
  state(id: string): OccurrenceState | undefined
  /** Failed sends of an occurrence so far (each 'failed' record counts one). */
  attempts(id: string): number
  /** Records a decision about an occurrence; resolves once on disk. */
  record(id: string, state: OccurrenceState, at: Date): Promise<void>
}

/**
 * What commands, core and the scheduler may ask of the store. The lowdb files stay behind it.
 * `roster()` is the roster as the dated history leaves it (every change applied); the tallies of a
 * month ask `rosterHistory.activeSitesFor(month)`, so past months keep their totals.
 */
export interface Repository extends RecordsRepository {
  roster(): Roster
  member(contactId: string): Member | undefined
  members(): Member[]
  /** Saves a registration; an earlier one goes into the member's history. Resolves once on disk. */
  register(contactId: string, reg: Registration, now: Date): Promise<{ member: Member; updated: boolean }>
  roles(contactId: string): RoleGrant[]
  roleHolders(): { contactId: string; grants: RoleGrant[] }[]
  /** False when the person already holds that role with that scope. */
  grant(contactId: string, spec: RoleSpec, by: string, now: Date, note?: AuditNote): Promise<boolean>
  /** Removes a role (every scope of it when only the role is named); resolves with how many grants went. */
  revoke(contactId: string, spec: RoleSpec | Role, note?: AuditNote): Promise<number>
  room(): { id: string; topic: string } | null
  bindRoom(id: string, topic: string, now: Date): Promise<void>
  /** Ensures a one-time admin code exists; returns the code when a new one was generated. */
  ensureAdminCode(preset: string | undefined, now: Date): Promise<{ generated: string | null }>
  /** Checks a code and, when right, marks it used by `contactId` and makes them admin. */
  redeemAdminCode(code: string, contactId: string, now: Date, note?: AuditNote): Promise<AdminCodeCheck>
  /** Marks contacts as greeted; returns those that had not been greeted before. */
  markGreeted(contactIds: string[]): Promise<string[]>
  /** The first month reports were counted for (the month the bot was installed on). */
  trackingSince(): Month
  /** The months with data: from the install month, and earlier months with a report or an import. */
  tracking(): Tracking
  /** Imported history (#导入); its counts are in `reports` already. */
  imports: ImportsPort
  /** The monthly reports, one file per month, with the imported counts in force (`via: 'import'`). */
  reports: ReportsPort
  /** Reminder settings and every occurrence sent. */
  reminders: RemindersPort
  /** Holidays admins entered with #节假日. */
  holidays: HolidaysPort
  /** Wrong admin-code attempts, kept across restarts. */
  lockouts: LockoutPort
}
