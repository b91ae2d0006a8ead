/**
 * Issue 10, second part (a coordinator's first week): leaders read what was reported, hints that
 * fit the command, phone-length replies, each usage example printed once. Each test keeps the
 * original input.
 */
import { describe, expect, it } from 'vitest'
import { builtinCommands } from '../../commands/index.js'
import { makeCore } from '../support/core.js'

async function network(now = '2026-11-24T02:00:00Z') {
  const t = await makeCore({ now: new Date(now) })
  await t.ask('xhw', '#注册 何军 星海湾 工会')
  await t.ask('rixin', '#注册 周敏 日新街道 妇联')
  await t.ask('xg', '#注册 王丽 西岗区总工会')
  await t.ask('boss', '#注册 王强 市总工会')
  await t.repo.ensureAdminCode('ADMIN-CODE-1', new Date())
  await t.ask('boss', '#认证管理员 ADMIN-CODE-1')
  await t.ask('boss', '#任命 联络员 王丽 西岗区')
  await t.ask('leader2', '#注册 钱多 市妇联')
  await t.ask('boss', '#任命 组长 钱多 第二组')
  return t
}

const image = (name: string) => ({
  kind: 'image' as const,
  share: { kind: 'image' as const, name, load: async () => Buffer.from('jpg') },
})
const article = (title: string) => ({
  kind: 'url' as const,
  share: { kind: 'url' as const, link: { title, url: 'https://mp.weixin.qq.com/s/x', description: '摘要' } },
})

