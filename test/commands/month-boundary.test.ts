/** The month boundary: 补报 without a month, a 补报 that starts with a date, a report naming last month, month-like words. */
import { describe, expect, it } from 'vitest'
import type { Incoming } from '../../src/core/types.js'
import { makeRecordsCore } from '../support/core.js'

describe('the 补报 window on 1 December', () => {
  it('#补报 正文 without a month means November; a text starting with a date is not refused', async () => {
    const w = await makeRecordsCore('2026-12-01T02:00:00Z')
    expect(await w.ask('zhang', '#补报 日新街道11月开展巾帼宣讲')).toContain('11月')
    expect(await w.ask('li', '#补报 11月28日大船工会开展技能比武')).not.toContain('不是有效的月份')
    expect(w.repo.reports.ofMonth('2026-11').map((r) => r.late)).toEqual([true, true])
    expect(w.repo.reports.ofMonth('2026-11')[1]!.text).toBe('11月28日大船工会开展技能比武')
    expect(await w.ask('admin', '#统计 上月')).not.toContain('没有记录')
  })

  it('after the window #补报 without a month says it is closed', async () => {
    const w = await makeRecordsCore('2026-12-10T02:00:00Z')
    expect(await w.ask('zhang', '#补报 日新街道开展活动')).toContain('11月')
    expect(w.repo.reports.ofMonth('2026-11')).toEqual([])
  })

  it('a report naming last month gets the receipt for this month and one line on how to move it', async () => {
    const w = await makeRecordsCore('2026-12-01T02:00:00Z')
    const text = await w.ask('zhang', '#上报 日新街道11月创建信息')
    expect(text).toContain('#撤回')
    expect(text).toContain('#补报')
    expect(w.repo.reports.ofMonth('2026-12')).toHaveLength(1)
    const file: Incoming = {
      ...w.incoming('li', ''),
      kind: 'file',
      share: { kind: 'file', name: '医大一院11月创建信息.pdf', load: async () => Buffer.from('%PDF') },
    }
    await w.core.handle(file)
    expect(await w.ask('li', '#上报')).toContain('#补报')
    w.setNow('2026-12-01T03:00:00Z')
    expect(await w.ask('li', '#上报 大船工会12月活动')).not.toContain('#补报')
  })

  it('a month-like word that is no month is an error, nothing stored', async () => {
    const w = await makeRecordsCore('2026-12-01T02:00:00Z')
    expect(await w.ask('admin', '#代报 日新街道 2026-13 测试内容')).toContain('不是有效的月份')
    expect(await w.ask('admin', '#代报 日新街道 13月 测试内容')).toContain('不是有效的月份')
    expect(await w.ask('zhang', '#补报 2026-13 测试内容')).toContain('不是有效的月份')
    expect(await w.ask('admin', '#进度 日新街道 13月')).toContain('不是有效的月份')
    expect(w.repo.reports.all()).toEqual([])
  })
})
