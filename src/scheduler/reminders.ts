/**
 * Reminders before deadlines, sent exactly once: jobs as data on node-cron (Asia/Shanghai),
 * started on login and stopped on logout. Every decision about an occurrence is recorded in the
 * store before anything is sent, so a restart never repeats one; after an outage, what fell due
 * is sent once on reconnect if it still makes sense. A send the outbox reports as failed is recorded
 * 'failed' (never 'sent') and retried every few minutes until the occurrence expires; then it is
 * dropped and the admins are told once.
 */
import { createTask, type ScheduledTask } from 'node-cron'
import { holidayCalendar } from '../calendar/chinese-days.js'
import type { Delivery, SendReply } from '../core/delivery.js'
import type { Conversation, Reply } from '../core/types.js'
import { addMonths, monthOf, shanghaiDate, TIME_ZONE } from '../domain/calendar.js'
import { planMonth, type Occurrence, type ReminderSettings } from '../domain/reminders.js'
import { missingYears, type HolidayCalendar } from '../domain/holidays.js'
import type { Logger } from '../logger.js'
import { HOL } from '../messages/holidays.js'
import { REMINDER_FAILED } from '../messages/reminder-failures.js'
import type { Repository } from '../core/ports.js'
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from '../domain/digest.js'
import type { HeatmapInput } from '../render/heatmap.js'
import { dueDigests, dueHalfYearNotices, type PrivateNote } from './digest.js'
import { composeOccurrence } from './reminder-texts.js'

/** A late reminder is not caught up when the next of its chain is due within this time. */
const SUCCESSOR_SOON_MS = 30 * 60_000

export interface ReminderDeps {
  repo: Repository
  clock: () => Date
  logger: Logger
  /** Defaults from the configuration; admins' changes are kept in the store on top of them. */
  defaults: ReminderSettings
  lateDays: number
  /** Hands a message to the outbox; resolves with its outcome (a throw counts as a failure). */
  send: SendReply
  /** Workdays; by default chinese-days with the admins' #节假日 years on top. */
  calendar?: HolidayCalendar
  /** Pause between retries while a send has failed (default 5 minutes). */
  retryMs?: number
  /** node-cron's createTask; replaceable in tests. */
  createTask?: typeof createTask
  /** False: no reminders (the digest and notices may still run). Default true. */
  reminders?: boolean
  /** The weekly digest to leaders and admins; off when absent. Its time also carries the half-year notice. */
  digest?: DigestSettings
  /** Draws the heatmap PNG the closing tally carries after its text; no picture when absent. */
  picture?: (input: HeatmapInput) => Promise<Buffer>
  /** A reminder expired unsent (after failed sends, or while the bot was away): operators are told. */
  onExpired?: (o: Occurrence) => void
}

export class ReminderScheduler {
  private tasks: ScheduledTask[] = []
  private unsubscribe: (() => void) | null = null
  private running: Promise<void> = Promise.resolve()
  private retry: ReturnType<typeof setTimeout> | null = null
  private active = false
  /** Set by a check when a send failed and waits for a retry. */
  private failing = false
  private readonly calendar: HolidayCalendar

  constructor(private readonly deps: ReminderDeps) {
    this.calendar = deps.calendar ?? holidayCalendar(deps.repo.holidays)
  }

  settings(): ReminderSettings {
    return this.deps.repo.reminders.settings(this.deps.defaults)
  }

  /**
   * Starts the timers (one per distinct time of day) and catches up at once; resolves when the
   * catch-up is done. A changed time re-plans the timers at once.
   */
  async start(): Promise<void> {
    this.stop()
    const times = [
      ...new Set([
        ...(this.deps.reminders === false ? [] : Object.values(this.settings().times)),
        ...(this.deps.digest ? [this.deps.digest.time] : []),
      ]),
    ]
    const make = this.deps.createTask ?? createTask
    for (const t of times) {
      const [hh, mm] = t.split(':').map(Number)
      const task = make(`${mm} ${hh} * * *`, () => this.tick(), {
        timezone: TIME_ZONE,
        name: `gqf-reminders-${t}`,
      })
      // Inline tasks start synchronously: stop, create and subscribe stay one atomic step.
      void task.start()
      this.tasks.push(task)
    }
    this.unsubscribe = this.deps.repo.reminders.subscribe(() => void this.start())
    this.active = true
    await this.tick()
  }

