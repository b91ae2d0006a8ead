/**
 * kill -9 at random moments during bursts of reports, ten times over one data folder: after each
 * restart every acknowledged report is there, counted once, and every data file parses.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBot } from '../support/child.js'
import { World } from '../support/world.js'
import { openRepository } from '../../storage/repository.js'

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Every .json file under `dir` (backups included), parsed. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return jsonFiles(p)
    return n.endsWith('.json') ? [p] : []
  })
}

const CYCLES = 10
const SITES = ['日新街道', '大船', '望海', '三家社区', '医大一院', '人民路']

describe('kill -9 during bursts', () => {
  let world: World
  beforeAll(async () => {
    world = await new World().start()
  })
  afterAll(async () => {
    await world?.stop()
  })

  it(`${CYCLES} kills at random moments: every acknowledged report survives, once; every file parses`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gqf-bursts-'))
    const env = {
      WECHATY_PUPPET_SERVICE_TOKEN: world.token,
      WECHATY_PUPPET_SERVICE_ENDPOINT: world.endpoint,
      SEND_INTERVAL_MS: '0',
      REMINDERS_ENABLED: 'false',
      DATA_DIR: dataDir,
    }
    const next = rng(11)
    const people = SITES.map((_, i) => world.person(`burst-${i}`, `成员${i}`))
    const base = world.roomLog.length
    const said = () => world.roomLog.slice(base).map((s) => s.text)
    const acked = () =>
      new Set(
        said()
          .filter((t) => t.includes('已收到'))
          .flatMap((t) => [...t.matchAll(/编号(\d+)|（(\d+)）/g)].map((m) => Number(m[1] ?? m[2]))),
      )
    let sent = 0
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const run = startBot(env)
      try {
        await run.printed('daily backup')
        if (cycle === 0) {
          people.forEach((p, i) => world.say(p, `#注册 测试${'甲乙丙丁戊己'[i]} ${SITES[i]}`))
          await world.puppet.whenSent(
            () => said().filter((t) => t.includes('注册成功')).length >= SITES.length,
            'every registration receipt',
          )
        }
        // A burst, and the kill somewhere in it (or just after).
        const burst = 3 + Math.floor(next() * 6)
        for (let i = 0; i < burst; i++)
          world.say(people[(sent + i) % people.length]!, `#上报 第${cycle}轮活动${i}`)
        sent += burst
        await new Promise((r) => setTimeout(r, Math.floor(next() * 250)))
      } finally {
        run.killHard()
      }
      await run.exited
      for (const f of jsonFiles(dataDir)) expect(() => JSON.parse(readFileSync(f, 'utf8')), f).not.toThrow()
    }
    // One more start: receipts owed from the last kill go out; then every acknowledged report is there.
    const last = startBot(env)
    try {
      await last.printed('daily backup')
      const marker = world.person('burst-marker', '标记员', false)
      await world.replies(() => world.say(marker, '#爆发标记'))
    } finally {
      last.child.kill('SIGTERM')
    }
    expect(await last.exited).toBe(0)
    const repo = await openRepository(dataDir)
    const reports = repo.reports.all()
    const numbers = reports.map((r) => r.no)
    expect(new Set(numbers).size).toBe(numbers.length)
    const messageIds = reports.flatMap((r) => r.messageIds)
    expect(new Set(messageIds).size).toBe(messageIds.length)
    const have = new Set(numbers)
    const ack = acked()
    expect([...ack].filter((n) => !have.has(n))).toEqual([])
    expect(ack.size).toBeGreaterThan(0)
    expect(reports.length).toBeLessThanOrEqual(sent)
    console.log(`kill bursts: ${sent} reports sent, ${reports.length} stored, ${ack.size} acknowledged`)
  }, 180_000)
})
