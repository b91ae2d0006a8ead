import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { AuditStore } from '../../storage/audit-store.js'
import { StoreError } from '../../storage/json-file-store.js'
import { openRecordsRepository } from '../../storage/records-repository.js'
import { breakAudit, heal } from '../support/audit-failure.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gqf-records-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const who = { id: 'u1', name: '张三' }
const now = new Date('2026-11-24T02:00:00Z')
const later = new Date('2026-11-25T02:00:00Z')

function todayRoster(retiredId?: string) {
  const { sites, lineOrgs } = builtinRoster()
  const orgs = [...sites.map((s) => (s.id === retiredId ? { ...s, retired: true } : s)), ...lineOrgs]
  return { orgs, trackingSince: '2026-05', now }
}

describe('records store', () => {
  it('keeps every record across a restart, with its history, and logs each change', async () => {
    const a = await openRecordsRepository(dir, todayRoster())
    await a.records.setSix(
      'S01',
      '有阵地',
      { state: '建设中', description: '二楼', evidence: { reports: [], files: [] } },
      who,
      now,
    )
    await a.records.setSix(
      'S01',
      '有阵地',
      { state: '已达标', description: '二楼120㎡', evidence: { reports: [3], files: [] } },
      who,
      later,
    )
    const p = await a.records.addProject('S01', '四点半课堂', '面向双职工子女', who, now)
    await a.records.setProjectStatus(p.no, 'done', who, later)
    await a.records.setPlan('S01', 2027, '全年计划', null, who, now)
    await a.records.addGuidance('S01', '指导阵地建设', '2026-11-24', who, now)
    await a.records.addGuidance('S02', '指导', '2027-01-04', who, now)
    await a.records.setKind(5, '2026-10', '自选动作', who, now)
    await a.records.recommend(5, '2026-10', '典型', who, now)
    await a.records.setScore('S01', '2026-H2', 80, '好', who, now)
    await a.records.setScore('S01', '2026-H2', 85, '更好', who, later)
    await a.records.setAssessmentOverride({ thresholds: { excellent: 95 } }, who, now)

    const b = await openRecordsRepository(dir, todayRoster())
    const six = b.records.six()
    expect(six).toHaveLength(1)
    expect(six[0]).toMatchObject({ state: '已达标', evidence: { reports: [3] } })
    expect(six[0]!.history).toEqual([expect.objectContaining({ state: '建设中', by: 'u1' })])
    expect(b.records.projects()[0]).toMatchObject({
      no: 1,
      status: 'done',
      history: [expect.objectContaining({ status: 'active' })],
    })
    expect(b.records.plans()[0]).toMatchObject({ year: 2027, text: '全年计划' })
    expect(b.records.guidance().map((g) => g.no)).toEqual([1, 2])
    expect(b.records.kinds()[0]).toMatchObject({ reportNo: 5, kind: '自选动作' })
    expect(b.records.recommendations()[0]).toMatchObject({ reportNo: 5, reason: '典型' })
    expect(b.records.scores()).toHaveLength(1) // one per leader, changed
    expect(b.records.scores()[0]).toMatchObject({
      score: 85,
      history: [expect.objectContaining({ score: 80 })],
    })
    expect(b.records.assessmentOverride()).toEqual({ thresholds: { excellent: 95 } })
    expect(b.audit.entries().map((e) => e.action)).toEqual([
      'six.set',
      'six.set',
      'project.add',
      'project.status',
      'plan.set',
      'guidance.add',
      'guidance.add',
      'report.kind',
      'report.recommend',
      'score.set',
      'score.set',
      'settings.change',
    ])
    expect((await readdir(join(dir, 'records'))).sort()).toEqual(['2026.json', '2027.json', 'sites.json'])
  })
})

describe('roster history store', () => {
  it('carries the retired flags of roster.json into dated history once, and keeps changes', async () => {
    const a = await openRecordsRepository(dir, todayRoster('S07'))
    expect(a.rosterHistory.history().changes).toEqual([
      expect.objectContaining({ kind: 'retire', orgId: 'S07', from: '2026-05-01' }),
    ])
    expect(a.rosterHistory.activeSitesFor('2026-04').map((s) => s.id)).toContain('S07')
    expect(a.rosterHistory.activeSitesFor('2026-05').map((s) => s.id)).not.toContain('S07')
    const meta = {
      from: '2026-12-01',
      reason: '工作调整',
      by: 'admin',
      byName: '管理员',
      at: now.toISOString(),
    }
    const moved = await a.rosterHistory.change({ kind: 'move', orgId: 'S01', group: 2, ...meta })
    expect(moved.ok).toBe(true)
    const again = await a.rosterHistory.change({ kind: 'move', orgId: 'S01', group: 2, ...meta })
    expect(again.ok ? null : again.error.code).toBe('SAME_GROUP')

    // A second start does not migrate again, even from a roster of today without the flag.
    const b = await openRecordsRepository(dir, todayRoster())
    expect(b.rosterHistory.history().changes.map((c) => [c.kind, c.seq])).toEqual([
      ['retire', 1],
      ['move', 2],
    ])
    expect(b.rosterHistory.activeSitesFor('2026-12').find((s) => s.id === 'S01')?.group).toBe(2)
    expect(b.audit.entries()).toEqual([
      expect.objectContaining({ action: 'roster.move', target: 'S01', reason: '工作调整' }),
    ])
  })
})