  stop(): void {
    this.active = false
    for (const t of this.tasks) void t.destroy()
    this.tasks = []
    this.unsubscribe?.()
    this.unsubscribe = null
    if (this.retry) clearTimeout(this.retry)
    this.retry = null
  }

  /** Resolves when the check under way (if any) is done. */
  idle(): Promise<void> {
    return this.running
  }

  /** Runs one check; checks never overlap. Errors are logged, never thrown (one error boundary). */
  tick(): Promise<void> {
    this.running = this.running.then(async () => {
      this.failing = false
      await this.check().catch((error: unknown) => this.deps.logger.error('reminder check failed', { error }))
      this.planRetry()
    })
    return this.running
  }

  /** While a send has failed, check again every few minutes (besides the daily timers). */
  private planRetry(): void {
    if (!this.failing || !this.active || this.retry) return
    this.retry = setTimeout(
      () => {
        this.retry = null
        void this.tick()
      },
      this.deps.retryMs ?? 5 * 60_000,
    )
  }

  private digestSettings(): DigestSettings {
    return this.deps.digest ?? { ...DEFAULT_DIGEST_SETTINGS, enabled: false }
  }

  private async check(): Promise<void> {
    const now = this.deps.clock()
    await this.holidayNotice(now)
    if (this.deps.reminders !== false) await this.checkReminders(now)
    const { repo, lateDays } = this.deps
    const digest = this.digestSettings()
    await this.sendNotes(dueDigests(repo, now, digest, this.calendar, lateDays), now, 'digest sent')
    await this.sendNotes(
      dueHalfYearNotices(repo, now, digest.time, this.calendar, lateDays),
      now,
      'half-year notice sent',
    )
  }

  /** Private notes, each recorded before it is sent (exactly once; a failed one is retried). */
  private async sendNotes(notes: PrivateNote[], now: Date, what: string): Promise<void> {
    const { repo, logger } = this.deps
    for (const n of notes) {
      if (!n.reply) {
        await repo.reminders.record(n.id, 'paused', now)
        continue
      }
      await repo.reminders.record(n.id, 'sending', now)
      const d = await this.deliver(n.reply.to, n.reply)
      await repo.reminders.record(n.id, d.ok ? 'sent' : 'failed', this.deps.clock())
      if (d.ok) logger.info(what, { id: n.id })
      else {
        this.failing = true
        logger.warn('note not delivered; will retry', { id: n.id, reason: d.reason })
      }
    }
  }

  private async checkReminders(now: Date): Promise<void> {
    const { repo, logger } = this.deps
    const s = this.settings()
    const month = monthOf(now)
    // Undecided occurrences, and those whose send failed (retried until they expire).
    const open = (id: string) => {
      const state = repo.reminders.state(id)
      return state === undefined || state === 'failed'
    }
    const planned = [addMonths(month, -1), month].flatMap((m) =>
      planMonth(m, s, this.deps.lateDays, this.calendar),
    )
    const due = planned.filter((o) => o.dueAt <= now && open(o.id))
    if (due.length === 0) return
    // A late one whose successor in the chain is due soon gives way to it: after a restart at 15:59
    // the group gets the 16:00 deadline reminder, not the missed progress note and then that.
    const soon = (o: Occurrence) =>
      now.getTime() - o.dueAt.getTime() > 60_000 &&
      planned.some(
        (n) =>
          n.chain === o.chain &&
          n.dueAt > now &&
          n.dueAt.getTime() - now.getTime() <= SUCCESSOR_SOON_MS &&
          !s.off.includes(n.kind),
      )
    // Only the latest of a chain is worth sending after an outage: one reminder, not three.
    const latest = new Map<string, Occurrence>()
    for (const o of due) {
      const l = latest.get(o.chain)
      if (!l || o.dueAt > l.dueAt) latest.set(o.chain, o)
    }
    const since = repo.reminders.createdAt()
    for (const o of due) {
      if (s.off.includes(o.kind) || s.paused) await repo.reminders.record(o.id, 'paused', now)
      else if (now >= o.expiresAt || o.dueAt < since) await this.drop(o, now)
      else if (latest.get(o.chain) !== o || soon(o)) await repo.reminders.record(o.id, 'superseded', now)
      else {
        const late = now.getTime() - o.dueAt.getTime() > 60_000
        const sent = await this.fire(o, now)
        if (sent) logger.info('reminder sent', { id: o.id, late })
      }
    }
  }

