/**
 * The 日志 sheet of the Excel export, for people: when, who (registered name and site), what, to
 * what and why, in words. Contact ids, hashes and raw key=value details stay in the audit file.
 */
import type { AuditEntry } from '../domain/audit.js'
import { LOG, X, logDetail, type LogPerson } from '../messages/export.js'
import { SETTING_LABEL } from '../messages/assessment.js'
import { AUDIT_LABEL } from '../messages/audit.js'
import type { ExtraSheet } from './xlsx-lists.js'
import { excelDate } from './xlsx-lists.js'

export interface LogSheetInput {
  entries: readonly AuditEntry[]
  /** The registered person behind a contact id, if any. */
  person: (contactId: string) => LogPerson | undefined
  /** What an entry's target is called (a site's short name, a person, 编号 12). */
  target: (target: string) => string
}

const setting = (key: string): string | undefined => SETTING_LABEL[key]

/** One row per entry, oldest first. */
export function logSheet(input: LogSheetInput): ExtraSheet {
  const rows = input.entries.map((e) => {
    const p = e.by === 'system' ? { name: LOG.system, org: '' } : input.person(e.by)
    return [
      excelDate(e.at),
      p?.name ?? (e.byName || LOG.unknownPerson),
      p?.org || null,
      AUDIT_LABEL[e.action],
      input.target(e.target),
      logDetail(e.detail, setting) || null,
      e.reason || null,
    ]
  })
  const wraps = new Set([2, 4, 5, 6])
  return {
    name: X.sheets.log,
    columns: LOG.headers.map((header, i) => ({ header, wrap: wraps.has(i) })),
    rows,
  }
}
