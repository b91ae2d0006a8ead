import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { shanghaiDate } from '../src/domain/calendar.js'
import type { HandledPort, OwedReplies } from '../src/core/handled-port.js'
import type { JsonFileStore } from './json-file-store.js'
import { Shards } from './shards.js'

const iso = z.string().min(10)
const DAY_SCHEMA_VERSION = 1
const daySchema = z.object({
  schemaVersion: z.literal(DAY_SCHEMA_VERSION),
  /** The Beijing day (YYYY-MM-DD) the messages in this file were handled on. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Handled message id → when. */
  ids: z.record(z.string(), iso),
  /** Message id → the replies created for it and not yet sent. */
  owed: z.record(z.string(), z.array(z.object({ conversation: z.string(), text: z.string(), at: iso }))),
})
type DayFile = z.infer<typeof daySchema>

const DAY_MS = 86_400_000
export const HANDLED_KEEP_DAYS = 7

/**
 * Handled message ids and replies owed, one lowdb file per Beijing day (`handled/2026-05-01.json`):
 * a mark rewrites only today's file, and days older than `keepDays` are deleted when a new day
 * begins (and at open), so the folder never grows without bound.
 */
export class HandledStore implements HandledPort {
  private readonly days: Shards<string, DayFile>

  private constructor(
    dir: string | null,
    private readonly keepDays: number,
  ) {
    this.days = new Shards<string, DayFile>({
      dir,
      fileName: (day) => `${day}.json`,
      schema: daySchema,
      version: DAY_SCHEMA_VERSION,
      defaults: (day) => ({ schemaVersion: DAY_SCHEMA_VERSION, day, ids: {}, owed: {} }),
    })
  }

  static async open(
    dataDir: string | null,
    now: Date = new Date(),
    keepDays: number = HANDLED_KEEP_DAYS,
  ): Promise<HandledStore> {
    const store = new HandledStore(dataDir === null ? null : join(dataDir, 'handled'), keepDays)
    const cutoff = store.cutoff(now)
    const old = await store.days.openExisting(
      /^\d{4}-\d{2}-\d{2}\.json$/,
      (name) => name.slice(0, 10),
      (day) => day >= cutoff,
    )
    for (const day of old) await store.remove(day)
    return store
  }

  /** The oldest day kept. */
  private cutoff(now: Date): string {
    return shanghaiDate(new Date(now.getTime() - this.keepDays * DAY_MS))
  }

  /** The file of the day `at` falls on; opening a new day deletes the days no longer kept. */
  private async dayOf(at: Date): Promise<JsonFileStore<DayFile>> {
    const day = shanghaiDate(at)
    const fresh = !this.days.asked(day)
    const store = await this.days.get(day)
    if (fresh) await this.prune(at)
    return store
  }

  private async prune(now: Date): Promise<void> {
    const cutoff = this.cutoff(now)
    for (const day of this.days.keys()) if (day < cutoff) await this.remove(day)
  }

  private async remove(day: string): Promise<void> {
    const file = this.days.path(day)
    this.days.forget(day)
    if (file !== null) await rm(file, { force: true })
  }

  has(id: string): boolean {
    for (const s of this.days.stores()) if (Object.hasOwn(s.data.ids, id)) return true
    return false
  }

  async mark(id: string, at: Date): Promise<void> {
    const s = await this.dayOf(at)
    await s.update((d) => {
      d.ids[id] = at.toISOString()
    })
  }

  /**
   * Marks the message handled and owes its replies in one change of the day file: one durable write
   * per message, shared (group commit) with the other messages handled meanwhile.
   */
  async record(id: string, at: Date, owed: readonly { conversation: string; text: string }[]): Promise<void> {
    const s = await this.dayOf(at)
    const when = at.toISOString()
    await s.update((d) => {
      d.ids[id] = when
      if (owed.length > 0)
        d.owed[id] = [
          ...(d.owed[id] ?? []),
          ...owed.map((o) => ({ conversation: o.conversation, text: o.text, at: when })),
        ]
    })
  }

  /** Opens the day file of `now` ahead of the first message (start-up), so the first one does not wait for it. */
  async warm(now: Date): Promise<void> {
    await this.dayOf(now)
  }

  async owe(id: string, conversation: string, text: string, at: Date): Promise<void> {
    const s = await this.dayOf(at)
    await s.update((d) => {
      d.owed[id] = [...(d.owed[id] ?? []), { conversation, text, at: at.toISOString() }]
    })
  }

  async paid(id: string): Promise<void> {
    const holding = this.days.stores().filter((s) => Object.hasOwn(s.data.owed, id))
    await Promise.all(
      holding.map((s) =>
        s.update((d) => {
          Reflect.deleteProperty(d.owed, id)
        }),
      ),
    )
  }

  /** Every reply owed now, without taking it (tests, #状态). */
  owed(): { id: string; conversation: string; text: string }[] {
    return this.days
      .stores()
      .flatMap((s) =>
        Object.entries(s.data.owed).flatMap(([id, list]) =>
          list.map((o) => ({ id, conversation: o.conversation, text: o.text })),
        ),
      )
  }

  /** How many day files are kept (tests). */
  dayCount(): number {
    return this.days.keys().length
  }

  /** Completed writes over all day files (tests, benchmark). */
  writes(): number {
    return this.days.stores().reduce((n, s) => n + s.writes, 0)
  }

  async takeOwed(now: Date, maxAgeMs = 3_600_000): Promise<OwedReplies[]> {
    const entries: { id: string; conversation: string; text: string; at: Date }[] = []
    const holding = this.days.stores().filter((s) => Object.keys(s.data.owed).length > 0)
    for (const s of holding) {
      for (const [id, list] of Object.entries(s.data.owed)) {
        for (const o of list)
          entries.push({ id, conversation: o.conversation, text: o.text, at: new Date(o.at) })
      }
    }
    await Promise.all(
      holding.map((s) =>
        s.update((d) => {
          d.owed = {}
        }),
      ),
    )
    const young = entries
      .filter((e) => now.getTime() - e.at.getTime() <= maxAgeMs)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
    const byConversation = new Map<string, OwedReplies>()
    for (const e of young) {
      let group = byConversation.get(e.conversation)
      if (!group) {
        group = { conversation: e.conversation, ids: [], texts: [], since: e.at }
        byConversation.set(e.conversation, group)
      }
      if (!group.ids.includes(e.id)) group.ids.push(e.id)
      group.texts.push(e.text)
    }
    return [...byConversation.values()]
  }
}
