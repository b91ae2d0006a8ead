/**
 * The holidays admins entered with #节假日 (years the library lacks, or corrections), kept in
 * `holidays.json`. Implemented by `storage/holiday-store.ts`.
 */
import type { AuditNote } from '../domain/audit.js'
import type { HolidayYear } from '../domain/holidays.js'

export interface HolidaysPort {
  /** What admins entered for a year, if anything. */
  year(year: number): HolidayYear | undefined
  /** The years admins entered, in order. */
  years(): number[]
  /** Replaces a year's entered data (`null` removes it); resolves once on disk. */
  setYear(year: number, data: HolidayYear | null, by: string, now: Date, note?: AuditNote): Promise<void>
}
