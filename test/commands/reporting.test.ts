import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

/** A core with members registered for a few sites, a liaison, a leader and an admin. */
async function network() {
  const t = await makeCore({ now: new Date('2026-11-24T02:00:00Z') })
  await t.ask('rixin', '#注册 周敏 日新街道 妇联')
  await t.ask('rixin2', '#注册 吴刚 日新街道 工会')
  await t.ask('dada', '#注册 吴磊 大连大学 团委')
  await t.ask('dachuan', '#注册 赵刚 大船 工会')
  await t.ask('xg', '#注册 李四 西岗区总工会')
  await t.ask('boss', '#注册 王强 市总工会')
  await t.repo.ensureAdminCode('ADMIN-CODE-1', new Date())
  await t.ask('boss', '#认证管理员 ADMIN-CODE-1')
  await t.ask('boss', '#任命 联络员 李四 西岗区')
  await t.ask('leader', '#注册 钱多 市妇联')
  await t.ask('boss', '#任命 组长 钱多 第二组')
  return t
}

describe('#上报', () => {
  it('records a text report for the member’s site and this month, and answers with one line', async () => {
    const t = await network()
    const replies = await t.core.handle(
      t.incoming('rixin', '#上报 11月20日，日新街道开展“巾帼心向党”主题宣讲。'),
    )
    expect(replies).toEqual([
      {
        text: '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
        merge: { key: 'receipt:2026-11', part: '日新街道（1）', suffix: '11月创建信息（本月全市已报 1/30）' },
      },
    ])
    expect(t.repo.reports.get(1)).toMatchObject({
      month: '2026-11',
      orgId: 'S06',
      submitterId: 'rixin',
      submitterName: '周敏',
      via: 'text',
      title: '11月20日，日新街道开展“巾帼心向党”主题宣讲。',
      late: false,
      withdrawn: null,
    })
    expect(await t.ask('rixin2', '#上报 第二篇')).toBe(
      '已收到日新街道的11月创建信息（编号2），本月全市已报 1/30。',
    )
    expect(await t.ask('dada', '#上报 大连大学团委开展志愿服务')).toBe(
      '已收到大连大学的11月创建信息（编号3），本月全市已报 2/30。',
    )
  })

  it('attributes a report to the month in Dalian at the moment it was sent', async () => {
    const t = await network()
    t.setNow('2026-11-30T15:59:59Z')
    expect(await t.ask('rixin', '#上报 月末最后一刻')).toBe(
      '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
    )
    t.setNow('2026-11-30T16:00:00Z')
    expect(await t.ask('rixin', '#上报 十二月第一篇')).toBe(
      '已收到日新街道的12月创建信息（编号2），本月全市已报 1/30。',
    )
    expect(t.repo.reports.ofMonth('2026-11').map((r) => r.no)).toEqual([1])
    expect(t.repo.reports.ofMonth('2026-12').map((r) => r.no)).toEqual([2])
  })

  it('counts nothing from someone unregistered, from a district organisation, or for a retired site', async () => {
    const t = await network()
    expect(await t.ask('stranger', '#上报 你好')).toBe(
      '请先实名注册再上报：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联',
    )
    expect(await t.ask('xg', '#上报 西岗区总工会的工作')).toBe(
      '您注册的单位是大连市西岗区总工会，不是示范点，上报未计入。代示范点上报请用：#代报 单位 正文，例如：#代报 日新街道 正文',
    )
    expect(await t.ask('boss', '#退出示范点 大船')).toBe(
      '请写明退出原因，例如：#退出示范点 日新街道 连续三个月未报送\n正确格式：#退出示范点 单位 原因',
    )
    expect(await t.ask('boss', '#退出示范点 大船 连续三个月未报送')).toBe(
      '大连船舶重工集团有限公司自 11月24日起退出示范点名单，当月起不再计入统计和提醒（现有示范点 29 个），此前月份的统计和历史上报保留。',
    )
    expect(await t.ask('dachuan', '#上报 本月活动')).toBe(
      '大连船舶重工集团有限公司已不在示范点名单中，上报未计入。如有疑问请联系管理员。',
    )
    expect(t.repo.reports.all()).toEqual([])
    expect(await t.ask('boss', '#恢复示范点 4')).toBe(
      '大连船舶重工集团有限公司已恢复为示范点（现有示范点 30 个，本月计入统计 29 个）。',
    )
  })

  it('counts a message delivered twice only once', async () => {
    const t = await network()
    const msg = t.incoming('rixin', '#上报 同一条消息')
    expect(await t.core.handle(msg)).toHaveLength(1)
    expect(await t.core.handle(msg)).toEqual([])
    expect(t.repo.reports.all()).toHaveLength(1)
  })
})

