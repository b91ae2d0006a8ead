/**
 * The scheduler's new jobs on node-cron under fake timers: the weekly digest on the week's first
 * workday (National Day week: Thursday), exactly once across a restart, switched off per person;
 * the half-year notice in July; and the closing tally's picture after its text.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Conversation, OutgoingFile, Reply } from '../../src/core/types.js'
import type { Repository } from '../../src/core/ports.js'
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders.js'
import { isoWeek } from '../../src/domain/digest.js'
import { memoryLogger } from '../../src/logger.js'
import { renderHeatmap, type HeatmapInput } from '../../src/render/heatmap.js'
import { ReminderScheduler } from '../../src/scheduler/reminders.js'
import { openRepository } from '../../storage/repository.js'
import { decodePng } from '../support/png.js'

interface Sent {
  at: string
  to: Conversation
  text: string
  file?: OutgoingFile
}

const local = (d: Date) => {
  const s = new Date(d.getTime() + 8 * 3600_000).toISOString()
  return `${s.slice(5, 10)} ${s.slice(11, 16)}`
}
const at = (md: string) => {
  const [date, time = '00:00'] = md.split(' ')
  const [mo, d] = date!.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  return new Date(Date.UTC(2026, mo! - 1, d!, h! - 8, mi!))
}

async function people(repo: Repository) {
  if (repo.room()) return
  const now = new Date()
  await repo.bindRoom('coord@chatroom', '大连市工青妇基层组织协同创新发展', now)
  await repo.register('u-rixin', { name: '周敏', orgId: 'S06', line: '妇联', wechatName: '周' }, now)
  await repo.register('u-boss', { name: '王强', orgId: 'O31', line: '工会', wechatName: '王' }, now)
  await repo.register('u-g2', { name: '钱多', orgId: 'O33', line: '妇联', wechatName: '钱' }, now)
  await repo.register('u-liaison', { name: '孙丽', orgId: 'O32', line: '团委', wechatName: '孙' }, now)
  await repo.grant('u-boss', { role: 'admin' }, 'test', now)
  await repo.grant('u-g2', { role: 'leader', group: 2 }, 'u-boss', now)
  await repo.grant('u-liaison', { role: 'liaison', district: '西岗区' }, 'u-boss', now)
}

function schedulerOn(
  repo: Repository,
  sent: Sent[],
  opts: { reminders?: boolean; picture?: (input: HeatmapInput) => Promise<Buffer> } = {},
) {
  const logger = memoryLogger()
  return new ReminderScheduler({
    repo,
    clock: () => new Date(),
    logger,
    defaults: DEFAULT_REMINDER_SETTINGS,
    lateDays: 5,
    send: async (to: Conversation, reply: Reply) => {
      sent.push({ at: local(new Date()), to, text: reply.text, ...(reply.file ? { file: reply.file } : {}) })
      return { ok: true }
    },
    reminders: opts.reminders ?? false,
    digest: { enabled: true, time: '09:00' },
    ...(opts.picture ? { picture: opts.picture } : {}),
  })
}

async function addReport(repo: Repository, orgId: string, when: Date, title: string) {
  const month = new Date(when.getTime() + 8 * 3600_000).toISOString().slice(0, 7)
  await repo.reports.add({
    month,
    orgId,
    submitterId: 'u-rixin',
    submitterName: '周敏',
    onBehalf: false,
    via: 'text',
    title,
    text: title,
    links: [],
    files: [],
    messageIds: [`m-${title}`],
    at: when.toISOString(),
    late: false,
    withdrawn: null,
  })
}

/** Moves the fake clock to a Dalian moment and waits for the check it set off (stores write real files). */
async function until(md: string, scheduler: ReminderScheduler) {
  await vi.advanceTimersByTimeAsync(at(md).getTime() - Date.now())
  await scheduler.idle()
}
const privately = (sent: Sent[]) => sent.filter((s) => s.to.kind === 'private')

