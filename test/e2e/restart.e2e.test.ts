/**
 * Exactly once across restarts, on the real process (src/main.ts, compiled ahead: test/support/child.ts) against a puppet service:
 * replays after a restart change nothing and get no reply, late messages are handled with their
 * own time, and a receipt lost with a killed process arrives once after the restart.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot, type Run } from '../support/child.js'
import { World } from '../support/world.js'
import { openRepository } from '../../storage/repository.js'

/** Polls `check` (a safety net of `ms`, not a timing). */
async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error(`never: ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Replies owed in the handled/ day files of `dataDir`. */
function owed(dataDir: string): number {
  const dir = join(dataDir, 'handled')
  if (!existsSync(dir)) return 0
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as { owed: Record<string, unknown[]> })
    .reduce((sum, d) => sum + Object.values(d.owed).flat().length, 0)
}

describe('a restart never runs a command twice and never loses a receipt', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  const envFor = (dataDir: string) => ({
    WECHATY_PUPPET_SERVICE_TOKEN: world.token,
    WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
    SEND_INTERVAL_MS: '0',
    GQF_ADMIN_CODE: 'RESTART-ADMIN-1',
    REMINDERS_ENABLED: 'false',
    DATA_DIR: dataDir,
  })
  let markers = 0
  /**
   * Sends a marker the bot answers; resolves with everything else it sent meanwhile, except the
   * notices it sends admins on its own after a login (in December: next year's holidays), which
   * answer no message.
   */
  async function quietAfter(act: () => void): Promise<string[]> {
    const from = world.sent
    const text = `#重启标记${++markers}`
    act()
    world.say(world.person('rs-marker', '标记员', false), text)
    await world.puppet.whenSent(
      () => world.puppet.sends.slice(from).some((s) => s.text.includes(text)),
      `the answer to ${text}`,
    )
    return world.puppet.sends
      .slice(from)
      .filter((s) => !s.text.includes(text) && !s.text.startsWith('【提示】'))
      .map((s) => s.text)
  }
  const ask = async (who: ReturnType<World['person']>, text: string) =>
    (await world.replies(() => world.say(who, text))).map((s) => s.text)

  it('replays after a restart: no second reply, no change; a message 11 minutes late is handled', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-replay-'))
    let run: Run = startBot(envFor(dataDir))
    const admin = world.person('rs-admin', '管理员甲')
    const a = world.person('rs-a', '小周')
    try {
      await run.printed('coordination room bound')
      await ask(admin, '#注册 王强 市总工会')
      expect(await ask(admin, '#认证管理员 RESTART-ADMIN-1')).toEqual([expect.stringContaining('管理员')])
      expect(await ask(a, '#注册 周敏 日新街道 妇联')).toEqual([expect.stringContaining('注册成功')])
      expect(await ask(a, '#注册 周敏 大船 妇联')).toEqual([expect.stringContaining('注册信息已更新')])
      const retire = '#退出示范点 望海 连续三个月未报送'
      expect((await ask(admin, retire))[0]).not.toContain('没有')
      expect((await ask(admin, '#恢复示范点 望海 整改完成'))[0]).not.toContain('没有')
      // First delivered 11 minutes after it was sent (the bot was down): handled, not dropped.
      const late = await world.replies(() =>
        world.post(a, new Date(Date.now() - 11 * 60_000), { text: '#上报 停机时发的活动' }),
      )
      expect(late.map((s) => s.text)).toEqual([expect.stringMatching(/^已收到大船/)])
      // Every reply is out and recorded as sent: nothing is owed when the process is killed.
      await until(() => owed(dataDir) === 0, 'every reply recorded as sent')
      run.killHard()
      await run.exited

      run = startBot(envFor(dataDir))
      // The room is known from the first run; the login's work ends with the day's backup.
      await run.printed('daily backup')
      const ids = [
        world.idOf(a, '#注册 周敏 日新街道 妇联'),
        world.idOf(admin, retire),
        world.idOf(admin, '#认证管理员 RESTART-ADMIN-1'),
        ...[...world.mocker.cacheMessagePayload.values()]
          .filter((p) => p.text === '#上报 停机时发的活动')
          .map((p) => p.id),
      ]
      expect(ids).toHaveLength(4)
      expect(await quietAfter(() => ids.forEach((id) => world.replay(id)))).toEqual([])
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
    const repo = await openRepository(dataDir)
    const member = repo.member(a.id)!
    // The later registration stands; the replayed earlier one added nothing to its history.
    expect(repo.roster().get(member.orgId)?.name).toBe('大连船舶重工集团有限公司')
    expect(member.history).toHaveLength(1)
    const wanghai = repo
      .roster()
      .sites()
      .find((s) => s.name.includes('望海'))!
    expect(wanghai.retired).toBeFalsy()
    expect(repo.reports.all()).toHaveLength(1)
  })

  it('killed after a report is stored but before its receipt went out: the receipt arrives once after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-owed-'))
    let run: Run = startBot(envFor(dataDir))
    const b = world.person('rs-b', '小陈')
    const text = '#上报 断电前的活动'
    try {
      await run.printed('coordination room bound')
      expect(await ask(b, '#注册 陈静 三家社区 工会')).toEqual([expect.stringContaining('注册成功')])
      await until(() => owed(dataDir) === 0, 'the registration receipt recorded as sent')
      // WeChat hangs: the report is stored and its receipt owed, but it never goes out.
      world.puppet.hold = true
      world.say(b, text)
      await until(() => owed(dataDir) === 1, 'the receipt owed on disk')
      run.killHard()
      await run.exited
      world.puppet.hold = false

      const from = world.sent
      run = startBot(envFor(dataDir))
      // The room is known from the first run; the login's work ends with the day's backup.
      await run.printed('daily backup')
      // The puppet service delivers the message again: not a second report, not a second receipt.
      const more = await quietAfter(() => world.replay(world.idOf(b, text)))
      const all = world.puppet.sends.slice(from).map((s) => s.text)
      const receipts = all.filter((t) => t.includes('已收到三家社区'))
      expect(receipts).toHaveLength(1)
      expect(receipts[0]).toMatch(/^【补发】/)
      expect(more.filter((t) => !t.startsWith('【补发】'))).toEqual([])
      await until(() => owed(dataDir) === 0, 'nothing owed any more')
    } finally {
      world.puppet.hold = false
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
    const repo = await openRepository(dataDir)
    expect(repo.reports.all()).toHaveLength(1)
  })
})
