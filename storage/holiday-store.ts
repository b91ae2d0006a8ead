import { join } from 'node:path'
import { z } from 'zod'
import type { HolidaysPort } from '../src/core/holiday-port.js'
import type { HolidayPeriod, HolidayYear } from '../src/domain/holidays.js'
import { JsonFileStore } from './json-file-store.js'
import { auditOutboxField, updateNoted, type AuditTrail } from './audited-update.js'
import type { AuditNote } from '../src/domain/audit.js'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const period = z.object({ name: z.string().min(1), from: day, to: day }) satisfies z.ZodType<HolidayPeriod>
const year = z.object({
  holidays: z.array(period),
  workdays: z.array(day),
  /** Who entered it last, and when. */
  by: z.string(),
  at: z.string(),
})

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  /** By year ('2027'). */
  years: z.record(z.string().regex(/^\d{4}$/), year),
  ...auditOutboxField,
})
type HolidayFile = z.infer<typeof fileSchema>

/** The holidays admins entered, in `holidays.json`. */
export class HolidayStore implements HolidaysPort {
  private constructor(
    private readonly store: JsonFileStore<HolidayFile>,
    private readonly audit: AuditTrail | null,
  ) {}

  /** The file, for the audit entries waiting in it. */
  file(): JsonFileStore<HolidayFile> {
    return this.store
  }

  static async open(dataDir: string | null, audit: AuditTrail | null = null): Promise<HolidayStore> {
    const store = await JsonFileStore.open<HolidayFile>({
      file: dataDir === null ? null : join(dataDir, 'holidays.json'),
      schema: fileSchema,
      version: 1,
      defaults: () => ({ schemaVersion: 1, years: {}, auditOutbox: [] }),
    })
    return new HolidayStore(store, audit)
  }

  year(y: number): HolidayYear | undefined {
    const data = this.store.data.years[String(y)]
    return data && { holidays: data.holidays, workdays: data.workdays }
  }

  years(): number[] {
    return Object.keys(this.store.data.years)
      .map(Number)
      .sort((a, b) => a - b)
  }

  async setYear(y: number, data: HolidayYear | null, by: string, now: Date, note?: AuditNote): Promise<void> {
    await updateNoted(
      this.store,
      this.audit,
      (d) => {
        if (data === null)
          d.years = Object.fromEntries(Object.entries(d.years).filter(([k]) => k !== String(y)))
        else
          d.years[String(y)] = {
            holidays: data.holidays.map((h) => ({ ...h })),
            workdays: [...data.workdays],
            by,
            at: now.toISOString(),
          }
      },
      () => true,
      note,
    )
  }
}
