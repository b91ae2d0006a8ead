/**
 * Reminders over a simulated 2026, on node-cron driven by fake timers and a fixed clock.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation, Reply } from '../../src/core/types.js'
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders.js'
import { memoryLogger } from '../../src/logger.js'
import { ReminderScheduler } from '../../src/scheduler/reminders.js'
import { openRepository } from '../../storage/repository.js'
import type { Repository } from '../../src/core/ports.js'
import type { SendReply } from '../../src/core/delivery.js'
import { chineseDaysCalendar, holidayCalendar } from '../../src/calendar/chinese-days.js'
import { WEEKDAYS_ONLY, type HolidayCalendar } from '../../src/domain/holidays.js'
import { HOL, HOLIDAY_WORDS } from '../../src/messages/holidays.js'
import { applyHolidayCommand, parseHolidayCommand } from '../../src/domain/holiday-input.js'

/** chinese-days as it was before it had 2027: the test does not depend on which version is installed. */
const UNTIL_2026: HolidayCalendar = {
  isWorkday: (d) => (d < '2027' ? chineseDaysCalendar.isWorkday(d) : WEEKDAYS_ONLY.isWorkday(d)),
  hasData: (y) => y <= 2026,
}

interface Sent {
  /** Dalian local time of sending, 'MM-DD HH:MM'. */
  at: string
  to: Conversation
  text: string
  mentionIds: string[]
}

const local = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString()
  return `${s.slice(5, 10)} ${s.slice(11, 16)}`
}
/** A Dalian moment of 2026: '11-20 09:30' → Date. */
const at = (md: string, year = 2026) => {
  const [date, time = '00:00'] = md.split(' ')
  const [mo, d] = date!.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  return new Date(Date.UTC(year, mo! - 1, d!, h! - 8, mi!))
}

interface SetupOptions {
  /** The send function (by default every send goes through). */
  send?: SendReply
  /** The holiday library under the admins' years (by default chinese-days). */
  library?: HolidayCalendar
  /** The year of `start` (default 2026). */
  year?: number
}

async function setup(
  start: string,
  dataDir: string | null = null,
  repoIn?: Repository,
  opts: SetupOptions = {},
) {
  vi.setSystemTime(at(start, opts.year))
  const repo = repoIn ?? (await openRepository(dataDir, new Date()))
  if (!repo.room()) {
    await repo.bindRoom('coord@chatroom', '大连市工青妇基层组织协同创新发展', new Date())
    await repo.register('u-rixin', { name: '周敏', orgId: 'S06', line: '妇联', wechatName: '周' }, new Date())
    await repo.register('u-dada', { name: '吴磊', orgId: 'S07', line: null, wechatName: '吴' }, new Date())
    await repo.register('u-boss', { name: '王强', orgId: 'O31', line: '工会', wechatName: '王' }, new Date())
    await repo.register('u-g2', { name: '钱多', orgId: 'O33', line: '妇联', wechatName: '钱' }, new Date())
    await repo.grant('u-boss', { role: 'admin' }, 'test', new Date())
    await repo.grant('u-g2', { role: 'leader', group: 2 }, 'u-boss', new Date())
  }
  const sent: Sent[] = []
  const logger = memoryLogger()
  const scheduler = new ReminderScheduler({
    repo,
    clock: () => new Date(),
    logger,
    defaults: DEFAULT_REMINDER_SETTINGS,
    lateDays: 5,
    send: async (to: Conversation, reply: Reply) => {
      const outcome = opts.send ? await opts.send(to, reply) : { ok: true as const }
      if (outcome.ok)
        sent.push({ at: local(new Date()), to, text: reply.text, mentionIds: reply.mentionIds ?? [] })
      return outcome
    },
    calendar: opts.library ? holidayCalendar(repo.holidays, opts.library) : undefined,
  })
  return { repo, scheduler, sent, logger }
}

const DAY = 24 * 3600_000
const kindOf = (text: string) => /^【([^】]+)】/.exec(text)?.[1]

