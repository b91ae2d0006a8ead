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
    // Counting began in November here: October is understood, and said to lie before it.
    for (const w of ['10月', '十月', '上月', '2026年10月', '2026.10', '2026/10'])
      expect(await t.ask('boss', `#统计 ${w}`), w).toBe('机器人从2026年11月起统计上报，2026年10月没有记录。')
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

describe('1. registration answers what it cannot read', () => {
  it('a 条线 word never becomes a name; two 条线 words and stray words are answered', async () => {
    const t = await network()
    expect(await t.ask('hj', '#注册 何军 星海湾街道 工会 团委')).toBe(
      '条线只能写一个，您写了“工会”和“团委”，请只保留一个。\n正确格式：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联',
    )
    expect(t.repo.member('hj')).toBeUndefined()
    expect((await t.ask('boss', '#单位 20')).split('\n').at(-1)).toBe('尚无人注册')
    expect((await t.ask('hj', '#注册 工会 星海湾街道')).split('\n')[0]).toBe(
      '“工会”不能作为姓名（这是条线或命令用词）。请先写姓名，再写单位。',
    )
    expect((await t.ask('dada', '#注册 吴刚 大连大学 青年')).split('\n')[0]).toBe(
      '单位“大连大学”后面的“青年”无法识别：条线只能写工会、团委或妇联。',
    )
    expect(t.repo.member('dada')).toMatchObject({ name: '吴磊', line: '团委' })
    // Registering again without a 条线 keeps the one given before.
    // A change of name is confirmed first (issue 15): the same #注册 again.
    expect(await t.ask('dada', '#注册 吴刚 大连大学')).toContain('您已注册为吴磊')
    expect(await t.ask('dada', '#注册 吴刚 大连大学')).toMatch(/^吴刚 注册信息已更新：.*（.*团委）/)
    expect(t.repo.member('dada')).toMatchObject({ name: '吴刚', line: '团委' })
    expect((await t.ask('sw', '#注册 孙 伟 大船 工会')).split('\n')[0]).toBe(
      '姓名“孙”只有一个字。如果姓名是“孙伟”，请连起来写：#注册 孙伟 大船 工会',
    )
  })
})

describe('2. #未报 keeps to the asker’s scope', () => {
  it('a 第二组 leader’s #未报 lists and @-mentions 第二组 only; a scope and a month in either order', async () => {
    const t = await network()
    const [own] = await t.core.handle(t.incoming('leader2', '#未报'))
    expect(own!.text.split('\n')[0]).toBe('第二组 2026年11月尚未上报创建信息的示范点 10 个：')
    expect(own!.text).not.toContain('第一组')
    expect(own!.mentionIds).toEqual(['rixin', 'dada']) // 大船 (dachuan) is in 第一组
    expect(await t.ask('leader2', '#未报 第一组')).toBe(
      '#未报 只能用于您负责的第二组，不能用于第一组。查看任何范围的上报情况请用 #统计 或 #汇总。',
    )
    // October is before the bot: no data, not 未报, until it is imported (here: nobody reported).
    expect(await t.ask('boss', '#未报 上月 全市')).toContain('没有记录')
    await t.repo.imports.apply({
      ...{ at: '2026-11-24T02:00:00.000Z', by: 'boss', byName: '王强', fileName: '台账.csv' },
      ...{ months: ['2026-10'], orgIds: [], entries: [] },
    })
    const [first] = await t.core.handle(t.incoming('leader1', '#未报 第一组 10月'))
    expect(first!.text.split('\n')[0]).toBe('第一组 2026年10月尚未上报创建信息的示范点 10 个：')
    expect(first!.mentionIds).toEqual(['dachuan'])
    const [city] = await t.core.handle(t.incoming('boss', '#未报 上月 全市'))
    expect(city!.text.split('\n')[0]).toBe('全市 2026年10月尚未上报创建信息的示范点 30 个：')
    const [xg] = await t.core.handle(t.incoming('xg', '#未报'))
    expect(xg!.text.split('\n')[0]).toMatch(/^西岗区 2026年11月尚未上报创建信息的示范点 \d+ 个：$/)
    expect(xg!.mentionIds).toEqual(['dachuan', 'rixin']) // both sites lie in 西岗区
    expect(await t.ask('boss', '#未报 火星')).toBe(
      '“火星”既不是月份也不是范围。可写月份（10月、上月、2026-10）或范围（第一组、西岗区、全市）。',
    )
  })
})

describe('3. #代报 backfills last month within the 补报 window', () => {
  it('#代报 大船 2026-10 十月活动 counts for October as 补报 and 代报', async () => {
    const t = await network()
    t.setNow('2026-11-03T02:00:00Z')
    expect(await t.ask('boss', '#代报 大船 2026-10 十月活动')).toBe(
      '已收到大船的10月创建信息（编号1，补报，代报），10月全市已报 1/30。',
    )
    expect(t.repo.reports.get(1)).toMatchObject({
      month: '2026-10',
      late: true,
      onBehalf: true,
      text: '十月活动',
    })
    expect(await t.ask('boss', '#代报 大船 上月 又一篇')).toMatch(
      /^已收到大船的10月创建信息（编号2，补报，代报）/,
    )
    expect(await t.ask('boss', '#代报 大船 2026-09 九月')).toBe('2026年9月的补报已于 10月5日截止，未计入。')
    expect(await t.ask('boss', '#代报 大船 12月 下月')).toBe(
      '2025年12月的补报已于 2026年1月5日截止，未计入。',
    )
    expect(await t.ask('boss', '#代报 大船 本月 本月的')).toMatch(/^已收到大船的11月创建信息（编号3，代报）/)
    t.setNow('2026-11-24T02:00:00Z')
    expect(await t.ask('boss', '#代报 大船 2026-10 迟了')).toBe('2026年10月的补报已于 11月5日截止，未计入。')
    expect(t.repo.reports.all()).toHaveLength(3)
  })
})

