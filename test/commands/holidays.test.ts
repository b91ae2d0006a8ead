import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

async function world(dataDir: string | null = null) {
  const t = await makeCore({ now: new Date('2026-11-24T02:00:00Z'), ...(dataDir ? { dataDir } : {}) })
  const { repo, ask } = t
  const now = t.now()
  await ask('boss', '#注册 王强 市总工会')
  await repo.ensureAdminCode('ADMIN-CODE-1', now)
  await ask('boss', '#认证管理员 ADMIN-CODE-1')
  await ask('m', '#注册 周敏 日新街道')
  return { repo, ask }
}

describe('#节假日', () => {
  it('lets admins enter a year, and members view it; the data survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gqf-hol-'))
    const t = await world(dir)
    expect(await t.ask('m', '#节假日 2027')).toContain('尚未录入2027年的官方放假安排')
    expect(await t.ask('boss', '#节假日 2027 春节 2027-02-06至2027-02-14 放假')).toContain(
      '春节：2月6日（周六）至2月14日（周日）放假',
    )
    await t.ask('boss', '#节假日 2027 调休上班 2027-02-20')
    const shown = await t.ask('m', '#节假日 2027')
    expect(shown.split('\n')).toEqual([
      '2027年节假日（官方，管理员录入）：',
      '春节：2月6日（周六）至2月14日（周日）放假',
      '调休上班：2月20日（周六）',
      '按法定假日推算（调休待公布）：元旦1月1日、春节2月5日至2月8日、清明节4月5日、劳动节5月1日至5月2日、端午节6月9日、中秋节9月15日、国庆节10月1日至10月3日',
    ])
    const again = await world(dir)
    expect(again.repo.holidays.year(2027)).toEqual({
      holidays: [{ name: '春节', from: '2027-02-06', to: '2027-02-14' }],
      workdays: ['2027-02-20'],
    })
  })

  it('refuses changes by non-admins and answers bad input in Chinese', async () => {
    const t = await world()
    expect(await t.ask('m', '#节假日 2027 春节 2027-02-06至2027-02-14')).toBe(
      '只有管理员可以录入或修改节假日；查看请发送“#节假日 年份”。',
    )
    expect(t.repo.holidays.years()).toEqual([])
    expect(await t.ask('boss', '#节假日 2027 春节 2028-02-06')).toBe('2028-02-06 不在2027年内，请检查年份。')
    await t.ask('boss', '#节假日 2027 春节 2027-02-06至2027-02-14')
    expect(await t.ask('boss', '#节假日 2027 元宵 2027-02-14')).toBe(
      '这段日期与已录入的“春节”（2027-02-06至2027-02-14）重叠。若要修改“春节”，请用同一个名称重新录入。',
    )
    expect(await t.ask('boss', '#节假日 2027 清除')).toBe('已清除2027年录入的节假日。')
    expect(t.repo.holidays.years()).toEqual([])
  })
})
