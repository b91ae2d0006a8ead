import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import { tallyMonth, type Report } from '../../src/domain/reports.js'
import { builtinRoster } from '../../src/domain/roster-data.js'

/** Three months of reports: September to November 2026, counting since September. */
async function season() {
  const t = await makeCore({ now: new Date('2026-09-10T02:00:00Z') })
  const people = [
    ['a', '周敏', '日新街道'],
    ['b', '吴磊', '大大'],
    ['c', '赵刚', '大船'],
    ['d', '孙悦', '望海社区'],
    ['e', '蒋芳', '三家社区'],
    ['f', '杨帆', '马桥子'],
    ['g', '秦岭', '双创'],
  ]
  for (const [id, name, org] of people) await t.ask(id!, `#注册 ${name} ${org}`)
  await t.repo.ensureAdminCode('AD-MIN-1', new Date())
  await t.ask('a', '#认证管理员 AD-MIN-1')
  t.setNow('2026-09-15T02:00:00Z')
  for (const id of ['a', 'b', 'c']) await t.ask(id, '#上报 9月的活动')
  t.setNow('2026-10-12T02:00:00Z')
  // Two different reports of 日新街道 (the same text twice would count once).
  for (const [id, what] of [
    ['a', '宣讲'],
    ['a', '义诊'],
    ['d', '宣讲'],
  ])
    await t.ask(id!, `#上报 10月的${what}活动`)
  t.setNow('2026-11-03T02:00:00Z')
  await t.ask('b', '#补报 2026-10 10月的活动')
  t.setNow('2026-11-24T02:00:00Z')
  for (const id of ['a', 'e', 'f']) await t.ask(id, '#上报 11月的活动')
  return t
}