describe('reminders over 2026', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('land on the right workdays and times all year, around the Spring Festival and National Day too', async () => {
    const { repo, scheduler, sent } = await setup('01-01 00:00')
    await scheduler.start()
    // 日新街道 reports every month; 大连大学 reports in January only.
    for (let day = 0; day < 365; day++) {
      const now = new Date()
      const month = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7)
      if (now.getUTCDate() === 2 && now.getUTCHours() === 16) {
        await repo.reports.add({
          month,
          orgId: 'S06',
          submitterId: 'u-rixin',
          submitterName: '周敏',
          onBehalf: false,
          via: 'text',
          title: 't',
          text: 't',
          links: [],
          files: [],
          messageIds: [`m-${month}`],
          at: now.toISOString(),
          late: false,
          withdrawn: null,
        })
      }
      if (month === '2026-01' && now.getUTCDate() === 3 && now.getUTCHours() === 16) {
        await repo.reports.add({
          ...repo.reports.get(1)!,
          orgId: 'S07',
          submitterId: 'u-dada',
          messageIds: ['m-dada'],
        })
      }
      await vi.advanceTimersByTimeAsync(DAY)
    }
    scheduler.stop()
    const room = sent.filter((s) => s.to.kind === 'room').map((s) => `${s.at} ${kindOf(s.text)}`)
    // January: 1–3 are holidays, Sunday the 4th is a make-up workday. No December 2025 tally: counting began in January.
    expect(room.filter((r) => r.startsWith('01-') || r.startsWith('02-0'))).toEqual([
      '01-20 09:30 月中进度',
      '01-28 09:30 截止提醒',
      '01-30 16:00 最后一天',
      '02-02 09:30 1月通报',
    ])
    // February: the 20th falls in the Spring Festival (15–23): moved to the make-up Saturday, the 14th;
    // the last workday is the make-up Saturday, the 28th.
    expect(room.filter((r) => r.startsWith('02-1') || r.startsWith('02-2') || r.startsWith('03-0'))).toEqual([
      '02-14 09:30 月中进度',
      '02-26 09:30 截止提醒',
      '02-28 16:00 最后一天',
      '03-02 09:30 2月通报',
    ])
    // September: Sunday the 20th is a make-up workday; October: the holiday runs 1–7, the tally waits for the 8th.
    expect(room.filter((r) => /^(09-[12]|09-3|10-)/.test(r))).toEqual([
      '09-20 09:30 月中进度',
      '09-28 09:30 截止提醒',
      '09-30 16:00 最后一天',
      '10-08 09:30 9月通报',
      '10-20 09:30 月中进度',
      '10-28 09:30 截止提醒',
      '10-30 16:00 最后一天',
    ])
    // December: the 20th is a Sunday, moved to Friday the 18th.
    expect(room.filter((r) => r.startsWith('12-'))).toEqual([
      '12-01 09:30 11月通报',
      '12-18 09:30 月中进度',
      '12-29 09:30 截止提醒',
      '12-31 16:00 最后一天',
    ])
    // Every month has its three reminders and its tally, each once.
    expect(room.filter((r) => r.endsWith('月中进度'))).toHaveLength(12)
    expect(room.filter((r) => r.endsWith('截止提醒'))).toHaveLength(12)
    expect(room.filter((r) => r.endsWith('最后一天'))).toHaveLength(12)
    expect(room.filter((r) => r.endsWith('通报'))).toHaveLength(11)
    expect(new Set(sent.map((s) => `${s.to.id} ${s.text}`)).size).toBe(sent.length)
    // The @-list names the registered people of sites without a report: 大连大学 except in January.
    const nags = sent.filter((s) => /^【(月中进度|截止提醒|最后一天)】/.test(s.text))
    expect(nags.filter((s) => s.at.startsWith('01-')).map((s) => s.mentionIds)).toEqual([[], [], []])
    expect(nags.filter((s) => !s.at.startsWith('01-')).every((s) => s.mentionIds.join() === 'u-dada')).toBe(
      true,
    )
  })

  it('mentions the people of the sites without a report, in one message', async () => {
    const { scheduler, sent } = await setup('11-19 12:00')
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.at).toBe('11-20 09:30')
    expect(sent[0]!.mentionIds).toEqual(['u-rixin', 'u-dada'])
    expect(sent[0]!.text.split('\n').slice(0, 2)).toEqual([
      '【月中进度】11月创建信息全市已报 0/30，本月截至 11月30日。',
      '尚未上报：',
    ])
    scheduler.stop()
  })

  it('sends the early warning privately to admins and to the leaders of the groups concerned', async () => {
    vi.setSystemTime(at('01-01 00:00'))
    const { scheduler, sent } = await setup('01-01 00:00')
    vi.setSystemTime(at('03-06 09:00'))
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(2 * 3600_000)
    const warnings = sent.filter((s) => s.to.kind === 'private')
    expect(warnings.map((w) => [w.at, w.to.id])).toEqual([
      ['03-06 10:00', 'u-boss'],
      ['03-06 10:00', 'u-g2'],
    ])
    expect(warnings[1]!.text.split('\n')).toEqual([
      '【预警】第二组以下示范点1月、2月连续未报创建信息：',
      '第二组：望海社区、日新街道、大连大学、医大一院、香川社区、星海湾街道、龙王塘街道、石河村、大连港、文思海辉',
      '请督促整改；半年考核时将据此落实退出机制。',
    ])
    scheduler.stop()
  })
})

