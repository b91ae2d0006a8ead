/** Slow conditions: the disk nearly full, next year's holidays missing in December; each one incident. */
import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import { Alerter, type Alert } from '../../src/ops/alerts.js'
import { OpsChecks } from '../../src/ops/checks.js'
import { ConnectionAlerts } from '../../src/ops/connection-alerts.js'

function alerter() {
  const got: Alert[] = []
  const a = new Alerter({
    channels: [{ name: 'rec', send: async (x) => void got.push(x) }],
    logger: memoryLogger(),
  })
  return {
    a,
    got,
    texts: () => got.map((x) => `${x.recovery ? '+' : '!'} ${x.text.replace('【工青妇协同助手】', '')}`),
  }
}

describe('the hourly checks', () => {
  it('tells a nearly full disk once, and when space is back', async () => {
    const { a, texts } = alerter()
    let free = 100 * 1024 * 1024
    const checks = new OpsChecks({
      alerter: a,
      dataDir: '/srv/gqf',
      diskFreeBytes: 500 * 1024 * 1024,
      hasHolidays: () => true,
      clock: () => new Date('2026-06-10T02:00:00Z'),
      logger: memoryLogger(),
      freeBytes: async () => free,
    })
    await checks.runOnce()
    await checks.runOnce()
    free = 2048 * 1024 * 1024
    await checks.runOnce()
    await a.flush()
    expect(texts()).toEqual([
      '! 数据目录 /srv/gqf 所在磁盘仅剩 100 MB，写满后报送将无法保存。请尽快清理（旧备份可移到别处）。',
      '+ 数据目录所在磁盘空间已恢复（剩余 2048 MB）。',
    ])
  })

  it('tells in December that next year is missing, once, and when it has been entered', async () => {
    const { a, texts } = alerter()
    let now = new Date('2026-11-30T15:00:00Z') // 1 December 23:00 in Beijing is later; this is 30 Nov
    const years = new Set([2026])
    const checks = new OpsChecks({
      alerter: a,
      dataDir: '/srv/gqf',
      diskFreeBytes: 0,
      hasHolidays: (y) => years.has(y),
      clock: () => now,
      logger: memoryLogger(),
    })
    await checks.runOnce()
    expect(texts()).toEqual([])
    now = new Date('2026-11-30T16:00:00Z') // 1 December, 00:00 Beijing
    await checks.runOnce()
    await checks.runOnce()
    years.add(2027)
    await checks.runOnce()
    await a.flush()
    expect(texts()).toHaveLength(2)
    expect(texts()[0]).toContain('还没有 2027 年的法定节假日和调休安排')
    expect(texts()[1]).toBe('+ 2027 年的节假日安排已具备。')
  })
})

describe('connection alerts', () => {
  it('tells an outage only after ALERT_AFTER_MS, with its recovery; a short one not at all', async () => {
    const { a, texts } = alerter()
    const c = new ConnectionAlerts({ alerter: a, afterMs: 50 })
    c.lost('14 UNAVAILABLE: No connection established')
    c.recovered({ reason: 'x', downMs: 20, attempts: 1 })
    c.lost('14 UNAVAILABLE: No connection established')
    await new Promise((r) => setTimeout(r, 120))
    c.recovered({ reason: 'x', downMs: 400_000, attempts: 6 })
    await a.flush()
    expect(texts()).toHaveLength(2)
    expect(texts()[0]).toMatch(/^! 与微信服务的连接已中断约 \d+ 秒，正在自动重连.*原因：14 UNAVAILABLE/)
    expect(texts()[1]).toBe('+ 与微信服务的连接已恢复（中断约 7 分钟，重连 6 次）。')
  })

  it('tells a logout with the QR link when a code comes, and the login after it', async () => {
    const { a, texts } = alerter()
    const c = new ConnectionAlerts({ alerter: a, afterMs: 0, scanGraceMs: 10_000 })
    c.lost('logout')
    c.loggedOut()
    c.scan('https://login.weixin.qq.com/l/abc', 2)
    c.scan('https://login.weixin.qq.com/l/def', 2)
    c.loggedIn()
    c.stop()
    await a.flush()
    expect(texts()).toEqual([
      '! 微信账号需要扫码登录，机器人暂停服务。请用机器人的微信扫描此二维码：https://wechaty.js.org/qrcode/https%3A%2F%2Flogin.weixin.qq.com%2Fl%2Fabc（过期后新的链接见日志）',
      '+ 微信账号已重新登录，机器人恢复服务。',
    ])
  })
})