describe('shared articles, files and images', () => {
  const link = (title: string) => ({
    kind: 'url' as const,
    link: { title, url: 'https://mp.weixin.qq.com/s/abc', description: '摘要' },
  })

  it('counts a shared article when the same member sends a bare #上报 within ten minutes after it', async () => {
    const t = await network()
    // A member's article nothing counted yet gets a one-line hint (once a day), privately.
    const [hint, ...more] = await t.core.handle(
      t.incoming('rixin', '', { kind: 'url', share: link('日新街道开展消夏晚会') }),
    )
    expect(more).toEqual([])
    expect(hint).toEqual({
      to: { kind: 'private', id: 'rixin' },
      text: '这篇文章如需计入创建信息，请在 10 分钟内发送 #上报',
    })
    t.setNow('2026-11-24T02:09:00Z')
    expect(await t.ask('rixin', '#上报')).toBe(
      '已收到日新街道的11月创建信息（编号1，含文章《日新街道开展消夏晚会》），本月全市已报 1/30。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    )
    expect(t.repo.reports.get(1)).toMatchObject({
      via: 'share',
      title: '日新街道开展消夏晚会',
      links: [{ title: '日新街道开展消夏晚会', url: 'https://mp.weixin.qq.com/s/abc', description: '摘要' }],
    })
    expect(t.repo.reports.get(1)!.messageIds).toHaveLength(2)
  })

  it('does not join a share older than ten minutes to a bare #上报, and waits for a share instead', async () => {
    const t = await network()
    await t.say('rixin', '', { kind: 'url', share: link('旧文章') })
    t.setNow('2026-11-24T02:11:00Z')
    expect(await t.ask('rixin', '#上报')).toBe(
      '请在 10 分钟内发送日新街道的11月创建信息（文章链接、文件或图片），或写成：#上报 正文',
    )
    expect(t.repo.reports.all()).toEqual([])
    t.setNow('2026-11-24T02:15:00Z')
    const file = {
      kind: 'file' as const,
      name: '11月活动总结.docx',
      load: async () => Buffer.from('docx bytes'),
    }
    expect(await t.ask('rixin', '', { kind: 'file', share: file })).toBe(
      '已收到日新街道的11月创建信息（编号1，含文件《11月活动总结.docx》），本月全市已报 1/30。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    )
    expect(t.repo.reports.get(1)).toMatchObject({
      title: '11月活动总结.docx',
      files: [
        {
          name: '11月活动总结.docx',
          path: expect.stringMatching(/^attachments\/2026-11\/.+-11月活动总结\.docx$/),
          size: 10,
          kind: 'file',
        },
      ],
    })
    // Photos right after the report are added to it, with a short note of what it holds now
    // (merged in the outbox: a burst of photos gets one, see test/transport/outbox.test.ts).
    expect(
      await t.say('rixin', '', {
        kind: 'image',
        share: { kind: 'image', name: 'a.jpg', load: async () => Buffer.from('jpg') },
      }),
    ).toEqual([
      '已加入编号1，现含文件《11月活动总结.docx》、1 张图片。如分享的内容不属于编号1，请发送 #撤回 1 后重新上报。',
    ])
    expect(t.repo.reports.get(1)!.files).toHaveLength(2)
    expect(t.repo.reports.all()).toHaveLength(1)
  })

  it('counts an article whose title carries a keyword without a command, and says how to withdraw it', async () => {
    const t = await network()
    expect(await t.ask('dada', '', { kind: 'url', share: link('大连大学示范点创建信息（十一月）') })).toBe(
      '已收到大连大学的11月创建信息《大连大学示范点创建信息（十一月）》（编号1），本月全市已报 1/30。如非创建信息，发送 #撤回 1',
    )
    // An article that has nothing to do with reporting gets no hint at all.
    expect(await t.say('dada', '', { kind: 'url', share: link('周末去哪儿玩') })).toEqual([])
    expect(t.repo.reports.all()).toHaveLength(1)
    // What follows a counted article waits for its own #上报, and goes into that report.
    const file = { kind: 'file' as const, name: '总结.pdf', load: async () => Buffer.from('pdf') }
    expect(await t.say('dada', '', { kind: 'file', share: file })).toEqual([])
    expect(await t.ask('dada', '#上报')).toBe(
      '已收到大连大学的11月创建信息（编号2，含文章《周末去哪儿玩》、文件《总结.pdf》），本月全市已报 1/30。如分享的内容不属于编号2，请发送 #撤回 2 后重新上报。',
    )
    expect(t.repo.reports.get(2)!.files.map((f) => f.name)).toEqual(['总结.pdf'])
    expect(t.repo.reports.get(2)!.links.map((l) => l.title)).toEqual(['周末去哪儿玩'])
    expect(t.repo.reports.get(1)!.files).toEqual([])
  })

  it('answers an unregistered sharer of a report-like article privately, counts nothing, ignores the rest', async () => {
    const t = await network()
    const out = await t.core.handle(
      t.incoming('stranger', '', { kind: 'url', share: link('示范点创建信息') }),
    )
    expect(out).toEqual([
      {
        to: { kind: 'private', id: 'stranger' },
        text: '您分享的文章没有计入创建信息：您还没有注册。请先私聊发送 #注册 姓名 单位，再分享文章并发送 #上报。',
      },
    ])
    expect(await t.say('stranger', '', { kind: 'url', share: link('冬季防火安全提示') })).toEqual([])
    expect(t.repo.reports.all()).toEqual([])
  })

  it('a #上报 with its own text does not absorb earlier shares; a bare #上报 right after takes them', async () => {
    const t = await network()
    await t.say('rixin', '', { kind: 'url', share: link('学习贯彻全会精神 西岗区妇联在行动') })
    await t.say('rixin', '', { kind: 'url', share: link('转发：冬季防火安全提示') })
    expect(await t.ask('rixin', '#上报 开展安全生产培训')).toBe(
      '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
    )
    expect(t.repo.reports.get(1)!.links).toEqual([])
  })
})

describe('#补报', () => {
  it('counts for last month until the fifth, marked late, and refuses after', async () => {
    const t = await network()
    t.setNow('2026-11-05T15:59:00Z') // 23:59 on 5 November in Dalian
    expect(await t.ask('rixin', '#补报 2026-10 10月28日开展观摩')).toBe(
      '已收到日新街道的10月创建信息（编号1，补报），10月全市已报 1/30。',
    )
    expect(t.repo.reports.get(1)).toMatchObject({ month: '2026-10', late: true, text: '10月28日开展观摩' })
    t.setNow('2026-11-05T16:00:00Z') // 00:00 on 6 November
    expect(await t.ask('rixin', '#补报 2026-10 又一篇')).toBe('2026年10月的补报已于 11月5日截止，未计入。')
    expect(await t.ask('rixin', '#补报 2026-11 本月')).toBe('11月是本月，请直接用 #上报。')
    expect(await t.ask('rixin', '#补报 2026-12 下月')).toBe('2026年12月还没到，不能补报。')
    expect(await t.ask('rixin', '#补报 十月 正文')).toBe('2026年10月的补报已于 11月5日截止，未计入。')
    // The hint names a month #补报 would take: last month, not this one.
    expect(await t.ask('rixin', '#补报 十三月 正文')).toBe(
      '“十三月”不是有效的月份，请写成 2026-10 或 10月 这样的格式。',
    )
    expect(await t.ask('rixin', '#补报')).toBe(
      '请写明补报哪个月，例如：#补报 2026-10 正文\n正确格式：#补报 月份 正文',
    )
    expect(t.repo.reports.all()).toHaveLength(1)
  })
})

describe('#撤回', () => {
  it('lets the submitter, a member of the same site or an admin withdraw; the report stays but stops counting', async () => {
    const t = await network()
    await t.ask('rixin', '#上报 第一篇')
    await t.ask('rixin', '#上报 第二篇')
    await t.ask('dada', '#上报 大大')
    expect(await t.ask('dada', '#撤回 1')).toBe('只有提交人、同单位成员或管理员可以撤回。')
    expect(await t.ask('rixin2', '#撤回 1')).toBe(
      '已撤回编号1（日新街道 11月），不再计入统计。11月全市已报 2/30。',
    )
    expect(await t.ask('rixin', '#撤回 编号2')).toBe(
      '已撤回编号2（日新街道 11月），不再计入统计。11月全市已报 1/30。',
    )
    expect(await t.ask('boss', '#撤回 3')).toBe(
      '已撤回编号3（大连大学 11月），不再计入统计。11月全市已报 0/30。',
    )
    expect(await t.ask('boss', '#撤回 3')).toBe('编号3已经撤回过了。')
    expect(await t.ask('boss', '#撤回 99')).toBe('没有编号为 99 的上报。')
    expect(await t.ask('boss', '#撤回 abc')).toBe(
      '“abc”不是有效的编号，可写 6、6号、第6 或 No.6。\n正确格式：#撤回 编号',
    )
    expect(await t.ask('boss', '#撤回')).toBe(
      // The example is printed once (the hint already carries it).
      '请写上要撤回的上报编号，例如：#撤回 57\n正确格式：#撤回 编号',
    )
    expect(t.repo.reports.all().map((r) => r.withdrawn?.by)).toEqual(['rixin2', 'rixin', 'boss'])
  })
})

describe('#代报', () => {
  it('lets a liaison report for the sites of the district, a leader for the group, an admin for any', async () => {
    const t = await network()
    expect(await t.ask('xg', '#代报 日新街道 日新街道消夏晚会')).toBe(
      '已收到日新街道的11月创建信息（编号1，代报），本月全市已报 1/30。',
    )
    expect(t.repo.reports.get(1)).toMatchObject({
      onBehalf: true,
      submitterId: 'xg',
      text: '日新街道消夏晚会',
      orgId: 'S06',
    })
    expect(await t.ask('xg', '#代报 大大 正文')).toMatch(/^#代报 只能用于您负责的西岗区，不能用于大连大学。/)
    expect(await t.ask('leader', '#代报 7 大连大学正文')).toBe(
      '已收到大连大学的11月创建信息（编号2，代报），本月全市已报 2/30。',
    )
    expect(await t.ask('boss', '#代报 「大连市工青妇“双创”联合体」 双创正文')).toBe(
      '已收到双创联合体的11月创建信息（编号3，代报），本月全市已报 3/30。',
    )
    expect(t.repo.reports.get(3)!.text).toBe('双创正文')
    expect(await t.ask('boss', '#代报 西岗区总工会 正文')).toBe('“大连市西岗区总工会”不是示范点。')
    expect(await t.ask('rixin', '#代报 日新街道 正文')).toBe('#代报 仅限区联络员、组长和管理员使用。')
  })
})