describe('exactly once across restarts and outages', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('does not repeat a reminder after a restart in the middle of the month', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'gqf-rem-'))
    const first = await setup('11-19 12:00', dir)
    await first.scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY) // 11-20 12:00: the mid-month progress went out
    await first.scheduler.idle()
    first.scheduler.stop()
    // (Real disk writes let the fake clock run on meanwhile: the kind is checked, not the minute.)
    expect(first.sent.map((s) => kindOf(s.text))).toEqual(['月中进度'])

    const repo = await openRepository(dir)
    const second = await setup('11-20 12:00', dir, repo)
    await second.scheduler.start()
    await vi.advanceTimersByTimeAsync(3 * DAY) // to 11-23 12:00
    await second.scheduler.idle()
    second.scheduler.stop()
    expect(second.sent).toEqual([])
    expect(repo.reminders.state('mid:2026-11')).toBe('sent')
  })

  it('after an outage sends what fell due once, on reconnect, and only the latest of a chain', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00')
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY) // the 20th's reminder is sent
    scheduler.stop() // the bot goes offline on 11-20 12:00 …
    vi.setSystemTime(at('11-30 11:00')) // … and comes back on the 30th, after the 26th's reminder fell due
    await scheduler.start()
    await scheduler.idle()
    expect(sent.map((s) => `${s.at} ${kindOf(s.text)}`)).toEqual([
      '11-20 09:30 月中进度',
      '11-30 11:00 截止提醒',
    ])
    // Reconnecting again sends nothing more; the final call still comes at 16:00.
    scheduler.stop()
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(6 * 3600_000)
    scheduler.stop()
    expect(sent.map((s) => `${s.at} ${kindOf(s.text)}`)).toEqual([
      '11-20 09:30 月中进度',
      '11-30 11:00 截止提醒',
      '11-30 16:00 最后一天',
    ])
    expect(repo.reminders.state('mid:2026-11')).toBe('sent')
  })

  it('after a restart just before the next of a chain, sends only that one, not a late one first', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00')
    vi.setSystemTime(at('11-30 15:45')) // down since the 19th; the final call is due at 16:00
    await scheduler.start()
    await scheduler.idle()
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(30 * 60_000)
    scheduler.stop()
    expect(sent.map((s) => `${s.at} ${kindOf(s.text)}`)).toEqual(['11-30 16:00 最后一天'])
    expect(repo.reminders.state('pre:2026-11')).toBe('superseded')
  })

  it('drops a reminder whose deadline passed while the bot was down', async () => {
    const { repo, scheduler, sent } = await setup('11-29 12:00')
    vi.setSystemTime(at('12-01 08:00')) // down from the 29th to 1 December 08:00
    await scheduler.start()
    await scheduler.idle()
    const inRoom = () => sent.filter((s) => s.to.kind === 'room').map((s) => `${s.at} ${kindOf(s.text)}`)
    expect(inRoom()).toEqual([])
    expect(repo.reminders.state('final:2026-11')).toBe('dropped')
    await vi.advanceTimersByTimeAsync(2 * 3600_000)
    scheduler.stop()
    expect(inRoom()).toEqual(['12-01 09:30 11月通报'])
  })

  it('tells the admins once, from December, that next year’s holidays are missing, and how to enter them', async () => {
    const { repo, scheduler, sent } = await setup('11-30 12:00', null, undefined, { library: UNTIL_2026 })
    await scheduler.start()
    expect(sent.filter((s) => s.to.kind === 'private')).toEqual([])
    await vi.advanceTimersByTimeAsync(3 * DAY)
    await scheduler.idle()
    scheduler.stop()
    await scheduler.start()
    scheduler.stop()
    const notices = sent.filter((s) => s.to.kind === 'private')
    expect(notices).toEqual([
      {
        at: '12-01 09:30',
        to: { kind: 'private', id: 'u-boss' },
        text: HOL.missing(2027),
        mentionIds: [],
      },
    ])
    // The notice says exactly what to type.
    expect(notices[0]!.text).toContain('#节假日 2027 春节 2027-02-06至2027-02-14 放假')
    expect(notices[0]!.text).toContain('#节假日 2027 调休上班')
    expect(repo.reminders.state('holiday-data:2027')).toBe('sent')
  })

  it('sends nothing while paused, and nothing of what fell due meanwhile after resuming', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00')
    await scheduler.start()
    await repo.reminders.change((o) => {
      o.paused = true
    })
    await vi.advanceTimersByTimeAsync(2 * DAY)
    await repo.reminders.change((o) => {
      o.paused = false
    })
    await vi.advanceTimersByTimeAsync(DAY)
    scheduler.stop()
    expect(sent).toEqual([])
    expect(repo.reminders.state('mid:2026-11')).toBe('paused')
  })

  it('follows a changed time at once', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00')
    await scheduler.start()
    await repo.reminders.change((o) => {
      o.times = { mid: '08:15' }
    })
    await vi.advanceTimersByTimeAsync(DAY)
    scheduler.stop()
    expect(sent.map((s) => s.at)).toEqual(['11-20 08:15'])
  })
})