describe('tallies on constructed data', () => {
  it('#统计 takes a scope word in any order, open to every member; the headline names the scope', async () => {
    const t = await season()
    const group = await t.ask('d', '#统计 第二组 10月')
    expect(group.split('\n').slice(0, 2)).toEqual([
      '2026年10月创建信息：第二组已报 3/10',
      '省级 3/4，市级 0/6',
    ])
    expect(group).not.toContain('第一组')
    expect(group.split('\n').at(-1)).toBe('逐个示范点及篇数：#统计 第二组 10月 详细')
    expect(await t.ask('d', '#统计 10月 第二组 详细')).toContain('【第二组】3/10\n✅ 望海社区 1篇')
    const district = await t.ask('a', '#统计 西岗区')
    expect(district.split('\n')[0]).toMatch(/^2026年11月创建信息：西岗区已报 \d+\/\d+$/)
    expect(await t.ask('a', '#统计 黄河路')).toBe(
      '“黄河路”既不是月份也不是范围。可写月份（10月、上月、2026-10）或范围（第一组、西岗区、全市）。',
    )
    expect((await t.ask('a', '#统计 全市 10月')).split('\n')[0]).toBe('2026年10月创建信息：全市已报 3/30')
  })

  it('#统计 shows N/30, the groups with ✅ and counts or ❌, and the 省级 and 市级 subtotals', async () => {
    const t = await season()
    // The full list is one word away; the default fits a phone screen (see below).
    const text = await t.ask('a', '#统计 2026-10 详细')
    expect(text.split('\n').slice(0, 3)).toEqual([
      '2026年10月创建信息：全市已报 3/30',
      '省级 3/12，市级 0/18',
      '【第一组】0/10',
    ])
    expect(text.split('\n').slice(13, 18)).toEqual([
      '【第二组】3/10',
      '✅ 望海社区 1篇',
      '✅ 日新街道 2篇',
      '✅ 大连大学 1篇（含补报1）',
      '❌ 医大一院',
    ])
    expect(text.split('\n')).toHaveLength(2 + 3 + 30)
    expect(text.split('\n').filter((l) => l.startsWith('✅'))).toHaveLength(3)
    expect(await t.ask('a', '#统计 10月')).toBe(
      [
        '2026年10月创建信息：全市已报 3/30',
        '省级 3/12，市级 0/18',
        '第一组 0/10，第二组 3/10，第三组 0/10',
        '共 4 篇（含补报 1 篇）',
        '未报（27）：',
        '第一组（10）：365外来人员服务中心、得胜街道、高新园区党群服务中心、大船、黄河社区、椒金山街道、马桥子街道、金石滩街道、双创联合体、东芝大连',
        '第二组（7）：医大一院、香川社区、星海湾街道、龙王塘街道、石河村、大连港、文思海辉',
        '第三组（10）：人民路街道、白山路街道、辛寨子街道、三家社区、八一路街道、李家村、旅顺开发区、大山村、枫叶学院、泰通建设',
        '逐个示范点及篇数：#统计 10月 详细',
      ].join('\n'),
    )
    expect((await t.ask('a', '#统计')).split('\n')[0]).toBe('2026年11月创建信息：全市已报 3/30')
    expect((await t.ask('a', '#统计')).split('\n').at(-1)).toBe('逐个示范点及篇数：#统计 详细')
    expect(await t.ask('a', '#统计 上上月')).toBe(
      '“上上月”不是有效的月份，请写成 2026-11 或 11月 这样的格式。',
    )
  })

  it('#未报 sends one message that @-mentions the registered people of the sites without a report', async () => {
    const t = await season()
    const [reply, ...more] = await t.core.handle(t.incoming('a', '#未报'))
    expect(more).toEqual([])
    expect(reply!.mentionIds).toEqual(['c', 'g', 'd', 'b'])
    const lines = reply!.text.split('\n')
    expect(lines[0]).toBe('全市 2026年11月尚未上报创建信息的示范点 27 个：')
    expect(lines[1]).toBe(
      '第一组（9）：365外来人员服务中心*、得胜街道*、高新园区党群服务中心*、大船、黄河社区*、椒金山街道*、金石滩街道*、双创联合体、东芝大连*',
    )
    expect(lines[4]).toBe('* 尚无人注册，无法 @')
    expect(lines.join('\n').split('365外来人员服务中心')).toHaveLength(2)
    expect(lines.at(-1)).toBe('请抓紧上报（本月截至 11月30日）。')
    // In private the names are listed with their sites instead of mentioned, and nobody is urged.
    const [dm] = await t.core.handle(t.incoming('a', '#未报', { conversation: { kind: 'private', id: 'a' } }))
    expect(dm!.mentionIds).toEqual([])
    expect(dm!.text).toContain('、大船（赵刚）、')
    expect(dm!.text).toContain('望海社区（孙悦）')
    expect(dm!.text.split('\n').at(-1)).toBe('（本月截至 11月30日）')
    // Last month, while 补报 is still open, and after.
    t.setNow('2026-12-02T02:00:00Z')
    expect((await t.ask('a', '#未报 2026-11')).split('\n').at(-1)).toBe('请抓紧上报（补报截至 12月5日）。')
    t.setNow('2026-12-09T02:00:00Z')
    expect((await t.ask('a', '#未报 2026-11')).split('\n').at(-1)).toBe('* 尚无人注册，无法 @')
  })

  it('#进度 shows one site’s year, the months it missed, and the month’s reports with their 编号', async () => {
    const t = await season()
    expect(await t.ask('c', '#进度')).toBe(
      '大连船舶重工集团有限公司 2026年创建信息（共 1 篇）\n已报：9月 1篇\n缺报：10月\n11月尚未上报',
    )
    expect(await t.ask('c', '#进度 日新')).toBe(
      [
        '大连市西岗区日新街道 2026年创建信息（共 4 篇）',
        '已报：9月 1篇、10月 2篇、11月 1篇',
        '11月的上报：',
        '编号8 11月24日 文字：11月的活动',
      ].join('\n'),
    )
    expect((await t.ask('c', '#进度 日新 10月')).split('\n').slice(2)).toEqual([
      '10月的上报：',
      '编号4 10月12日 文字：10月的宣讲活动',
      '编号5 10月12日 文字：10月的义诊活动',
    ])
  })

  it('#汇总 gives the leader this month, the year so far and the sites that are behind', async () => {
    const t = await season()
    expect(await t.ask('a', '#汇总 第二组')).toBe(
      [
        '第二组汇总（2026年11月）',
        '本月已报 1/10',
        '今年（9月起）共 7 篇，已过月份上报率 25%',
        '需关注的示范点 9 个：',
        '缺报9月、10月，本月未报（7）：医大一院、香川社区、星海湾街道、龙王塘街道、石河村、大连港、文思海辉',
        '缺报9月，本月未报（1）：望海社区',
        '本月未报（1）：大连大学',
        '逐个列出：#汇总 第二组 详细',
      ].join('\n'),
    )
    expect(await t.ask('a', '#汇总 第二组 详细')).toBe(
      [
        '第二组汇总（2026年11月）',
        '本月已报 1/10',
        '今年（9月起）共 7 篇，已过月份上报率 25%',
        '需关注的示范点 9 个：',
        '医大一院：缺报9月、10月；本月未报',
        '香川社区：缺报9月、10月；本月未报',
        '星海湾街道：缺报9月、10月；本月未报',
        '龙王塘街道：缺报9月、10月；本月未报',
        '石河村：缺报9月、10月；本月未报',
        '大连港：缺报9月、10月；本月未报',
        '文思海辉：缺报9月、10月；本月未报',
        '望海社区：缺报9月；本月未报',
        '大连大学：本月未报',
      ].join('\n'),
    )
    expect((await t.ask('a', '#汇总')).split('\n').slice(0, 3)).toEqual([
      '全市汇总（2026年11月）',
      '本月已报 3/30',
      '今年（9月起）共 10 篇，已过月份上报率 10%',
    ])
    expect(await t.ask('b', '#汇总')).toContain('全市汇总') // reading tallies is open to every registered member
  })
})

describe('tallyMonth', () => {
  it('counts sites, not pieces, and leaves withdrawn reports and other months out', () => {
    const { sites } = builtinRoster()
    const base: Omit<Report, 'no' | 'orgId' | 'month'> = {
      submitterId: 'x',
      submitterName: 'x',
      onBehalf: false,
      via: 'text',
      title: '',
      text: '',
      links: [],
      files: [],
      messageIds: [],
      at: '2026-11-01T00:00:00Z',
      late: false,
      withdrawn: null,
    }
    const reports: Report[] = [
      { ...base, no: 1, orgId: 'S01', month: '2026-11' },
      { ...base, no: 2, orgId: 'S01', month: '2026-11', late: true },
      { ...base, no: 3, orgId: 'S13', month: '2026-11', withdrawn: { by: 'x', at: base.at } },
      { ...base, no: 4, orgId: 'S14', month: '2026-10' },
      { ...base, no: 5, orgId: 'S30', month: '2026-11' },
    ]
    const t = tallyMonth(sites, reports, '2026-11')
    expect(t.reported).toBe(2)
    expect(t.total).toBe(30)
    expect(t.byLevel).toEqual({ 省级: { reported: 1, total: 12 }, 市级: { reported: 1, total: 18 } })
    expect(t.byGroup).toEqual({
      1: { reported: 1, total: 10 },
      2: { reported: 0, total: 10 },
      3: { reported: 1, total: 10 },
    })
    expect(t.sites[0]).toMatchObject({ count: 2, late: 1 })
  })
})
