import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders.js'
import { openRepository } from '../../storage/repository.js'
import { makeCore } from '../support/core.js'

async function withAdmin() {
  const t = await makeCore({ now: new Date('2026-11-24T02:00:00Z') }) // 10:00 in Dalian
  await t.ask('boss', '#注册 王强 市总工会')
  await t.repo.ensureAdminCode('ADMIN-CODE-1', new Date())
  await t.ask('boss', '#认证管理员 ADMIN-CODE-1')
  await t.ask('m', '#注册 周敏 日新街道')
  return t
}

describe('#提醒', () => {
  it('lists the next reminders with their workdays and times', async () => {
    const t = await withAdmin()
    expect(await t.ask('m', '#提醒')).toBe(
      [
        '接下来的提醒：',
        '11月26日（周四） 09:30 截止前提醒（11月）',
        '11月30日（周一） 16:00 最后一天提醒（11月）',
        '12月1日（周二） 09:30 月度通报（11月）',
        '12月7日（周一） 10:00 连续未报预警（10月、11月）',
        '12月18日（周五） 09:30 月中进度（12月）',
      ].join('\n'),
    )
  })

  it('lets admins pause, resume and retime reminders', async () => {
    const t = await withAdmin()
    expect(await t.ask('m', '#提醒设置 暂停')).toBe('#提醒设置 仅限管理员使用。')
    expect(await t.ask('boss', '#提醒设置 时间 最后 15:30')).toBe('最后一天提醒改为 15:30 发送。')
    expect((await t.ask('m', '#提醒')).split('\n')[2]).toBe('11月30日（周一） 15:30 最后一天提醒（11月）')
    expect(await t.ask('boss', '#提醒设置 暂停 预警')).toBe(
      '已暂停连续未报预警。发送“#提醒设置 恢复”可恢复。',
    )
    expect((await t.ask('m', '#提醒')).split('\n').slice(-2)).toEqual([
      '12月29日（周二） 09:30 截止前提醒（12月）',
      '已关闭：连续未报预警',
    ])
    expect(await t.ask('boss', '#提醒设置 暂停')).toBe('已暂停全部提醒。发送“#提醒设置 恢复”可恢复。')
    expect((await t.ask('m', '#提醒')).split('\n')[0]).toBe(
      '提醒已暂停（管理员发送“#提醒设置 恢复”可恢复）。原定：',
    )
    expect(await t.ask('boss', '#提醒设置 恢复')).toBe('已恢复全部提醒。')
    expect(await t.ask('boss', '#提醒设置 恢复 预警')).toBe('已恢复连续未报预警。')
    expect(await t.ask('boss', '#提醒设置 月中日 18')).toBe(
      '月中进度改为每月 18 日发送（逢节假日提前到前一个工作日）。',
    )
    expect(await t.ask('boss', '#提醒设置 时间 最后 25:00')).toBe(
      '“25:00”不是有效的时间，请写成 09:30 这样的格式。',
    )
    expect(await t.ask('boss', '#提醒设置 暂停 周报')).toBe(
      '没有“周报”这种提醒。可写：月中、截止前、最后、通报、预警。',
    )
    expect(await t.ask('boss', '#提醒设置 月中日 31')).toBe('“31”不是有效的日期，请写 1–28 之间的数字。')
  })

  it('keeps the admins’ changes across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-remset-'))
    const repo = await openRepository(dir)
    await repo.reminders.change((o) => {
      o.times = { final: '15:30' }
      o.off = ['warn']
    })
    const again = await openRepository(dir)
    expect(again.reminders.settings(DEFAULT_REMINDER_SETTINGS)).toEqual({
      ...DEFAULT_REMINDER_SETTINGS,
      off: ['warn'],
      times: { ...DEFAULT_REMINDER_SETTINGS.times, final: '15:30' },
    })
  })
})