  /** Sends one occurrence; recorded before it is sent, so a crash can never send it twice. */
  private async fire(o: Occurrence, now: Date): Promise<boolean> {
    const { repo } = this.deps
    const room = repo.room()
    const messages = await composeOccurrence(this.deps, this.calendar, o, now)
    if (messages.length === 0) {
      await repo.reminders.record(o.id, 'skipped', now)
      return false
    }
    if (messages.some((m) => m.to.kind === 'room') && !room) {
      this.deps.logger.warn('reminder waits: the coordination room is not bound yet', { id: o.id })
      return false
    }
    await repo.reminders.record(o.id, 'sending', now)
    const outcomes = await Promise.all(messages.map((m) => this.deliver(m.to, m)))
    // A picture too large is not sent, but the text went out: the occurrence is done.
    const failed = outcomes.find((d) => !d.ok && d.reason !== 'file-too-large')
    if (failed) {
      await repo.reminders.record(o.id, 'failed', this.deps.clock())
      this.failing = true
      this.deps.logger.warn('reminder not delivered; will retry', {
        id: o.id,
        attempts: repo.reminders.attempts(o.id),
        reason: failed.ok ? undefined : failed.reason,
      })
      return false
    }
    await repo.reminders.record(o.id, 'sent', this.deps.clock())
    return true
  }

  /** The outbox's outcome; a send function that throws counts as a failure. */
  private async deliver(to: Conversation, reply: Reply): Promise<Delivery> {
    try {
      return await this.deps.send(to, reply)
    } catch (error) {
      return { ok: false, reason: 'send-failed', attempts: 1, error }
    }
  }

  /** Too late to send. One that failed before is logged as an error and the admins are told once. */
  private async drop(o: Occurrence, now: Date): Promise<void> {
    const { repo, logger } = this.deps
    const failedBefore = repo.reminders.state(o.id) === 'failed'
    await repo.reminders.record(o.id, 'dropped', now)
    // Due while the store existed, and never sent: it expired unsent (not merely older than the bot).
    if (failedBefore || o.dueAt >= repo.reminders.createdAt()) this.deps.onExpired?.(o)
    if (!failedBefore) return
    const attempts = repo.reminders.attempts(o.id)
    logger.error('reminder given up after failed sends', { id: o.id, attempts })
    const notice = `send-failed:${o.id}`
    if (repo.reminders.state(notice)) return
    await repo.reminders.record(notice, 'sending', now)
    const told = await this.tellAdmins(REMINDER_FAILED.givenUp(o, attempts))
    await repo.reminders.record(notice, told === null ? 'skipped' : told ? 'sent' : 'dropped', now)
  }

  /** Privately to every admin: null when there is none, else whether every send went through. */
  private async tellAdmins(text: string): Promise<boolean | null> {
    const admins = this.deps.repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
    if (admins.length === 0) return null
    const outcomes = await Promise.all(
      admins.map((a) => this.deliver({ kind: 'private', id: a.contactId }, { text })),
    )
    return outcomes.every((d) => d.ok)
  }

  /**
   * From December, and whenever the current year is missing, tell the admins once that holiday data
   * is missing (and how to enter it); when the library later ships a year admins entered, tell them
   * once where the two differ.
   */
  private async holidayNotice(now: Date): Promise<void> {
    const { repo } = this.deps
    const year = Number(monthOf(now).slice(0, 4))
    for (const y of missingYears(shanghaiDate(now), this.calendar)) {
      this.deps.logger.warn(
        'no holiday data for the year; workdays are Monday to Friday until admins enter it',
        {
          year: y,
        },
      )
      await this.noticeOnce(`holiday-data:${y}`, HOL.missing(y), now)
    }
    for (const y of repo.holidays.years().filter((y) => y >= year)) {
      const diff = this.calendar.conflicts?.(y)
      if (diff) await this.noticeOnce(`holiday-diff:${y}`, HOL.libraryNowHas(y, diff), now)
    }
  }

  /** A notice to admins, sent once (retried while it fails; waits until an admin exists). */
  private async noticeOnce(id: string, text: string, now: Date): Promise<void> {
    const { repo } = this.deps
    const state = repo.reminders.state(id)
    if (state !== undefined && state !== 'failed') return
    const admins = repo.roleHolders().some((h) => h.grants.some((g) => g.role === 'admin'))
    if (!admins) return // told once an admin exists
    await repo.reminders.record(id, 'sending', now)
    const told = await this.tellAdmins(text)
    if (told === false) this.failing = true
    await repo.reminders.record(id, told === false ? 'failed' : 'sent', now)
  }
}
