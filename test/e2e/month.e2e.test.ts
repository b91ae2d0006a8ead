/**
 * A simulated November 2026 through the production path: members of many sites report with
 * text, shared articles, files and photos, the way people do; then #统计 and #未报 are asserted
 * exactly. The bot's clock and the messages' times follow the simulated calendar.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openRepository } from '../../storage/repository.js'
import { connectBot, World, type BotClient } from '../support/world.js'

/** A moment in Dalian: '11-03 09:00' → 2026-11-03T01:00:00Z. */
const at = (md: string) => {
  const [date, time] = md.split(' ')
  const [mo, d] = date!.split('-').map(Number)
  const [h, mi, s = 0] = time!.split(':').map(Number)
  return new Date(Date.UTC(2026, mo! - 1, d!, h! - 8, mi!, s))
}

describe('a month of reports through the real WeChat path', () => {
  let world: World
  let client: BotClient
  let dataDir: string
  let now = at('11-01 08:00')
  const texts = () => world.roomLog.map((s) => s.text)

  // 编号 of the sites whose people are in the group, and who they are.
  const PEOPLE: [key: string, name: string, org: string][] = [
    ['rixin', '周敏', '日新街道'],
    ['dada', '吴磊', '大连大学'],
    ['dachuan', '赵刚', '大船'],
    ['sanjia', '蒋芳', '三家社区'],
    ['wanghai', '孙悦', '望海社区'],
    ['c365', '王丽', '365中心'],
    ['desheng', '刘洋', '得胜街道'],
    ['renmin', '冯军', '人民路街道'],
    ['baishan', '褚静', '白山路'],
    ['jiaojin', '韩梅', '椒金山'],
    ['xiangchuan', '许诺', '香川社区'],
    ['gang', '张涛', '大连港'],
    ['fengye', '魏巍', '枫叶学院'],
    ['yida', '郑红', '医大一院'],
    ['wensi', '孔明', '文思海辉'],
    ['xinghai', '何平', '星海湾'],
    ['xinzhai', '卫东', '辛寨子'],
    ['longwang', '吕良', '龙王塘'],
    ['xg', '李四', '西岗区总工会'],
    ['boss', '王强', '市总工会'],
  ]

  beforeAll(async () => {
    world = await new World().start()
    dataDir = mkdtempSync(join(tmpdir(), 'gqf-month-'))
    const repo = await openRepository(dataDir, now)
    await repo.ensureAdminCode('MONTH-ADMIN', now)
    client = await connectBot(world, { repo, clock: () => now, sendIntervalMs: 250 })
    await world.replies(() => {
      for (const [key, name, org] of PEOPLE) {
        world.post(world.person(key, `微信${name}`), now, { text: `#注册 ${name} ${org}` })
      }
      world.post(world.person('boss'), now, { text: '#认证管理员 MONTH-ADMIN' })
    }, PEOPLE.length + 1)
    const [appointed] = await world.replies(() =>
      world.post(world.person('boss'), now, { text: '#任命 联络员 李四 西岗区' }),
    )
    expect(client.repo.members()).toHaveLength(20)
    expect(appointed?.text).toBe('已任命 李四 为西岗区联络员。')
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  const post = (key: string, when: string, what: Parameters<World['post']>[2]) => {
    now = at(when)
    return world.post(world.person(key), now, what)
  }
  /** Posts and resolves with the text of the bot's answer. */
  const answer = async (key: string, when: string, what: Parameters<World['post']>[2]) =>
    (await world.replies(() => post(key, when, what)))[0]?.text
  /** Posts something the bot must not answer; resolves with what it sent anyway (a marker by the admin follows). */
  const unanswered = (key: string, when: string, what: Parameters<World['post']>[2]) =>
    world.silence(
      client,
      () => post(key, when, what),
      (marker) => world.post(world.person('boss'), now, { text: marker }),
    )

  it('counts text, links, files, photos, keyword articles and reports on behalf, each with its receipt', async () => {
    expect(
      await answer('rixin', '11-03 09:00', { text: '#上报 11月2日，日新街道开展“巾帼心向党”主题宣讲。' }),
    ).toBe('已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。')

    const [link] = await world.replies(() =>
      post('dada', '11-03 10:00', {
        link: {
          title: '大连大学工会开展教职工健步走',
          url: 'https://mp.weixin.qq.com/s/dada',
          description: '健步走活动',
        },
      }),
    )
    // A link without #上报 waits, with a hint (once a day per member) to the sharer only.
    expect(link).toMatchObject({
      conversationId: world.person('dada').id,
      text: '这篇文章如需计入创建信息，请在 10 分钟内发送 #上报',
    })
    expect(await answer('dada', '11-03 10:05', { text: '#上报' })).toBe(
      '已收到大连大学的11月创建信息（编号2，含文章《大连大学工会开展教职工健步走》），本月全市已报 2/30。如分享的内容不属于编号2，请发送 #撤回 2 后重新上报。',
    )

    const docx = Buffer.from('PK\u0003\u0004 大船工会11月工作总结')
    // A file without #上报 waits silently (only an article gets a hint).
    expect(
      await unanswered('dachuan', '11-05 14:00', { file: { name: '大船工会11月工作总结.docx', data: docx } }),
    ).toEqual([])
    expect(await answer('dachuan', '11-05 14:03', { text: '#上报' })).toBe(
      '已收到大船的11月创建信息（编号3，含文件《大船工会11月工作总结.docx》），本月全市已报 3/30。如分享的内容不属于编号3，请发送 #撤回 3 后重新上报。',
    )
    const saved = client.repo.reports.get(3)!.files[0]!
    expect(saved.name).toBe('大船工会11月工作总结.docx')
    expect(readFileSync(join(dataDir, saved.path))).toEqual(docx)

    const article = await answer('sanjia', '11-08 09:30', {
      link: {
        title: '三家社区示范点创建信息：邻里节',
        url: 'https://mp.weixin.qq.com/s/sanjia',
        description: '邻里节',
      },
    })
    expect(article).toBe(
      '已收到三家社区的11月创建信息《三家社区示范点创建信息：邻里节》（编号4），本月全市已报 4/30。如非创建信息，发送 #撤回 4',
    )

    expect(await answer('wanghai', '11-10 15:00', { text: '#上报' })).toBe(
      '请在 10 分钟内发送望海社区的11月创建信息（文章链接、文件或图片），或写成：#上报 正文',
    )
    const photo = await answer('wanghai', '11-10 15:02', {
      file: { name: 'IMG_2041.jpg', data: Buffer.from('jpeg-1'), image: true },
    })
    expect(photo).toBe(
      '已收到望海社区的11月创建信息（编号5，含 1 张图片），本月全市已报 5/30。如分享的内容不属于编号5，请发送 #撤回 5 后重新上报。',
    )
    const next = await answer('wanghai', '11-10 15:03', {
      file: { name: 'IMG_2042.jpg', data: Buffer.from('jpeg-2'), image: true },
    })
    expect(next).toBe('已加入编号5，现含 2 张图片。如分享的内容不属于编号5，请发送 #撤回 5 后重新上报。') // the next photo joins the report, with a short note
    expect(client.repo.reports.get(5)!.files.map((f) => f.name)).toEqual(['IMG_2041.jpg', 'IMG_2042.jpg'])
    expect(existsSync(join(dataDir, client.repo.reports.get(5)!.files[1]!.path))).toBe(true)

    expect(await answer('xg', '11-12 11:00', { text: '#代报 黄河社区 黄河社区开展垃圾分类宣传' })).toBe(
      '已收到黄河社区的11月创建信息（编号6，代报），本月全市已报 6/30。',
    )

    // Time moves on between messages: each is answered before the next day's.
    for (const [key, when, text] of [
      ['wensi', '11-13 09:00', '#上报 文思海辉团委青年读书会'],
      ['wensi', '11-13 09:10', '#上报 文思海辉工会篮球赛'],
      ['rixin', '11-14 09:00', '#上报 日新街道第二篇（重复）'],
    ] as const) {
      await answer(key, when, { text })
    }
    expect(await answer('rixin', '11-14 09:01', { text: '#撤回 9' })).toBe(
      '已撤回编号9（日新街道 11月），不再计入统计。11月全市已报 7/30。',
    )
  })

  it('coalesces the receipts of many reports arriving at once', async () => {
    const burst = ['c365', 'desheng', 'renmin', 'baishan', 'jiaojin', 'xiangchuan', 'gang', 'fengye']
    const before = world.roomLog.length
    for (const key of burst) post(key, '11-16 10:00', { text: '#上报 本月活动' })
    // The last receipt carries the full count; then nothing more is on its way.
    await world.puppet.whenSent(
      () =>
        texts()
          .slice(before)
          .some((t) => t.includes('15/30')),
      'the last receipt',
    )
    await client.handle.idle()
    const receipts = texts().slice(before)
    expect(receipts.length).toBeLessThan(burst.length)
    expect(receipts.at(-1)).toMatch(/^已收到：.+ 的11月创建信息（本月全市已报 15\/30）$/)
    const named = receipts.join('\n')
    for (const site of [
      '365外来人员服务中心',
      '得胜街道',
      '人民路街道',
      '白山路街道',
      '椒金山街道',
      '香川社区',
      '大连港',
      '枫叶学院',
    ]) {
      expect(named).toContain(site)
    }
  })

  it('attributes reports around midnight at the month end to the month in Dalian', async () => {
    expect(await answer('yida', '11-30 23:59:30', { text: '#上报 医大一院月末义诊' })).toBe(
      '已收到医大一院的11月创建信息（编号18），本月全市已报 16/30。',
    )
    expect(await answer('xinghai', '12-01 00:00:30', { text: '#上报 星海湾街道新年第一篇' })).toBe(
      '已收到星海湾街道的12月创建信息（编号19），本月全市已报 1/30。',
    )
  })

  it('never counts a replayed message twice', async () => {
    const count = client.repo.reports.all().length
    const id = [...world.mocker.cacheMessagePayload.values()].find(
      (p) => p.text === '#上报 医大一院月末义诊',
    )!.id
    const replayed = await world.silence(
      client,
      () => world.puppet.emit('message', { messageId: id }),
      (marker) => world.post(world.person('boss'), now, { text: marker }),
    )
    expect(replayed).toEqual([])
    expect(client.repo.reports.all()).toHaveLength(count)
  })

  it('answers #统计 for the month exactly', async () => {
    expect(await answer('boss', '12-01 00:01', { text: '#统计 2026-11 详细' })).toBe(
      [
        '2026年11月创建信息：全市已报 16/30',
        '省级 10/12，市级 6/18',
        '【第一组】5/10',
        '✅ 365外来人员服务中心 1篇',
        '✅ 得胜街道 1篇',
        '❌ 高新园区党群服务中心',
        '✅ 大船 1篇',
        '✅ 黄河社区 1篇',
        '✅ 椒金山街道 1篇',
        '❌ 马桥子街道',
        '❌ 金石滩街道',
        '❌ 双创联合体',
        '❌ 东芝大连',
        '【第二组】7/10',
        '✅ 望海社区 1篇',
        '✅ 日新街道 1篇',
        '✅ 大连大学 1篇',
        '✅ 医大一院 1篇',
        '✅ 香川社区 1篇',
        '❌ 星海湾街道',
        '❌ 龙王塘街道',
        '❌ 石河村',
        '✅ 大连港 1篇',
        '✅ 文思海辉 2篇',
        '【第三组】4/10',
        '✅ 人民路街道 1篇',
        '✅ 白山路街道 1篇',
        '❌ 辛寨子街道',
        '✅ 三家社区 1篇',
        '❌ 八一路街道',
        '❌ 李家村',
        '❌ 旅顺开发区',
        '❌ 大山村',
        '✅ 枫叶学院 1篇',
        '❌ 泰通建设',
      ].join('\n'),
    )
    // Without 详细, what fits a phone screen: the figures and the sites behind by group.
    expect(await answer('boss', '12-01 00:01', { text: '#统计 2026-11' })).toBe(
      [
        '2026年11月创建信息：全市已报 16/30',
        '省级 10/12，市级 6/18',
        '第一组 5/10，第二组 7/10，第三组 4/10',
        '共 17 篇',
        '未报（14）：',
        '第一组（5）：高新园区党群服务中心、马桥子街道、金石滩街道、双创联合体、东芝大连',
        '第二组（3）：星海湾街道、龙王塘街道、石河村',
        '第三组（6）：辛寨子街道、八一路街道、李家村、旅顺开发区、大山村、泰通建设',
        '逐个示范点及篇数：#统计 2026-11 详细',
      ].join('\n'),
    )
  })

  it('answers #未报 with one message that @-mentions the registered people of the sites behind', async () => {
    const [said] = await world.replies(() => post('boss', '12-01 00:02', { text: '#未报 2026-11' }))
    expect(said?.text).toBe(
      [
        '@微信何平\u2005@微信吕良\u2005@微信卫东 全市 2026年11月尚未上报创建信息的示范点 14 个：',
        // Each site once (it was listed twice: by group and again under 尚无人注册).
        '第一组（5）：高新园区党群服务中心*、马桥子街道*、金石滩街道*、双创联合体*、东芝大连*',
        '第二组（3）：星海湾街道、龙王塘街道、石河村*',
        '第三组（6）：辛寨子街道、八一路街道*、李家村*、旅顺开发区*、大山村*、泰通建设*',
        '* 尚无人注册，无法 @',
        '请抓紧上报（补报截至 12月5日）。',
      ].join('\n'),
    )
    expect(said?.mentionIds).toEqual(['wx-xinghai', 'wx-longwang', 'wx-xinzhai'])
  })

  it('keeps every acknowledged report across a restart', async () => {
    const acknowledged = client.repo.reports.all().map((r) => [r.no, r.orgId, r.month, r.withdrawn !== null])
    await client.stop()
    const reopened = await openRepository(dataDir)
    expect(reopened.reports.all().map((r) => [r.no, r.orgId, r.month, r.withdrawn !== null])).toEqual(
      acknowledged,
    )
    expect(existsSync(join(dataDir, 'reports', '2026-11.json'))).toBe(true)
    expect(existsSync(join(dataDir, 'reports', '2026-12.json'))).toBe(true)
  })
})
