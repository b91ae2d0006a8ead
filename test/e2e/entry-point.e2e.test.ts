/**
 * The real entry point, started as `npm start` starts it (tsx src/main.ts), against a puppet
 * service on 127.0.0.1.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot } from '../support/child.js'
import { World } from '../support/world.js'

/** The README's start line, `npm start` (tsx src/main.ts): the other process tests run the same code compiled ahead. */
const start = (env: Record<string, string>) => startBot(env, 'npm start')

describe('npm start against a puppet service', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  it('serves the coordination room: a member registers and gets the receipt', async () => {
    const run = start({
      WECHATY_PUPPET_SERVICE_TOKEN: world.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      GQF_ADMIN_CODE: 'PROC-ADMIN-1',
      SEND_INTERVAL_MS: '0',
    })
    try {
      await run.printed('coordination room bound')
      expect(run.output()).toContain('coordination room bound')
      // A preset code is never printed.
      expect(run.output()).not.toContain('PROC-ADMIN-1')
      const a = world.person('proc-a', '小周')
      world.say(a, '#注册 周敏 日新街道 妇联')
      await world.puppet.whenSent(() => world.roomLog.length > 0, 'a receipt')
      expect(world.roomLog.map((s) => s.text)).toEqual([
        '周敏 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）',
      ])
    } finally {
      run.child.kill('SIGTERM')
    }
    expect(await run.exited).toBe(0)
  })

  it('comes back with every acknowledged report after being killed right after its receipts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-kill-'))
    const env = {
      WECHATY_PUPPET_SERVICE_TOKEN: world.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      SEND_INTERVAL_MS: '0',
      DATA_DIR: dataDir,
    }
    // What the program keeps on disk, not how it is launched: the code compiled ahead starts faster.
    const run = startBot(env)
    const base = world.roomLog.length
    const said = () => world.roomLog.slice(base).map((s) => s.text)
    // Report numbers acknowledged so far: 编号N in a receipt, （N） in receipts merged under load.
    const acked = () =>
      said()
        .filter((t) => t.startsWith('已收到'))
        .flatMap((t) => [...t.matchAll(/编号(\d+)|（(\d+)）/g)].map((m) => Number(m[1] ?? m[2])))
    const sites = ['日新街道', '大大', '大船', '望海', '三家社区', '医大一院', '人民路', '白山路']
    try {
      await run.printed('coordination room bound')
      const people = sites.map((site, i) => world.person(`kill-${i}`, `成员${i}`))
      people.forEach((p, i) => world.say(p, `#注册 测试${'甲乙丙丁戊己庚辛'[i]} ${sites[i]}`))
      await world.puppet.whenSent(
        () => said().filter((t) => t.includes('注册成功')).length >= sites.length,
        'every registration receipt',
      )
      people.forEach((p) => world.say(p, '#上报 本月活动'))
      await world.puppet.whenSent(() => acked().length >= sites.length, 'every report receipt')
    } finally {
      run.killHard()
    }
    await run.exited
    const acknowledged = acked()
    expect(acknowledged).toHaveLength(sites.length)
    const { openRepository } = await import('../../storage/repository.js')
    const repo = await openRepository(dataDir)
    expect(
      repo.reports
        .all()
        .map((r) => r.no)
        .sort((a, b) => a - b),
    ).toEqual(acknowledged.sort((a, b) => a - b))
    expect(repo.members()).toHaveLength(sites.length)
  })

  it('stops with a clear message when the token is wrong', async () => {
    const run = start({
      WECHATY_PUPPET_SERVICE_TOKEN: 'insecure_00000000-0000-0000-0000-000000000000',
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      LOGIN_TIMEOUT_MS: '1000',
    })
    const code = await run.exited
    expect(code).toBe(1)
    expect(run.output()).toContain('在 1 秒内没有连上微信服务，机器人已停止。')
    expect(run.output()).toContain(`WECHATY_PUPPET_SERVICE_ENDPOINT（当前：${world.endpoint}）`)
    expect(run.output()).toContain('WECHATY_PUPPET_SERVICE_TOKEN 是否与服务端一致')
    expect(run.output()).not.toContain('00000000-0000-0000-0000-000000000000')
  })

  it('refuses bad configuration before starting, naming the variable', async () => {
    const run = start({ SEND_INTERVAL_MS: 'soon' })
    expect(await run.exited).toBe(2)
    expect(run.output()).toContain('配置有误，机器人未启动：\n- SEND_INTERVAL_MS=“soon”：应为整数')
  })

  it('opens the console group when no token is set, where a newcomer registers and reports', async () => {
    const run = start({ SEND_INTERVAL_MS: '0' })
    await run.printed('已进入控制台群')
    expect(run.output()).toMatch(/管理员认证码（一次性，仅显示这一次）：[2-9A-Z]{4}-[2-9A-Z]{4}/)
    run.child.stdin?.write('#注册 张三 日新街道 妇联\n')
    await run.printed('张三 注册成功')
    run.child.stdin?.write('/as 李四\n#上报 今天开展了“六有”阵地观摩\n')
    await run.printed('请先实名注册再上报')
    run.child.stdin?.write('/as 张三\n#上报 今天开展了“六有”阵地观摩\n')
    await run.printed('已收到日新街道的')
    run.child.stdin?.write('/quit\n')
    expect(await run.exited).toBe(0)
    const out = run.output()
    expect(out).toContain('【工青妇协同助手】\n张三 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）')
    expect(out).toContain('@李四 欢迎加入工作群！')
    expect(out).toMatch(/已收到日新街道的\d+月创建信息（编号1），本月全市已报 1\/30。/)
    expect(out).toContain('已退出控制台群。')
  })
})