describe('a failed send is never recorded as sent', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })
  const MIN = 60_000
  /** chinese-days with every year "known", so no holiday notice mixes in. */
  const ALL_YEARS: HolidayCalendar = { isWorkday: chineseDaysCalendar.isWorkday, hasData: () => true }

  it('records a send that throws as failed, and sends it exactly once when WeChat is back', async () => {
    let broken = true
    let calls = 0
    const { repo, scheduler, sent } = await setup('11-19 12:00', null, undefined, {
      library: ALL_YEARS,
      send: async () => {
        calls++
        if (broken) throw new Error('puppet down')
        return { ok: true }
      },
    })
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY) // 11-20 12:00: the 09:30 reminder failed, and every retry since
    expect(sent).toEqual([])
    expect(repo.reminders.state('mid:2026-11')).toBe('failed')
    expect(repo.reminders.attempts('mid:2026-11')).toBeGreaterThan(1)
    const failedCalls = calls
    broken = false
    await vi.advanceTimersByTimeAsync(5 * MIN) // the next retry goes through
    expect(sent.map((s) => kindOf(s.text))).toEqual(['月中进度'])
    expect(repo.reminders.state('mid:2026-11')).toBe('sent')
    await vi.advanceTimersByTimeAsync(DAY) // no more retries, nothing sent twice
    scheduler.stop()
    expect(sent.map((s) => kindOf(s.text))).toEqual(['月中进度'])
    expect(calls).toBe(failedCalls + 1)
  })

  it('records an outbox failure as failed, not sent', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00', null, undefined, {
      library: ALL_YEARS,
      send: async () => ({ ok: false, reason: 'send-failed', attempts: 3, error: new Error('x') }),
    })
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY)
    scheduler.stop()
    expect(sent).toEqual([])
    expect(repo.reminders.state('mid:2026-11')).toBe('failed')
  })

  it('gives up when the reminder expires, logs an error and tells the admins once', async () => {
    const { repo, scheduler, sent, logger } = await setup('11-30 12:00', null, undefined, {
      library: ALL_YEARS,
      // The room is unreachable; private chats work.
      send: async (to) => (to.kind === 'room' ? { ok: false, reason: 'stopped' } : { ok: true }),
    })
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(DAY) // the 16:00 final call fails until midnight, then expires
    await scheduler.idle()
    scheduler.stop()
    await scheduler.start() // a restart does not tell them again
    await vi.advanceTimersByTimeAsync(DAY)
    scheduler.stop()
    expect(repo.reminders.state('final:2026-11')).toBe('dropped')
    const notices = sent.filter((s) => s.text.includes('发送失败'))
    expect(notices.map((n) => n.to)).toEqual([{ kind: 'private', id: 'u-boss' }])
    expect(notices[0]!.text).toContain('11月的“最后一天提醒”')
    expect(logger.lines.filter((l) => l.includes('reminder given up'))).toHaveLength(1)
    expect(sent.filter((s) => s.to.kind === 'room')).toEqual([])
  })
})