describe('the audit log cannot be rewritten', () => {
  async function written() {
    const a = await AuditStore.open(dir)
    for (let i = 1; i <= 3; i++) {
      await a.append({
        at: now.toISOString(),
        by: 'u1',
        byName: '张三',
        action: 'six.set',
        target: `S0${i}`,
        detail: { state: '已达标' },
        reason: '',
      })
    }
    return join(dir, 'audit', '2026.jsonl')
  }

  it('an edited line stops the start, naming the file, and the file stays as it was', async () => {
    const file = await written()
    const text = await readFile(file, 'utf8')
    const edited = text.replace('"target":"S02"', '"target":"S09"')
    await writeFile(file, edited)
    const err = await AuditStore.open(dir).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreError)
    expect(err).toMatchObject({ file })
    expect(await readFile(file, 'utf8')).toBe(edited)
  })

  it('a removed line in the middle or at the end is noticed', async () => {
    const file = await written()
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n')
    await writeFile(file, [lines[0], lines[2]].join('\n') + '\n')
    await expect(AuditStore.open(dir)).rejects.toThrow(StoreError)
    await writeFile(file, [lines[0], lines[1]].join('\n') + '\n')
    await expect(AuditStore.open(dir)).rejects.toThrow(/head\.json/)
  })

  it('an untouched log opens, continues its chain, and the API offers no way to change it', async () => {
    await written()
    const b = await AuditStore.open(dir)
    expect(b.entries().map((e) => e.seq)).toEqual([1, 2, 3])
    const e = await b.append({
      at: now.toISOString(),
      by: 'u1',
      byName: '张三',
      action: 'plan.set',
      target: 'S01',
      detail: {},
      reason: '',
    })
    expect(e.prev).toBe(b.entries()[2]!.hash)
    expect((await AuditStore.open(dir)).entries()).toHaveLength(4)
    const methods = Object.getOwnPropertyNames(AuditStore.prototype).filter((n) => n !== 'constructor')
    // Appending and reading are the only public ways in; nothing edits or removes an entry.
    expect(methods.sort()).toEqual(['append', 'drain', 'entries', 'has', 'keep', 'write'])
  })
})

describe('a change and its audit entry are one write', () => {
  afterEach(heal)
  const six = (state: '建设中' | '已达标') => ({
    state,
    description: '二楼',
    evidence: { reports: [], files: [] },
  })

  it('a failed audit append keeps the change with its entry; the entry is logged once, and no second version is stored', async () => {
    const a = await openRecordsRepository(dir, todayRoster())
    breakAudit(dir)
    const entry = await a.records.setSix('S01', '有阵地', six('已达标'), who, now)
    // The change is on disk and answered as done: nobody retries it, so no second version.
    expect(entry.history).toEqual([])
    expect(a.audit.entries()).toEqual([])
    const onDisk = JSON.parse(await readFile(join(dir, 'records', 'sites.json'), 'utf8'))
    expect(onDisk.six).toHaveLength(1)
    expect(onDisk.auditOutbox).toEqual([expect.objectContaining({ action: 'six.set', target: 'S01' })])
    // A roster change keeps its entry beside it the same way.
    const meta = { from: '2026-12-01', reason: '调整', by: 'admin', byName: '管理员', at: now.toISOString() }
    expect((await a.rosterHistory.change({ kind: 'move', orgId: 'S02', group: 3, ...meta })).ok).toBe(true)
    expect(a.audit.entries()).toEqual([])
    heal()

    // The next start appends what waited, once, in order; a second start finds nothing to add.
    const b = await openRecordsRepository(dir, todayRoster())
    expect(b.audit.entries().map((e) => [e.action, e.target])).toEqual([
      ['six.set', 'S01'],
      ['roster.move', 'S02'],
    ])
    expect(b.records.six()[0]!.history).toEqual([])
    const c = await openRecordsRepository(dir, todayRoster())
    expect(c.audit.entries()).toHaveLength(2)
    // The next change of the file drops the delivered entry from its outbox, in the same write.
    await c.records.setSix('S01', '有阵地', six('建设中'), who, later)
    const after = JSON.parse(await readFile(join(dir, 'records', 'sites.json'), 'utf8'))
    expect(after.auditOutbox.map((p: { at: string }) => p.at)).toEqual([later.toISOString()])
    expect(c.audit.entries().map((e) => e.action)).toEqual(['six.set', 'roster.move', 'six.set'])
    expect((await openRecordsRepository(dir, todayRoster())).audit.entries()).toHaveLength(3)
  })

  it('a running store appends the waiting entry with its next change, and a failed append leaves no gap in the chain', async () => {
    const a = await openRecordsRepository(dir, todayRoster())
    await a.records.setKind(5, '2026-10', '自选动作', who, now)
    breakAudit(dir)
    await a.records.setKind(6, '2026-10', '自选动作', who, now)
    await expect(a.audit.append(meta())).rejects.toThrow('ENOSPC')
    heal()
    await a.records.setKind(7, '2026-10', '自选动作', who, later)
    expect(a.audit.entries().map((e) => [e.seq, e.target])).toEqual([
      [1, '5'],
      [2, '6'],
      [3, '7'],
    ])
    // The chain on disk is whole: it opens.
    expect((await AuditStore.open(dir)).entries()).toHaveLength(3)
  })
})

function meta() {
  return {
    at: now.toISOString(),
    by: 'u1',
    byName: '张三',
    action: 'report.withdraw' as const,
    target: '9',
    detail: {},
    reason: '',
  }
}