describe('6. leaders read what was reported', () => {
  it('#进度 星海湾 lists the month’s reports: 编号, date, kind, 补报/代报, title or first words', async () => {
    // Counting since October, so that October can be reported late.
    const t = await network('2026-10-20T02:00:00Z')
    t.setNow('2026-11-03T02:00:00Z')
    await t.ask('xhw', '#补报 2026-10 10月28日，星海湾街道开展“巾帼心向党”主题宣讲活动，辖区妇女五十余人参加')
    t.setNow('2026-11-18T02:00:00Z')
    await t.say('xhw', '', article('星海湾街道举办邻里节'))
    expect(await t.ask('xhw', '#上报')).toMatch(
      /^已收到星海湾街道的11月创建信息（编号2，含文章《星海湾街道举办邻里节》）/,
    )
    await t.ask('xhw', '#上报 11月18日，星海湾街道联合区妇联开展家庭教育讲座，六十余位家长参加')
    await t.say('xhw', '', image('1.jpg'))
    await t.say('xhw', '', image('2.jpg'))
    t.setNow('2026-11-20T02:00:00Z')
    await t.ask('boss', '#代报 星海湾 社区志愿服务队走访慰问困难老人')
    expect(await t.ask('leader2', '#进度 星海湾')).toBe(
      [
        '大连市沙河口区星海湾街道 2026年创建信息（共 4 篇）',
        '已报：10月 1篇、11月 3篇',
        '11月的上报：',
        '编号2 11月18日 文章：星海湾街道举办邻里节',
        '编号3 11月18日 图片×2：11月18日，星海湾街道联合区妇联开展家庭教育讲…',
        '编号4 11月20日 文字（王强代报）：社区志愿服务队走访慰问困难老人',
      ].join('\n'),
    )
    expect((await t.ask('leader2', '#进度 星海湾 10月')).split('\n').slice(2)).toEqual([
      '10月的上报：',
      '编号1 11月3日 文字（补报）：10月28日，星海湾街道开展“巾帼心向党”主题宣…',
    ])
  })

  it('a member sees the own site’s numbers with #我的上报 (an alias of #进度)', async () => {
    const t = await network()
    await t.ask('rixin', '#上报 社区开展消夏晚会')
    expect(await t.ask('rixin', '#我的上报')).toBe(await t.ask('rixin', '#进度'))
    expect((await t.ask('rixin', '#我的上报')).split('\n').at(-1)).toBe(
      '编号1 11月24日 文字：社区开展消夏晚会',
    )
    expect(await t.ask('rixin', '#进度 2026-12')).toBe('2026年12月还没到，没有可统计的上报。')
  })

  it('receipts say what was attached; photos after a report get a note of what it holds', async () => {
    const t = await network()
    await t.say('rixin', '', image('a.jpg'))
    await t.say('rixin', '', image('b.jpg'))
    // Only a bare #上报 takes the shares sent before it, and the receipt says how to undo that.
    expect(await t.ask('rixin', '#上报')).toBe(
      '已收到日新街道的11月创建信息（编号1，含 2 张图片），本月全市已报 1/30。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    )
    const [note] = await t.core.handle(t.incoming('rixin', '', image('c.jpg')))
    expect(note).toMatchObject({
      text: '已加入编号1，现含 3 张图片。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
      merge: { key: 'attached:1', replace: true },
    })
    expect(t.repo.reports.get(1)!.files).toHaveLength(3)
  })

  it('a shared article without #上报 gets one hint a day, none after #上报 claimed it', async () => {
    const t = await network()
    const hint = '这篇文章如需计入创建信息，请在 10 分钟内发送 #上报'
    expect(await t.say('rixin', '', article('社区妇联开展消夏晚会'))).toEqual([hint])
    expect(await t.say('rixin', '', article('社区义诊志愿服务'))).toEqual([])
    // An article right after a report belongs to it: no hint, a note instead.
    await t.ask('rixin', '#上报')
    expect(await t.say('rixin', '', article('第三篇'))).toEqual([
      '已加入编号1，现含文章《社区妇联开展消夏晚会》《社区义诊志愿服务》《第三篇》。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    ])
    // Next day, once again; people of no site (a liaison) get none.
    t.setNow('2026-11-25T02:00:00Z')
    expect(await t.say('rixin', '', article('新的一天 志愿活动'))).toEqual([hint])
    expect(await t.say('xg', '', article('区里的文章'))).toEqual([])
    // A photo after #六有 is that record's evidence, not a hint or a report.
    await t.ask('rixin', '#六有 有阵地 已达标 活动室')
    expect(await t.say('rixin', '', image('room.jpg'))).toEqual([])
  })
})

describe('10. hints that fit the command', () => {
  it('#提醒设置 alone shows the settings in force and how to change them', async () => {
    const t = await network()
    await t.ask('boss', '#提醒设置 暂停 预警')
    await t.ask('boss', '#提醒设置 时间 最后 15:30')
    expect(await t.ask('boss', '#提醒设置')).toBe(
      [
        '提醒设置：',
        '月中进度 每月 20 日 09:30',
        '截止前提醒 09:30',
        '最后一天提醒 15:30',
        '月度通报 09:30',
        '连续未报预警 10:00（已关闭）',
        '修改：',
        '#提醒设置 暂停 [种类] — 暂停全部或一种提醒',
        '#提醒设置 恢复 种类 — 恢复一种提醒',
        '#提醒设置 时间 最后 15:30 — 改发送时间',
        '#提醒设置 月中日 18 — 改月中进度的日期',
        '种类：月中、截止前、最后、通报、预警',
      ].join('\n'),
    )
    await t.ask('boss', '#提醒设置 暂停')
    expect((await t.ask('boss', '#提醒设置')).split('\n')[0]).toBe('提醒设置（全部提醒已暂停）：')
    expect((await t.ask('boss', '#提醒设置 吃饭')).split('\n')[0]).toBe(
      '没有“吃饭”这项设置。可写暂停、恢复、时间或月中日；只发 #提醒设置 查看当前设置。',
    )
    // Looking changes nothing, so it is not in the log.
    expect(t.repo.audit.entries().filter((e) => e.action === 'settings.change')).toHaveLength(3)
  })

  it('#免职 names the role as #任命 did; without a scope it lists each one removed', async () => {
    const t = await network()
    expect(await t.ask('boss', '#免职 联络员 王丽')).toBe('已免去 王丽 的西岗区联络员。')
    await t.ask('boss', '#任命 组长 钱多 第三组')
    expect(await t.ask('boss', '#免职 组长 钱多')).toBe('已免去 钱多 的第二组组长、第三组组长。')
    expect(await t.ask('boss', '#任命 联络员 王丽 中山区')).toBe('已任命 王丽 为中山区联络员。')
    expect(await t.ask('boss', '#免职 联络员 王丽 中山区')).toBe('已免去 王丽 的中山区联络员。')
  })

  it('#代报 辛寨子 with no text suggests #代报 辛寨子 正文', async () => {
    const t = await network()
    expect(await t.ask('boss', '#代报 辛寨子')).toBe(
      '请在 10 分钟内发送辛寨子街道的11月创建信息（文章链接、文件或图片），或写成：#代报 辛寨子街道 正文',
    )
  })
})

describe('11. phone-length replies', () => {
  it('#统计 and #汇总 fit a phone screen, with the full list one word away', async () => {
    const t = await network()
    const brief = await t.ask('boss', '#统计')
    expect(brief.split('\n').length).toBeLessThanOrEqual(15)
    expect(brief.split('\n').slice(3, 5)).toEqual([
      '未报（30）：',
      '第一组（10）：365外来人员服务中心、得胜街道、高新园区党群服务中心、大船、黄河社区、椒金山街道、马桥子街道、金石滩街道、双创联合体、东芝大连',
    ])
    expect((await t.ask('boss', '#统计 详细')).split('\n')).toHaveLength(35)
    const summary = await t.ask('boss', '#汇总')
    expect(summary.split('\n')).toEqual([
      '全市汇总（2026年11月）',
      '本月已报 0/30',
      '今年（11月起）共 0 篇',
      '需关注的示范点 30 个：',
      // 30 names would fill the screen as one line: split by working group.
      '本月未报（30）：',
      expect.stringMatching(/^第一组（10）：365外来人员服务中心、/),
      expect.stringMatching(/^第二组（10）：/),
      expect.stringMatching(/^第三组（10）：/),
      '逐个列出：#汇总 详细',
    ])
    expect((await t.ask('boss', '#汇总 详细')).split('\n')).toHaveLength(4 + 30)
    expect(await t.ask('leader2', '#汇总 详细')).toContain('第二组汇总')
    // One group's sites stay on one line: no 第二组 line under 第二组汇总.
    expect((await t.ask('leader2', '#汇总')).split('\n')[4]).toMatch(/^本月未报（10）：望海社区、/)
  })
})

describe('9. every usage example is printed once', () => {
  it('each command with no or bad arguments repeats no line and no 例如 example', async () => {
    const t = await network()
    const offenders: string[] = []
    for (const cmd of builtinCommands()) {
      for (const args of ['', ' ？', ' 张三 abc 99 xyz']) {
        const text = `#${cmd.name}${args}`
        const replies = [...(await t.say('boss', text)), ...(await t.say('rixin', text))]
        // Someone not registered yet, who must not register by accident (each try is a new person).
        if (!text.includes('张三')) replies.push(...(await t.say(`new${offenders.length}${text}`, text)))
        for (const reply of replies) {
          const lines = (reply ?? '').split('\n')
          const examples = lines.filter((l) => l.startsWith('例如'))
          // An example given once: no line twice, one 例如, and the example not in the problem too.
          const shown = lines.find((l) => l.startsWith('例如：'))?.slice('例如：'.length)
          const elsewhere = shown
            ? lines.filter((l) => !l.startsWith('例如：') && !l.startsWith('正确格式：') && l.includes(shown))
            : []
          if (new Set(lines).size !== lines.length || examples.length > 1 || elsewhere.length > 0)
            offenders.push(`${text} → ${reply}`)
        }
      }
    }
    expect(offenders).toEqual([])
  })
})
