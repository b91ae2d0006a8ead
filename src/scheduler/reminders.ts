/**
 * Reminders before deadlines, sent exactly once: jobs as data on node-cron (Asia/Shanghai),
 * started on login and stopped on logout. Every decision about an occurrence is recorded in the
 * store before anything is sent, so a restart never repeats one; after an outage, what fell due
 * is sent once on reconnect if it still makes sense.
 */
import { createTask, type ScheduledTask } from 'node-cron'
import type { Conversation, Reply } from '../core/types.js'
import { addMonths, monthOf, TIME_ZONE, type Month, lateDeadline, shanghaiDate } from '../domain/calendar.js'
import { planMonth, type Occurrence, type ReminderSettings } from '../domain/reminders.js'
import { contactsOf, perSite, tallyMonth } from '../domain/reports.js'
import { GROUP_NAMES } from '../domain/types.js'
import { isAdmin, leaderGroups } from '../domain/authority.js'
import { daysOf, hasHolidayData, workdaysOf } from '../domain/workdays.js'
import type { Logger } from '../logger.js'
import { REM } from '../messages/reminders.js'
import type { Repository } from '../core/ports.js'

export interface ReminderDeps {
  repo: Repository
  clock: () => Date
  logger: Logger
  /** Defaults from the configuration; admins' changes are kept in the store on top of them. */
  defaults: ReminderSettings
  lateDays: number
  /** Hands a message to the outbox; resolves when it has been sent. */
  send: (to: Conversation, reply: Reply) => Promise<void>
  /** node-cron's createTask; replaceable in tests. */
  createTask?: typeof createTask
}

export class ReminderScheduler {
  private tasks: ScheduledTask[] = []
  private unsubscribe: (() => void) | null = null
  private running: Promise<void> = Promise.resolve()

  constructor(private readonly deps: ReminderDeps) {}

  settings(): ReminderSettings {
    return this.deps.repo.reminders.settings(this.deps.defaults)
  }

  /**
   * Starts the timers (one per distinct time of day) and catches up at once; resolves when the
   * catch-up is done. A changed time re-plans the timers at once.
   */
  async start(): Promise<void> {
    this.stop()
    const times = [...new Set(Object.values(this.settings().times))]
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
    await this.tick()
  }

  stop(): void {
    for (const t of this.tasks) void t.destroy()
    this.tasks = []
    this.unsubscribe?.()
    this.unsubscribe = null
  }

  /** Resolves when the check under way (if any) is done. */
  idle(): Promise<void> {
    return this.running
  }

  /** Runs one check; checks never overlap. Errors are logged, never thrown (one error boundary). */
  tick(): Promise<void> {
    this.running = this.running.then(() =>
      this.check().catch((error: unknown) => this.deps.logger.error('reminder check failed', { error })),
    )
    return this.running
  }

