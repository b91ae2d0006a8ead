import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reissueAdminCode } from '../../storage/admin-code.js'
import { LOCK_FILE } from '../../storage/lock.js'
import { openRepository } from '../../storage/repository.js'
import { ROOT } from '../support/child.js'
import { pinnedClockEnv } from '../support/pinned-clock.js'

const now = new Date('2026-11-25T02:00:00Z')

function runScript(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/admin-code.ts')], {
    cwd: mkdtempSync(join(tmpdir(), 'gqf-cwd-')),
    env: { PATH: process.env['PATH'] ?? '', ...pinnedClockEnv(), ...env },
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr.on('data', (d: Buffer) => (out += d.toString()))
  return new Promise((r) => child.on('exit', (code) => r({ code, out })))
}

describe('npm run admin-code', () => {
  it('issues a new one-time code that replaces a lost one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-code-'))
    const first = await openRepository(dir, now)
    const lost = (await first.ensureAdminCode(undefined, now)).generated!
    const result = await reissueAdminCode(dir, now)
    expect(result.ok).toBe(true)
    const code = result.ok ? result.code : ''
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    const repo = await openRepository(dir, now)
    expect(await repo.redeemAdminCode(lost, 'someone', now)).toBe('wrong')
    expect(await repo.redeemAdminCode(code, 'operator', now)).toBe('ok')
  })

  it('refuses while a bot holds the data folder: it would overwrite the code in memory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-code-'))
    const info = { pid: 4242, hostname: hostname(), startedAt: now.toISOString(), nonce: 'n' }
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(info))
    const result = await reissueAdminCode(dir, now, (pid) => pid === 4242)
    expect(result).toEqual({ ok: false, holder: info })
  })

  it('prints the code boxed from the script, and refuses with exit 4 while the bot runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-code-'))
    const ok = await runScript({ DATA_DIR: dir })
    expect(ok.code).toBe(0)
    expect(ok.out).toMatch(/│ 新的管理员认证码（一次性）：[2-9A-Z]{4}-[2-9A-Z]{4} +│/)
    // This test process stands for the running bot.
    const info = { pid: process.pid, hostname: hostname(), startedAt: now.toISOString(), nonce: 'n' }
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(info))
    const refused = await runScript({ DATA_DIR: dir })
    expect(refused.code).toBe(4)
    expect(refused.out).toContain(`机器人正在运行（进程 ${process.pid}`)
    const preset = await runScript({
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gqf-code-')),
      GQF_ADMIN_CODE: 'PRESET-1',
    })
    expect(preset.code).toBe(2)
    expect(preset.out).toContain('已设置 GQF_ADMIN_CODE')
  })
})
