/**
 * The data-folder lock and log redaction in real processes, started from src/main.ts
 * (compiled ahead: test/support/child.ts).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot as start } from '../support/child.js'
import { World } from '../support/world.js'

const lockOf = (dataDir: string) =>
  JSON.parse(readFileSync(join(dataDir, '.lock'), 'utf8')) as { pid: number; hostname: string }

describe('one process per data folder', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  it('refuses a second process on the same DATA_DIR; the first keeps serving, never logging the token', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-lock-e2e-'))
    const env = {
      WECHATY_PUPPET_SERVICE_TOKEN: world.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      SEND_INTERVAL_MS: '0',
      DATA_DIR: dataDir,
      WECHATY_LOG: 'silly',
    }
    const first = start(env)
    try {
      await first.printed('coordination room bound')
      const holder = lockOf(dataDir)
      expect(holder.hostname).toBe(hostname())

      const second = start(env)
      expect(await second.exited).toBe(4)
      expect(second.output()).toContain(`数据目录 ${dataDir} 正被另一个机器人进程使用（进程号 ${holder.pid}`)
      expect(second.output()).not.toContain('正在连接微信服务')
      expect(lockOf(dataDir).pid).toBe(holder.pid)

      const said = await world.replies(() =>
        world.say(world.person('lock-a', '小林'), '#注册 林芳 日新街道 妇联'),
      )
      expect(said.map((s) => s.text)).toEqual([
        '林芳 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）',
      ])
    } finally {
      first.child.kill('SIGTERM')
    }
    expect(await first.exited).toBe(0)
    expect(existsSync(join(dataDir, '.lock'))).toBe(false)
    // Verbose Wechaty logging was on (it prints the puppet's options) and the token never showed.
    expect(first.output()).toMatch(/VERB PuppetSkeleton constructor\(.*"token":"\*\*\*"/)
    expect(first.output()).not.toContain(world.token.slice('insecure_'.length))
  })

  it('takes over a lock left by a process that died, and releases it on the way out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-stale-e2e-'))
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(
      join(dataDir, '.lock'),
      JSON.stringify({
        pid: dead,
        hostname: hostname(),
        startedAt: '2026-01-01T00:00:00.000Z',
        nonce: 'old',
      }),
    )
    const run = start({ SEND_INTERVAL_MS: '0', DATA_DIR: dataDir })
    await run.printed('已进入控制台群')
    expect(lockOf(dataDir).pid).not.toBe(dead)
    run.child.stdin?.write('/quit\n')
    expect(await run.exited).toBe(0)
    expect(existsSync(join(dataDir, '.lock'))).toBe(false)
  })
})
