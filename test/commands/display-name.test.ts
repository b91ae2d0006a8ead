/**
 * One rule for a site's display name (messages/format.ts displayName): "大大" (a nickname of
 * 大连大学) is never shown, in any reply, list, file label or heatmap label.
 */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { displayName, SHORT_FORMS } from '../../src/messages/format.js'
import { shortName as reportsShortName } from '../../src/messages/reports.js'
import { shortName as recordsShortName } from '../../src/messages/records.js'

const FORBIDDEN = '大大'

describe('a site display name', () => {
  it('is the full name when short, else an approved short form; every label input uses the one rule', () => {
    for (const site of builtinRoster().sites) {
      const shown = displayName(site)
      expect(shown).not.toContain(FORBIDDEN)
      expect([site.name, SHORT_FORMS[site.name]]).toContain(shown)
      // The names the heatmap, the export and every sentence take are this one.
      expect(reportsShortName(site)).toBe(shown)
      expect(recordsShortName(site)).toBe(shown)
    }
    expect(displayName({ name: '大连大学', aliases: ['大大'] })).toBe('大连大学')
    expect(displayName({ name: '大连某某科技发展有限公司', aliases: ['某某', '某某科技公司'] })).toBe(
      '某某科技公司',
    )
  })

  it('never shows 大大 in any reply, whoever asks and however the site is named', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('DADA-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 DADA-ADMIN')
    await t.ask('dada', '#注册 吴磊 大大')
    await t.ask('lead', '#注册 张三 市妇联')
    await t.ask('admin', '#任命 组长 张三 第二组')
    const said: string[] = []
    const say = async (who: string, text: string) => said.push(...(await t.say(who, text)))
    await say('dada', '#上报 大连大学开展教职工健步走活动')
    await say('dada', '#六有 有阵地 已达标 活动室')
    await say('dada', '#计划 2027 全年计划')
    await say('lead', '#指导 大大 现场指导')
    await say('lead', '#评分 大大 90')
    await say('lead', '#推荐 1 做法可复制')
    for (const who of ['admin', 'lead', 'dada']) {
      for (const text of [
        '#统计',
        '#统计 详细',
        '#汇总',
        '#汇总 详细',
        '#未报',
        '#进度 大大',
        '#档案 大大',
        '#六有',
        '#六有 大大',
        '#计划',
        '#考核',
        '#周报',
        '#示范点',
        '#示范点 第二组',
        '#单位 大大',
        '#项目 大大',
        '#日志',
      ])
        await say(who, text)
    }
    expect(said.length).toBeGreaterThan(40)
    expect(said.filter((s) => s.includes(FORBIDDEN))).toEqual([])
  })
})