  private async check(): Promise<void> {
    const { repo, clock, logger } = this.deps
    const now = clock()
    const s = this.settings()
    await this.holidayNotice(now)
    const month = monthOf(now)
    const due = [addMonths(month, -1), month]
      .flatMap((m) => planMonth(m, s, this.deps.lateDays))
      .filter((o) => o.dueAt <= now && !repo.reminders.state(o.id))
    if (due.length === 0) return
    // Only the latest of a chain is worth sending after an outage: one reminder, not three.
    const latest = new Map<string, Occurrence>()
    for (const o of due) {
      const l = latest.get(o.chain)
      if (!l || o.dueAt > l.dueAt) latest.set(o.chain, o)
    }
    const since = repo.reminders.createdAt()
    for (const o of due) {
      if (s.off.includes(o.kind) || s.paused) await repo.reminders.record(o.id, 'paused', now)
      else if (now >= o.expiresAt || o.dueAt < since) await repo.reminders.record(o.id, 'dropped', now)
      else if (latest.get(o.chain) !== o) await repo.reminders.record(o.id, 'superseded', now)
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
    const messages = this.compose(o, now)
    if (messages.length === 0) {
      await repo.reminders.record(o.id, 'skipped', now)
      return false
    }
    if (messages.some((m) => m.to.kind === 'room') && !room) {
      this.deps.logger.warn('reminder waits: the coordination room is not bound yet', { id: o.id })
      return false
    }
    await repo.reminders.record(o.id, 'sending', now)
    await Promise.all(messages.map((m) => this.deps.send(m.to, m)))
    await repo.reminders.record(o.id, 'sent', this.deps.clock())
    return true
  }

  private compose(o: Occurrence, now: Date): (Reply & { to: Conversation })[] {
    const { repo } = this.deps
    // Nothing about months before the bot began counting (a new install has no tally to post).
    if (o.month < repo.trackingSince()) return []
    const sites = repo.roster().sites()
    const room = repo.room()
    const toRoom = (text: string, mentionIds: string[]) =>
      room ? [{ to: { kind: 'room' as const, id: room.id }, text, mentionIds }] : []
    const t = tallyMonth(sites, repo.reports.ofMonth(o.month), o.month)
    const unreported = t.sites.filter((x) => x.count === 0).map((x) => x.site)
    const { people, nobody } = contactsOf(unreported, repo.members())
    const mentions = people.map((p) => p.contactId)
    const work = workdaysOf(o.month)
    const lastDay = daysOf(o.month).at(-1)!
    switch (o.kind) {
      case 'mid':
        return unreported.length === 0 ? [] : toRoom(REM.mid(t, unreported, nobody, lastDay), mentions)
      case 'pre': {
        const left = work.filter((d) => d >= o.date).length
        return unreported.length === 0 ? [] : toRoom(REM.pre(t, unreported, nobody, left, lastDay), mentions)
      }
      case 'final':
        return unreported.length === 0 ? [] : toRoom(REM.final(t, unreported, nobody), mentions)
      case 'close': {
        const deadline = lateDeadline(o.month, this.deps.lateDays)
        const lateUntil = now < deadline ? shanghaiDate(new Date(deadline.getTime() - 1)) : null
        return toRoom(REM.close(t, unreported, lateUntil), lateUntil ? mentions : [])
      }
      case 'warn':
        return this.warnings(o.month)
    }
  }

  /** Sites that missed the two closed months before `month`, privately to leaders (their group) and admins. */
  private warnings(month: Month): (Reply & { to: Conversation })[] {
    const { repo } = this.deps
    const months = [addMonths(month, -2), addMonths(month, -1)]
    if (months[0]! < repo.trackingSince()) return []
    const sites = repo.roster().sites()
    const reported = months.map((m) => perSite(repo.reports.ofMonth(m), m))
    const missed = sites.filter((s) => reported.every((by) => !by.has(s.id)))
    if (missed.length === 0) return []
    const out: (Reply & { to: Conversation })[] = []
    for (const h of repo.roleHolders()) {
      const admin = isAdmin(h.grants)
      const groups = leaderGroups(h.grants)
      const mine = admin ? missed : missed.filter((s) => groups.includes(s.group))
      if (mine.length === 0 || (!admin && groups.length === 0)) continue
      const scope = admin ? '' : groups.map((g) => GROUP_NAMES[g]).join('、')
      out.push({ to: { kind: 'private', id: h.contactId }, text: REM.warn(months, mine, scope) })
    }
    return out
  }

  /** From December, and whenever the current year is missing, tell the admins once that holiday data is missing. */
  private async holidayNotice(now: Date): Promise<void> {
    const { repo } = this.deps
    const year = Number(monthOf(now).slice(0, 4))
    const years = [year, ...(monthOf(now).endsWith('-12') ? [year + 1] : [])]
    for (const y of years) {
      const id = `holiday-data:${y}`
      if (hasHolidayData(y) || repo.reminders.state(id)) continue
      const admins = repo.roleHolders().filter((h) => h.grants.some((g) => g.role === 'admin'))
      this.deps.logger.warn(
        `chinese-days 没有 ${y} 年的节假日数据，工作日暂按周一至周五计算；请升级 chinese-days`,
      )
      if (admins.length === 0) continue // told once an admin exists
      await repo.reminders.record(id, 'sending', now)
      await Promise.all(
        admins.map((a) =>
          this.deps.send({ kind: 'private', id: a.contactId }, { text: REM.holidayMissing(y) }),
        ),
      )
      await repo.reminders.record(id, 'sent', now)
    }
  }
}
