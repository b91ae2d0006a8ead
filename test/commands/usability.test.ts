/** Issue 10: a coordinator's first week, tried as a new user would. Each test keeps the original input. */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

/** Members of a few sites, a liaison, two leaders and an admin. */
async function network() {
  const t = await makeCore({ now: new Date('2026-11-24T02:00:00Z') })
  await t.ask('rixin', '#注册 周敏 日新街道 妇联')
  await t.ask('dada', '#注册 吴磊 大连大学 团委')
  await t.ask('dachuan', '#注册 赵刚 大船 工会')
  await t.ask('xg', '#注册 李四 西岗区总工会')
  await t.ask('boss', '#注册 王强 市总工会')
  await t.repo.ensureAdminCode('ADMIN-CODE-1', new Date())
  await t.ask('boss', '#认证管理员 ADMIN-CODE-1')
  await t.ask('boss', '#任命 联络员 李四 西岗区')
  await t.ask('leader2', '#注册 钱多 市妇联')
  await t.ask('boss', '#任命 组长 钱多 第二组')
  await t.ask('leader1', '#注册 孙红 市团委')
  await t.ask('boss', '#任命 组长 孙红 第一组')
  return t
}

describe('8. months as people write them', () => {
  it('#统计 and #未报 take 10月, 十月, 上月, 本月, 2026年10月, 2026.10, 2026/10', async () => {
    const t = await network()
    for (const w of ['10月', '十月', '上月', '2026年10月', '2026.10', '2026/10'])
      expect((await t.ask('boss', `#统计 ${w}`)).split('\n')[0], w).toBe('2026年10月创建信息：全市已报 0/30')
    expect((await t.ask('boss', '#统计 本月')).split('\n')[0]).toBe('2026年11月创建信息：全市已报 0/30')
    expect((await t.ask('boss', '#未报 上月')).split('\n')[0]).toContain('2026年10月')
  })
})

describe('9. numbers as people write them', () => {
  it('#撤回, #标记, #推荐, #项目 完成, #单位 and #注册 take 6号, 第6, No.6, ＃6 and full-width digits', async () => {
    const t = await network()
    await t.ask('rixin', '#上报 第一篇')
    await t.ask('rixin', '#上报 第二篇')
    await t.ask('rixin', '#上报 第三篇')
    expect(await t.ask('rixin', '#撤回 ３号')).toMatch(/^已撤回编号3/)
    expect(await t.ask('rixin', '#标记 第2 规定动作')).toBe('已将编号 2 标记为「规定动作」。')
    expect(await t.ask('leader2', '#推荐 No.1 做法可复制')).toMatch(/^已推荐编号 1/)
    expect(await t.ask('rixin', '#撤回 ＃1')).toMatch(/^已撤回编号1/)
    await t.ask('rixin', '#项目 新增 "四点半课堂" 说明')
    expect(await t.ask('rixin', '#项目 完成 1号')).toMatch(/^服务项目 1「四点半课堂」已标记为/)
    expect(await t.ask('rixin', '#项目 完成')).toBe(
      '请写上编号（见上报回执或列表）。\n正确格式：#项目 新增 "名称" 说明｜#项目 完成 编号｜#项目 停止 编号｜#项目 [单位]',
    )
    expect((await t.ask('rixin', '#单位 ６号')).split('\n')[0]).toBe('大连市西岗区日新街道')
    expect((await t.ask('rixin', '#单位 No.6')).split('\n')[0]).toBe('大连市西岗区日新街道')
    expect(await t.ask('new', '#注册 钱七 第6')).toMatch(/^钱七 注册成功：大连市西岗区日新街道/)
  })
})
