/**
 * The one scope policy (ctx.scope / ctx.actFor) as every command applies it: a leader of two groups
 * sees both, a liaison acting outside their district is refused by one sentence naming it.
 */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import { GROUP_NAMES } from '../../src/domain/types.js'

async function network() {
  const t = await makeCore()
  await t.repo.ensureAdminCode('SCOPE-ADMIN', new Date())
  await t.ask('admin', '#注册 王强 市总工会')
  await t.ask('admin', '#认证管理员 SCOPE-ADMIN')
  await t.ask('lead', '#注册 张三 市妇联')
  await t.ask('xg', '#注册 李四 西岗区总工会')
  await t.ask('rixin', '#注册 周敏 日新街道')
  expect(await t.ask('admin', '#任命 组长 张三 第一组')).toBe('已任命 张三 为第一组组长。')
  expect(await t.ask('admin', '#任命 组长 张三 第三组')).toBe('已任命 张三 为第三组组长。')
  expect(await t.ask('admin', '#任命 联络员 李四 西岗区')).toBe('已任命 李四 为西岗区联络员。')
  return t
}

describe('a leader of 第一组 and 第三组', () => {
  it('sees both groups in #汇总, #未报, #导出 and #考核', async () => {
    const t = await network()
    const both = `${GROUP_NAMES[1]}、${GROUP_NAMES[3]}`
    expect(await t.ask('lead', '#汇总')).toContain(both)
    expect(await t.ask('lead', '#未报')).toContain(both)
    const sites = t.repo
      .roster()
      .sites()
      .filter((s) => s.group !== 2).length
    const [file] = await t.core.handle(t.incoming('lead', '#导出'))
    expect(file!.text).toContain(`（${both}，${sites} 个示范点`)
    const assessed = await t.say('lead', '#考核')
    expect(assessed.some((x) => x.includes('｜第一组'))).toBe(true)
    expect(assessed.some((x) => x.includes('｜第三组'))).toBe(true)
    expect(assessed.some((x) => x.includes('｜第二组'))).toBe(false)
  })
})

describe('a liaison acting outside their district', () => {
  it('is refused the same way by every acting command, naming their own district', async () => {
    const t = await network()
    const acting = [
      '#未报 中山区',
      '#未报 第一组',
      '#导出 中山区',
      '#导出 第一组',
      '#代报 望海社区 社区开展志愿服务活动',
      '#指导 望海社区 现场指导',
      '#六有 望海社区 有阵地 已达标 活动室',
    ]
    for (const text of acting) {
      const replies = await t.core.handle(t.incoming('xg', text))
      expect(
        replies.map((r) => r.refusal),
        text,
      ).toEqual(['SCOPE_NOT_YOURS'])
      expect(replies[0]!.text, text).toMatch(/^#\S+ 只能用于您负责的西岗区，不能用于\S+。/)
    }
    // The golden sentence, once.
    expect(await t.ask('xg', '#未报 第一组')).toBe(
      '#未报 只能用于您负责的西岗区，不能用于第一组。查看任何范围的上报情况请用 #统计 或 #汇总。',
    )
    expect(t.repo.reports.all()).toEqual([])
    expect(t.repo.records.guidance()).toEqual([])
  })

  it('may read any scope, as may every registered member', async () => {
    const t = await network()
    expect(await t.ask('xg', '#汇总 中山区')).toContain('中山区')
    expect(await t.ask('rixin', '#汇总 第一组')).toContain('第一组')
    expect((await t.ask('rixin', '#统计 中山区')).split('\n')[0]).toContain('中山区已报')
    const [pic] = await t.core.handle(t.incoming('rixin', '#图表 第一组'))
    expect(pic!.file?.kind).toBe('image')
    expect(pic!.refusal).toBeUndefined()
  })
})