describe('the weekly digest', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => vi.useRealTimers())

  it('goes on the first workday of the National Day week, once across a restart, and not to who switched it off', async () => {
    vi.setSystemTime(at('09-28 08:00'))
    const dir = mkdtempSync(join(tmpdir(), 'gqf-digest-'))
    let repo = await openRepository(dir, new Date())
    await people(repo)
    const sent: Sent[] = []
    let scheduler = schedulerOn(repo, sent)
    await scheduler.start()
    await until('09-28 09:00', scheduler) // Monday 28 September: an ordinary week
    await until('09-29 08:00', scheduler)
    expect(privately(sent).map((s) => `${s.at} ${s.to.id}`)).toEqual([
      '09-28 09:00 u-boss',
      '09-28 09:00 u-g2',
    ])
    sent.length = 0

    await addReport(repo, 'S06', at('09-30 10:00'), '日新街道国庆前夕走访')
    await addReport(repo, 'S04', at('10-02 10:00'), '大船节日值守')
    await addReport(repo, 'S06', at('10-06 10:00'), '假期中的一篇')
    // 5–7 October are holidays: nothing until Thursday the 8th, the week's first workday.
    await until('10-08 08:59', scheduler)
    expect(privately(sent)).toEqual([])
    await until('10-08 09:00', scheduler)
    await until('10-08 09:30', scheduler)
    const week = privately(sent)
    expect(week.map((s) => `${s.at} ${s.to.id}`)).toEqual(['10-08 09:00 u-boss', '10-08 09:00 u-g2'])
    const leader = week.find((s) => s.to.id === 'u-g2')!.text
    expect(leader).toContain('【周报】第二组｜9月28日—10月4日')
    expect(leader).toContain('日新街道国庆前夕走访')
    expect(leader).not.toContain('大船节日值守') // 第一组
    expect(leader).not.toContain('假期中的一篇') // this week's
    expect(leader).toContain('本月截止：10月30日')
    expect(week.find((s) => s.to.id === 'u-boss')!.text).toContain('大船节日值守')
    const id = `digest:${isoWeek('2026-10-08').id}:u-g2`
    expect(id).toBe('digest:2026-W41:u-g2')
    expect(repo.reminders.state(id)).toBe('sent')

    // A restart the same morning: nothing again.
    scheduler.stop()
    repo = await openRepository(dir, new Date())
    scheduler = schedulerOn(repo, sent)
    await scheduler.start()
    await until('10-09 10:00', scheduler)
    expect(privately(sent)).toHaveLength(2)

    // #周报 关闭: the leader is left out next week, the admin still gets it.
    await repo.reminders.setDigestOff('u-g2', true)
    await until('10-12 09:00', scheduler)
    await until('10-12 10:00', scheduler)
    scheduler.stop()
    expect(
      privately(sent)
        .slice(2)
        .map((s) => `${s.at} ${s.to.id}`),
    ).toEqual(['10-12 09:00 u-boss'])
    expect(repo.reminders.state('digest:2026-W42:u-g2')).toBe('paused')
  })

  it('tells leaders and admins once, on the first workday after June’s 补报 closes, that the first half’s scorecard is ready', async () => {
    vi.setSystemTime(at('06-30 12:00'))
    const dir = mkdtempSync(join(tmpdir(), 'gqf-half-'))
    let repo = await openRepository(dir, new Date())
    await people(repo)
    const sent: Sent[] = []
    let scheduler = schedulerOn(repo, sent)
    await scheduler.start()
    // June may still be reported until 5 July (a Sunday): the figures are final on Monday 6 July.
    await until('07-03 10:00', scheduler)
    expect(privately(sent).filter((s) => s.text.includes('考核表已生成'))).toEqual([])
    await until('07-06 09:00', scheduler)
    await until('07-06 09:30', scheduler)
    scheduler.stop()
    const notes = privately(sent).filter((s) => s.text.includes('考核表已生成'))
    expect(notes.map((s) => `${s.at} ${s.to.id}`)).toEqual(['07-06 09:00 u-boss', '07-06 09:00 u-g2'])
    expect(notes[0]!.text).toContain('2026上半年示范点考核表已生成（30 个示范点）')
    expect(notes[1]!.text).toContain('2026上半年示范点考核表已生成（10 个示范点）')
    repo = await openRepository(dir, new Date())
    scheduler = schedulerOn(repo, sent)
    await scheduler.start()
    await until('07-08 10:00', scheduler)
    scheduler.stop()
    expect(privately(sent).filter((s) => s.text.includes('考核表已生成'))).toHaveLength(2)
  })
})

describe('the closing tally', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  })
  afterEach(() => vi.useRealTimers())

  it('posts the heatmap of the year so far after its text', async () => {
    vi.setSystemTime(at('11-30 12:00'))
    const repo = await openRepository(null, new Date())
    await people(repo)
    await addReport(repo, 'S06', at('11-30 12:30'), '十一月的一篇')
    const sent: Sent[] = []
    const drawn: HeatmapInput[] = []
    const scheduler = schedulerOn(repo, sent, {
      reminders: true,
      picture: (input) => {
        drawn.push(input)
        return renderHeatmap(input)
      },
    })
    await scheduler.start()
    await until('12-01 09:30', scheduler)
    await until('12-01 09:45', scheduler)
    scheduler.stop()
    const close = sent.find((s) => s.to.kind === 'room' && s.text.startsWith('【11月通报】'))!
    expect(close.at).toBe('12-01 09:30')
    expect(close.file?.name).toBe('工青妇示范点上报情况_2026年.png')
    expect(close.file?.kind).toBe('image')
    expect(decodePng(close.file!.data).width).toBe(1080)
    expect(drawn[0]!.period).toEqual({ kind: 'year', from: '2026-01', to: '2026-11' })
    expect(drawn[0]!.reports.map((r) => r.title)).toEqual(['十一月的一篇'])
  })

  it('goes alone when the picture cannot be drawn', async () => {
    vi.setSystemTime(at('11-30 12:00'))
    const repo = await openRepository(null, new Date())
    await people(repo)
    const sent: Sent[] = []
    const scheduler = schedulerOn(repo, sent, {
      reminders: true,
      picture: () => Promise.reject(new Error('no font')),
    })
    await scheduler.start()
    await until('12-01 09:30', scheduler)
    await until('12-01 09:45', scheduler)
    scheduler.stop()
    const close = sent.find((s) => s.to.kind === 'room' && s.text.startsWith('【11月通报】'))!
    expect(close.file).toBeUndefined()
    expect(repo.reminders.state('close:2026-11')).toBe('sent')
  })
})
