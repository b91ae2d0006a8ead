/**
 * Every audited change writes its audit entry in the same durable write (storage/audited-update.ts):
 * roles, withdrawals, reminder settings, holidays and imports as well as the records and the roster.
 * With the audit trail failing (a full disk), the change is made and answered as done, its entry
 * waits beside it, and the next start appends each entry once.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { makeCore } from '../support/core.js'
import { breakAudit, heal } from '../support/audit-failure.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gqf-audit-change-'))
})
afterEach(async () => {
  heal()
  await rm(dir, { recursive: true, force: true })
})

describe('an audited command whose audit append fails', () => {
  it('is done and answered; each entry reaches the trail once at the next start', async () => {
    const t = await makeCore({ dataDir: dir, now: new Date('2026-11-24T02:00:00Z') })
    await t.ask('zhang', '#注册 张三 日新街道')
    await t.ask('wang', '#注册 王丽 大船')
    await t.repo.grant('boss', { role: 'admin' }, 'test', t.now())
    await t.ask('zhang', '#上报 日新街道开展巾帼宣讲活动，居民踊跃参加')

    breakAudit(dir)
    expect(await t.ask('boss', '#任命 联络员 王丽 西岗区')).toContain('已任命')
    expect(await t.ask('zhang', '#撤回 1 重复上报')).toContain('已撤回')
    expect(await t.ask('boss', '#提醒设置 暂停 月中')).toBe('已暂停月中进度。发送“#提醒设置 恢复”可恢复。')
    expect(await t.ask('boss', '#免职 联络员 王丽')).toBe('已免去 王丽 的西岗区联络员。')
    // Nothing reached the trail, and nothing was lost: the roles and the withdrawal stand.
    expect(t.repo.audit.entries()).toEqual([])
    expect(t.repo.reports.get(1)!.withdrawn).not.toBeNull()
    expect(t.repo.roles('wang')).toEqual([])
    heal()

    const again = await openRepository(dir)
    expect(again.audit.entries().map((e) => [e.action, e.target])).toEqual([
      ['role.grant', 'wang'],
      ['role.revoke', 'wang'],
      ['settings.change', 'reminders'],
      ['report.withdraw', 'S06'],
    ])
    expect(again.audit.entries()[3]!.reason).toBe('重复上报')
    // A second start adds nothing.
    expect((await openRepository(dir)).audit.entries()).toHaveLength(4)
  })

  it('a command that changes nothing writes no entry', async () => {
    const t = await makeCore({ dataDir: dir })
    await t.ask('wang', '#注册 王丽 大船')
    await t.repo.grant('boss', { role: 'admin' }, 'test', t.now())
    await t.ask('boss', '#任命 联络员 王丽 西岗区')
    expect(await t.ask('boss', '#任命 联络员 王丽 西岗区')).toContain('已')
    expect(t.repo.audit.entries().filter((e) => e.action === 'role.grant')).toHaveLength(1)
  })
})