describe('holidays entered by admins', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  async function february2027(entered: string[][]) {
    const { repo, scheduler, sent } = await setup('02-01 00:00', null, undefined, {
      library: UNTIL_2026,
      year: 2027,
    })
    for (const tokens of entered) {
      const cmd = parseHolidayCommand(tokens, HOLIDAY_WORDS)
      if (!cmd.ok || cmd.value.op === 'show') throw new Error(`bad input ${tokens.join(' ')}`)
      const next = applyHolidayCommand(repo.holidays.year(2027), cmd.value)
      if (!next.ok) throw new Error(`refused ${tokens.join(' ')}`)
      await repo.holidays.setYear(2027, next.value, 'u-boss', new Date())
    }
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(28 * DAY)
    scheduler.stop()
    return sent.filter((s) => s.to.kind === 'room').map((s) => `${s.at} ${kindOf(s.text)}`)
  }

  it('the 2027 Spring Festival entered by an admin moves the reminders', async () => {
    // Without data: Monday–Friday; the 20th is a Saturday.
    expect(await february2027([])).toEqual([
      '02-19 09:30 月中进度',
      '02-24 09:30 截止提醒',
      '02-26 16:00 最后一天',
    ])
    expect(
      await february2027([
        ['2027', '春节', '2027-02-06至2027-02-14', '放假'],
        ['2027', '调休上班', '2027/2/20', '2027-02-27'],
      ]),
    ).toEqual(['02-20 09:30 月中进度', '02-25 09:30 截止提醒', '02-27 16:00 最后一天'])
  })

  it('tells the admins once where the library, once it has the year, differs from what they entered', async () => {
    const { repo, scheduler, sent } = await setup('11-19 12:00')
    // Entered before chinese-days had 2026, with the Spring Festival one day short and no make-up Saturdays.
    await repo.holidays.setYear(
      2026,
      { holidays: [{ name: '春节', from: '2026-02-15', to: '2026-02-22' }], workdays: [] },
      'u-boss',
      new Date(),
    )
    await scheduler.start()
    scheduler.stop()
    await scheduler.start()
    scheduler.stop()
    const notices = sent.filter((s) => s.text.includes('chinese-days 现已包含2026年'))
    expect(notices.map((n) => n.to.id)).toEqual(['u-boss'])
    expect(notices[0]!.text).toContain('2月23日（周一）：录入为上班，chinese-days 为休息')
    expect(notices[0]!.text).toContain('2月14日（周六）：录入为休息，chinese-days 为上班')
  })
})
