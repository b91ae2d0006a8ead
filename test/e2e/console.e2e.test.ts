/**
 * The console group as a newcomer starts it (no token), as a child process running
 * src/main.ts (compiled ahead: test/support/child.ts; `npm start` itself in entry-point.e2e.test.ts).
 * The long paste goes through a pseudo-terminal (util-linux `script`), as typed in a terminal.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { botCommand, startBot, watch, type Run } from '../support/child.js'
import { pinnedClockEnv } from '../support/pinned-clock.js'
import { openRepository } from '../../storage/repository.js'

/** Like startBot, but the bot's stdin and stdout are a terminal. */
function startOnTerminal(env: Record<string, string>): Run {
  const home = mkdtempSync(join(tmpdir(), 'gqf-pty-'))
  const [command, args] = botCommand()
  const child = spawn('script', ['-qfec', [command, ...args].join(' '), '/dev/null'], {
    cwd: home,
    env: { PATH: process.env['PATH'] ?? '', HOME: home, TERM: 'dumb', ...pinnedClockEnv(), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  })
  return watch(child)
}

describe('the console group', () => {
  it('stores a pasted 3,204-character report whole (a terminal line keeps only 4,095 bytes)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-paste-'))
    const body = '我们社区组织了职工、青年和妇女代表参加“六有”阵地观摩活动，大家交流了经验。'
      .repeat(100)
      .slice(0, 3200)
    const paste = `#上报 ${body}`
    expect(paste).toHaveLength(3204)
    const run = startOnTerminal({ DATA_DIR: dataDir, SEND_INTERVAL_MS: '0' })
    await run.printed('已进入控制台群')
    run.child.stdin?.write('#注册 张三 日新街道 妇联\n')
    await run.printed('张三 注册成功')
    run.child.stdin?.write(paste + '\n')
    await run.printed('已收到日新街道的')
    run.child.stdin?.write('/quit\n')
    expect(await run.exited).toBe(0)
    const repo = await openRepository(dataDir)
    expect(repo.reports.all().map((r) => r.text.length)).toEqual([3200])
    expect(repo.reports.all()[0]!.text).toBe(body)
  })

  it('keeps log lines and the admin code out of the conversation; the code is boxed once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-logs-'))
    const run = startBot({ DATA_DIR: dataDir, SEND_INTERVAL_MS: '0' })
    await run.printed('机器人发送的文件保存在')
    const code = /管理员认证码（一次性，仅显示这一次）：([2-9A-Z]{4}-[2-9A-Z]{4})/.exec(run.output())?.[1]
    expect(code).toBeDefined()
    expect(run.output()).toContain('┌')
    run.child.stdin?.write('#认证管理员 WRONG-1234\n')
    await run.printed('认证码不正确')
    run.child.stdin?.write(`#认证管理员 ${code}\n`)
    await run.printed('认证成功')
    run.child.stdin?.write('/quit\n')
    expect(await run.exited).toBe(0)
    const out = run.output()
    expect(out).toContain('npm run admin-code')
    expect(out).not.toMatch(/ (WARN|INFO|DEBUG|ERROR) /)
    expect(out).not.toContain('admin code rejected')
    expect(out.split(code!)).toHaveLength(3) // the two lines of the box; input on a pipe is not echoed
    const logs = readdirSync(join(dataDir, 'logs'))
    expect(logs).toEqual([expect.stringMatching(/^console-\d{4}-\d{2}-\d{2}\.log$/)])
    expect(out).toContain(join(dataDir, 'logs', logs[0]!))
    const log = readFileSync(join(dataDir, 'logs', logs[0]!), 'utf8')
    expect(log).toContain('admin code rejected')
    expect(log).not.toContain(code!)
  })

  it('brings back the last session’s members after a restart, and @名字 mentions them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-again-'))
    const first = startBot({ DATA_DIR: dataDir, SEND_INTERVAL_MS: '0', GQF_ADMIN_CODE: 'CONSOLE-ADMIN-1' })
    await first.printed('已进入控制台群')
    first.child.stdin?.write('#注册 张三 日新街道 妇联\n#认证管理员 CONSOLE-ADMIN-1\n')
    await first.printed('认证成功')
    first.child.stdin?.write('/as 小钱\n#注册 钱进 白山路街道\n')
    await first.printed('钱进 注册成功')
    first.child.stdin?.write('/quit\n')
    expect(await first.exited).toBe(0)

    const again = startBot({ DATA_DIR: dataDir, SEND_INTERVAL_MS: '0' })
    await again.printed('上次的群成员已回到群里（2 人）：张三、小钱。')
    again.child.stdin?.write('/who\n')
    await again.printed('群成员 2 人：张三、小钱（当前发言：张三）')
    // The original input: README and #帮助 任命 write @名字.
    again.child.stdin?.write('#任命 组长 @小钱 第二组\n')
    await again.printed('已任命 钱进 为第二组组长。')
    again.child.stdin?.write('/as 钱进\n#我的信息\n')
    await again.printed('角色：第二组组长')
    again.child.stdin?.write('/quit\n')
    expect(await again.exited).toBe(0)
    expect(again.output()).not.toContain('欢迎加入工作群')
  })
})
