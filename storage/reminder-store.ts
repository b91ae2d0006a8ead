import { join } from 'node:path'
import { z } from 'zod'
import { hhmmSchema, monthDaySchema } from '../src/domain/time-rules.js'
import {
  REMINDER_KINDS,
  type OccurrenceState,
  type ReminderKind,
  type ReminderSettings,
  type SettingsOverride,
} from '../src/domain/reminders.js'
import type { RemindersPort } from '../src/core/ports.js'
import { JsonFileStore } from './json-file-store.js'
import { auditOutboxField, updateNoted, type AuditTrail } from './audited-update.js'
import type { AuditNote } from '../src/domain/audit.js'

const kind = z.enum(REMINDER_KINDS as [ReminderKind, ...ReminderKind[]])

const settingsOverride = z.object({
  paused: z.boolean().optional(),
  off: z.array(kind).optional(),
  times: z.partialRecord(kind, hhmmSchema).optional(),
  midDay: monthDaySchema.optional(),
  preWorkdays: z.number().int().min(1).max(10).optional(),
  /** Contacts who switched the weekly digest off (#周报 关闭). */
  digestOff: z.array(z.string()).optional(),
})

const fileSchema = z.object({
  schemaVersion: z.literal(1),
  /** When reminders began here: nothing due before it is sent (a new install does not catch up on the past). */
  createdAt: z.string(),
  /** What admins changed with #提醒设置; the rest comes from the configuration. */
  overrides: settingsOverride,
  /** Every occurrence ever decided, by id: sent, or why not. Never sent twice. */
  occurrences: z.record(
    z.string(),
    z.object({
      state: z.enum([
        'sending',
        'failed',
        'sent',
        'skipped',
        'dropped',
        'superseded',
        'paused',
      ] satisfies OccurrenceState[]),
      at: z.string(),
      /** Failed sends so far (absent in files from before failures were recorded). */
      attempts: z.number().int().min(0).optional(),
    }),
  ),
  ...auditOutboxField,
})
type ReminderFile = z.infer<typeof fileSchema>

/** Reminder settings and the record of every occurrence, in `reminders.json`. */
export class ReminderStore implements RemindersPort {
  private readonly listeners = new Set<() => void>()
  private constructor(
    private readonly store: JsonFileStore<ReminderFile>,
    private readonly audit: AuditTrail | null,
  ) {}

  /** The file, for the audit entries waiting in it. */
  file(): JsonFileStore<ReminderFile> {
    return this.store
  }

  static async open(
    dataDir: string | null,
    now: Date = new Date(),
    audit: AuditTrail | null = null,
  ): Promise<ReminderStore> {
    const store = await JsonFileStore.open<ReminderFile>({
      file: dataDir === null ? null : join(dataDir, 'reminders.json'),
      schema: fileSchema,
      version: 1,
      defaults: () => ({
        schemaVersion: 1,
        createdAt: now.toISOString(),
        overrides: {},
        occurrences: {},
        auditOutbox: [],
      }),
    })
    return new ReminderStore(store, audit)
  }

  /** The settings in force: the configuration's, with the admins' changes on top. */
  settings(defaults: ReminderSettings): ReminderSettings {
    const o = this.store.data.overrides
    return {
      paused: o.paused ?? defaults.paused,
      off: o.off ?? defaults.off,
      times: { ...defaults.times, ...(o.times as Partial<ReminderSettings['times']>) },
      midDay: o.midDay ?? defaults.midDay,
      preWorkdays: o.preWorkdays ?? defaults.preWorkdays,
    }
  }

  async change(mutate: (o: SettingsOverride) => void, note?: AuditNote): Promise<void> {
    await updateNoted(
      this.store,
      this.audit,
      (d) => mutate(d.overrides),
      () => true,
      note,
    )
    for (const fn of [...this.listeners]) fn()
  }

  /** Called after every settings change (the scheduler re-plans its timers). */
  subscribe(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  digestOff(contactId: string): boolean {
    return this.store.data.overrides.digestOff?.includes(contactId) ?? false
  }

  async setDigestOff(contactId: string, off: boolean): Promise<boolean> {
    if (this.digestOff(contactId) === off) return false
    await this.store.update((d) => {
      const rest = (d.overrides.digestOff ?? []).filter((id) => id !== contactId)
      d.overrides.digestOff = off ? [...rest, contactId] : rest
    })
    return true
  }

  createdAt(): Date {
    return new Date(this.store.data.createdAt)
  }

  state(id: string): OccurrenceState | undefined {
    return this.store.data.occurrences[id]?.state
  }

  /** Failed sends of an occurrence so far. */
  attempts(id: string): number {
    return this.store.data.occurrences[id]?.attempts ?? 0
  }

  /** Records a decision about an occurrence (a failure counts one more attempt); resolves once on disk. */
  async record(id: string, state: OccurrenceState, at: Date): Promise<void> {
    await this.store.update((d) => {
      const failures = (d.occurrences[id]?.attempts ?? 0) + (state === 'failed' ? 1 : 0)
      d.occurrences[id] = { state, at: at.toISOString(), ...(failures > 0 ? { attempts: failures } : {}) }
    })
  }
}