describe('10. hints that fit the command', () => {
  it('#代报 辛寨子 without text suggests #代报, not #上报', async () => {
    const t = await network()
    expect(await t.ask('boss', '#代报 辛寨子')).toBe(
      '请在 10 分钟内发送辛寨子街道的11月创建信息（文章链接、文件或图片），或写成：#代报 辛寨子街道 正文',
    )
    t.setNow('2026-11-03T02:00:00Z')
    expect(await t.ask('rixin', '#补报 10月')).toBe(
      '请在 10 分钟内发送日新街道的10月创建信息（文章链接、文件或图片），或写成：#补报 2026-10 正文',
    )
  })
})

describe('7. did you mean', () => {
  it('#上报望海社区又一篇 is read as #上报 望海社区又一篇; longer names win over the names they begin with', async () => {
    const t = await network()
    expect(await t.ask('rixin', '#上报望海社区又一篇')).toBe(
      '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
    )
    expect(t.repo.reports.get(1)?.text).toBe('望海社区又一篇')
    expect(await t.ask('boss', '#提醒设置暂停 月中')).toMatch(/^已暂停/)
    expect(await t.ask('boss', '#统计本月')).toMatch(/^2026年11月创建信息/)
    expect(await t.ask('rixin', '#注册周敏 日新街道 妇联')).toMatch(/无需重复注册/)
  })

  it('an unknown command gets up to three close ones', async () => {
    const t = await network()
    const out = await t.ask('rixin', '#统记')
    expect(out).toMatch(
      /^没有“#统记”这个命令。您是不是要用 #统计(、#[^、？]+){0,2}？发送 #帮助 查看全部命令。$/,
    )
    expect(await t.ask('rixin', '#abc')).toBe('没有“#abc”这个命令。发送 #帮助 查看全部命令。')
  })

  it('a plain-language question to the bot is answered by its command, never echoed back with a #', async () => {
    const t = await network()
    const asked = await t.ask('rixin', '帮我看看我们单位报了没有', { mentionSelf: true })
    expect(asked).not.toContain('#帮我看看')
    expect(asked.split('\n')[0]).toBe('大连市西岗区日新街道 2026年创建信息（共 0 篇）')
    expect((await t.ask('leader2', '还有谁没报', { mentionSelf: true })).split('\n')[0]).toBe(
      '第二组 2026年11月尚未上报创建信息的示范点 10 个：',
    )
    // A member without a role is answered too: the sites behind, for the city, with no one @-mentioned.
    const replies = await t.core.handle(t.incoming('rixin', '还有谁没报', { mentionSelf: true }))
    expect(replies).toHaveLength(1)
    expect(replies[0]!.text.split('\n')[0]).toMatch(/^全市 2026年11月尚未上报创建信息的示范点 \d+ 个：$/)
    expect(replies[0]!.mentionIds ?? []).toEqual([])
    expect((await t.ask('rixin', '#未报 第一组')).split('\n')[0]).toBe(
      '第一组 2026年11月尚未上报创建信息的示范点 10 个：',
    )
    expect(await t.ask('rixin', '今天天气不错', { mentionSelf: true })).toBe(
      '您好，我是工青妇协同助手。发送 #帮助 查看可用命令。',
    )
  })
})

describe('4. the same report twice counts once', () => {
  it('an identical #上报 is answered with its number; a near-duplicate within minutes is asked about', async () => {
    const t = await network()
    await t.ask('rixin', '#上报 11月20日，日新街道开展主题宣讲。')
    expect(await t.ask('rixin', '#上报 11月20日，日新街道开展主题宣讲。')).toBe(
      '这篇已经报过了，编号1，不再重复计入。',
    )
    t.setNow('2026-11-24T05:00:00Z')
    expect(await t.ask('rixin', '#上报 11月20日 日新街道开展主题宣讲')).toBe(
      '这篇已经报过了，编号1，不再重复计入。',
    )
    await t.ask('rixin', '#上报 社区运动会\n上午举行了趣味运动会')
    const similar = '#上报 社区运动会\n下午继续举行了趣味运动会'
    expect(await t.ask('rixin', similar)).toBe(
      '这篇和编号2很相似，暂未计入。如确需再报一篇，请 2 分钟内把同样的内容再发一次。',
    )
    t.setNow('2026-11-24T05:01:00Z')
    expect(await t.ask('rixin', similar)).toMatch(/^已收到日新街道的11月创建信息（编号3）/)
    expect(t.repo.reports.ofMonth('2026-11')).toHaveLength(3)
  })
})

describe('10. hints that fit the command (tallies)', () => {
  it('#统计 of a future month or one before tracking says so; #进度 of a district organisation points to #汇总', async () => {
    const t = await network()
    expect(await t.ask('boss', '#统计 2026-12')).toBe('2026年12月还没到，没有可统计的上报。')
    expect(await t.ask('boss', '#统计 2025-10')).toBe('机器人从2026年11月起统计上报，2025年10月没有记录。')
    expect(await t.ask('boss', '#进度 西岗区总工会')).toBe(
      '大连市西岗区总工会不是示范点：区市县和市级工会、团委、妇联没有每月上报任务。查看一个区的示范点请用 #汇总 区名，例如：#汇总 西岗区',
    )
  })
})
