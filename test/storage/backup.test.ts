import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  backupNow,
  restoreSnapshot,
  runDailyBackup,
  snapshotsToDelete,
  SnapshotError,
  verifySnapshot,
} from '../../storage/backup.js'
import { acquireLock, LockHeldError } from '../../storage/lock.js'
import { openRepository } from '../../storage/repository.js'
import { tallyMonth } from '../../src/domain/reports.js'

const tmp = (p: string) => mkdtempSync(join(tmpdir(), p))
const NOW = new Date('2026-05-20T02:00:00Z')

/** A data folder with members, reports in two months and two attachments. */
async function populated() {
  const dataDir = join(tmp('gqf-bk-'), 'data')
  const repo = await openRepository(dataDir, new Date('2026-04-01T02:00:00Z'))
  const sites = repo.roster().sites()
  for (const [i, month] of [
    [0, '2026-04'],
    [1, '2026-04'],
    [2, '2026-05'],
  ] as const) {
    const file = await repo.reports.saveFile(
      month,
      `m${i}`,
      `活动照片${i}.jpg`,
      Buffer.from(`jpeg-${i}`),
      'image',
    )
    await repo.reports.add({
      month,
      orgId: sites[i]!.id,
      submitterId: `c${i}`,
      submitterName: `成员${i}`,
      onBehalf: false,
      via: 'share',
      title: `活动${i}`,
      text: '',
      links: [],
      files: [file],
      messageIds: [`m${i}`],
      at: `${month}-10T02:00:00.000Z`,
      late: false,
      withdrawn: null,
    })
  }
  await repo.register('c0', { name: '张三', orgId: sites[0]!.id, line: null, wechatName: '张三' }, NOW)
  return { dataDir, repo }
}

const view = async (dataDir: string) => {
  const repo = await openRepository(dataDir, NOW)
  const sites = repo.roster().sites()
  return {
    reports: repo.reports.all(),
    members: repo.members(),
    april: tallyMonth(sites, repo.reports.all(), '2026-04'),
    may: tallyMonth(sites, repo.reports.all(), '2026-05'),
  }
}

describe('backup and restore', () => {
  it('backs up a running store and restores it into a fresh folder with the same reports and tallies', async () => {
    const { dataDir } = await populated()
    const lock = acquireLock(dataDir) // the bot is running while the backup is taken
    const result = await runDailyBackup(dataDir, NOW)
    expect(result.created).toBe(true)
    expect(result.path).toBe(join(dataDir, 'backups', '2026-05-20'))
    const paths = result.manifest!.files.map((f) => f.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        'gqf.json',
        'holidays.json',
        'records/sites.json',
        'reminders.json',
        'reports/2026-04.json',
        'reports/2026-05.json',
        'roster.json',
        'roster-history.json',
      ]),
    )
    expect(paths.filter((p) => p.startsWith('attachments/'))).toHaveLength(3)
    expect(paths).not.toContain('.lock')
    expect(paths.some((p) => p.startsWith('backups'))).toBe(false)
    await verifySnapshot(result.path)

    // Idempotent per day.
    const again = await runDailyBackup(dataDir, new Date('2026-05-20T10:00:00Z'))
    expect(again.created).toBe(false)
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(['2026-05-20'])
    lock.release()

    const target = join(tmp('gqf-restore-'), 'data')
    const { aside } = await restoreSnapshot(result.path, target, NOW)
    expect(existsSync(aside)).toBe(true)
    expect(existsSync(join(target, '.lock'))).toBe(false)
    const [a, b] = [await view(dataDir), await view(target)]
    expect(b.reports).toEqual(a.reports)
    expect(b.reports).toHaveLength(3)
    expect(b.members).toEqual(a.members)
    expect(b.april).toEqual(a.april)
    expect(b.may).toEqual(a.may)
    expect(b.april.reported).toBe(2)
    for (const r of b.reports)
      expect(readFileSync(join(target, r.files[0]!.path))).toEqual(
        readFileSync(join(dataDir, r.files[0]!.path)),
      )
  })

  it('restores over the live folder, keeping the replaced one aside and the backups in place', async () => {
    const { dataDir, repo } = await populated()
    const { path } = await backupNow(dataDir, NOW)
    await repo.reports.change(1, (r) => {
      r.withdrawn = { by: 'c0', at: NOW.toISOString() }
    })
    const { aside } = await restoreSnapshot(path, dataDir, new Date('2026-05-21T02:00:00Z'))
    expect((await view(dataDir)).reports.find((r) => r.no === 1)?.withdrawn).toBeNull()
    expect((await view(aside)).reports.find((r) => r.no === 1)?.withdrawn).not.toBeNull()
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(['2026-05-20'])
  })

  it('refuses to restore while a live process holds the data folder, changing nothing', async () => {
    const { dataDir } = await populated()
    const { path } = await backupNow(dataDir, NOW)
    // Held by a live process on this host (our parent: alive, and not us).
    writeFileSync(
      join(dataDir, '.lock'),
      JSON.stringify({
        pid: process.ppid,
        hostname: hostname(),
        startedAt: '2026-05-20T01:00:00.000Z',
        nonce: 'n',
      }),
    )
    const before = readFileSync(join(dataDir, 'gqf.json'))
    await expect(restoreSnapshot(path, dataDir, NOW)).rejects.toBeInstanceOf(LockHeldError)
    expect(readFileSync(join(dataDir, 'gqf.json'))).toEqual(before)
    expect(readdirSync(join(dataDir, '..')).filter((n) => n.includes('restore'))).toEqual([])
  })

  it('refuses a damaged snapshot before touching the data folder', async () => {
    const { dataDir } = await populated()
    const { path } = await backupNow(dataDir, NOW)
    writeFileSync(join(path, 'reports', '2026-04.json'), '{}')
    await expect(restoreSnapshot(path, join(tmp('gqf-x-'), 'data'), NOW)).rejects.toBeInstanceOf(
      SnapshotError,
    )
    await expect(verifySnapshot(tmp('gqf-none-'))).rejects.toThrow(/清单 manifest.json 无法读取/)
  })
})

describe('rotation', () => {
  it('keeps the 14 most recent days and the first snapshot of each of the 12 most recent months', () => {
    const names: string[] = []
    for (
      let d = new Date('2025-01-01T00:00:00Z');
      d < new Date('2026-05-21T00:00:00Z');
      d = new Date(d.getTime() + 86_400_000)
    )
      names.push(d.toISOString().slice(0, 10))
    names.push('2026-05-20-153000', 'notes.txt', '.tmp-2026-05-20-ab')
    const doomed = new Set(snapshotsToDelete(names, 14, 12))
    const kept = names.filter((n) => !doomed.has(n))
    expect(kept).toEqual([
      '2025-06-01',
      '2025-07-01',
      '2025-08-01',
      '2025-09-01',
      '2025-10-01',
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      ...Array.from({ length: 14 }, (_, i) => `2026-05-${String(7 + i).padStart(2, '0')}`),
      '2026-05-20-153000',
      'notes.txt',
      '.tmp-2026-05-20-ab',
    ])
  })

  it('deletes rotated snapshots from disk', async () => {
    const { dataDir } = await populated()
    for (let day = 1; day <= 5; day++)
      await runDailyBackup(dataDir, new Date(`2026-05-0${day}T02:00:00Z`), { keepDaily: 2, keepMonthly: 1 })
    expect(readdirSync(join(dataDir, 'backups')).sort()).toEqual(['2026-05-01', '2026-05-04', '2026-05-05'])
  })
})
