/**
 * End to end through the production path: PuppetServer (wechaty-puppet-service) on 127.0.0.1
 * wrapping wechaty-puppet-mock, the bot a Wechaty client with a token, the GqfBot plugin on it.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { openRepository } from '../../storage/repository.js'
import { memoryLogger } from '../../src/logger.js'
import { connectBot, World, type BotClient } from '../support/world.js'

const { sites } = builtinRoster()

/** 30 members, one per site, registering the way people type: [姓名, message, 编号, 条线]. */
const REGISTRATIONS: [string, string, number, string | null][] = [
  ['王丽', '#注册 王丽 365中心 妇联', 1, '妇联'],
  ['刘洋', '＃注册 刘洋 得胜街道 团委', 2, '团委'],
  ['陈静', '#注册：陈静 高新党群中心', 3, null],
  ['赵刚', '#注册 赵刚 大船 工会', 4, '工会'],
  ['孙悦', '@bot 注册 孙悦 望海社区', 5, null],
  ['周敏', '#注册 周敏 西岗日新 妇联', 6, '妇联'],
  ['吴磊', '#注册\u3000吴磊\u3000大大\u3000团委', 7, '团委'],
  ['郑红', '#注册 郑红 医大一院工会', 8, '工会'],
  ['冯军', '#注册  冯军   人民路街道', 9, null],
  ['褚静', '#注册 白山路街道 褚静', 10, null],
  ['卫东', '#注册 卫东 辛寨子', 11, null],
  ['蒋芳', '#注册 蒋芳 三家社区 妇联', 12, '妇联'],
  ['沈阳', '#注册 沈阳 黄河社区', 13, null],
  ['韩梅', '#注册 韩梅 椒金山', 14, null],
  ['杨帆', '#注册 杨帆 马桥子街道 团委', 15, '团委'],
  ['朱琳', '#登记 朱琳 金石滩', 16, null],
  ['秦岭', '#注册 秦岭 「大连市工青妇“双创”联合体」', 17, null],
  ['Tanaka', '#注册 Tanaka 东芝 工会', 18, '工会'],
  ['许诺', '#注册 许诺，香川社区，妇联', 19, '妇联'],
  ['何平', '#注册 何平 星海湾', 20, null],
  ['吕良', '#注册 吕良 龙王塘 工会', 21, '工会'],
  ['施雨', '#注册 施雨 石河村', 22, null],
  ['张涛', '#注册 张涛 大连港集团', 23, null],
  ['孔明', '#注册 孔明 文思海辉 团委', 24, '团委'],
  ['曹敏', '#注册 曹敏 25', 25, null],
  ['严冬', '#注册 严冬 李家村', 26, null],
  ['华山', '#注册 华山 旅顺开发区', 27, null],
  ['金花', '#注册 金花 大山村 妇联', 28, '妇联'],
  ['魏巍', '#注册 魏巍 枫叶学院', 29, null],
  ['陶然', '#注册 陶然 泰通', 30, null],
]

const expectedReceipt = (name: string, no: number, line: string | null) => {
  const s = sites[no - 1]!
  return `${name} 注册成功：${s.name}（${s.level}示范点·${GROUP_NAMES[s.group]}${line ? '·' + line : ''}）`
}

describe('registration through the real WeChat path', () => {
  let world: World
  let client: BotClient
  let dataDir: string
  const logger = memoryLogger()

  beforeAll(async () => {
    world = await new World().start()
    dataDir = mkdtempSync(join(tmpdir(), 'gqf-e2e-'))
    const repo = await openRepository(dataDir)
    await repo.ensureAdminCode('E2E-ADMIN-CODE', new Date())
    client = await connectBot(world, { repo, logger })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('finds the coordination room by its topic and remembers it by id', async () => {
    expect(client.repo.room()).toEqual({ id: world.room.id, topic: '大连市工青妇基层组织协同创新发展' })
    await client.handle.idle()
    // login and ready both look for it; it is bound once.
    expect(logger.lines.filter((l) => l.includes('coordination room bound'))).toHaveLength(1)
  })

  it('registers 30 members for the 30 sites, each typed in its own way', async () => {
    const people = REGISTRATIONS.map(([name], i) => world.person(`m${i + 1}`, `微信${name}`))
    await world.replies(
      () =>
        REGISTRATIONS.forEach(([, text], i) => {
          const who = people[i]!
          if (text.startsWith('@bot ')) world.sayToBot(who, text.slice(5))
          else world.say(who, text)
        }),
      REGISTRATIONS.length,
    )
    await client.handle.idle()
    const got = world.roomLog.map((s) => s.text).sort()
    const want = REGISTRATIONS.map(([name, , no, line]) => expectedReceipt(name, no, line)).sort()
    expect(got).toEqual(want)
    expect(got).toContain('周敏 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）')
    expect(got).toContain('秦岭 注册成功：大连市工青妇“双创”联合体（市级示范点·第一组）')
    // Bound by contact id, never by the display name.
    const members = client.repo.members()
    expect(members).toHaveLength(30)
    expect(new Set(members.map((m) => m.orgId)).size).toBe(30)
    expect(client.repo.member('wx-m6')).toMatchObject({ name: '周敏', orgId: 'S06', wechatName: '微信周敏' })
  })

  it('answers bad input verbatim and stores nothing', async () => {
    const before = world.roomLog.length
    const x = world.person('bad', '路人甲')
    const form = '\n正确格式：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联'
    const cases: [string, string][] = [
      ['#注册 张3 日新街道', '姓名“张3”里有数字，请填写真实姓名。' + form],
      ['#注册 李四', '请在姓名“李四”后面写上单位。' + form],
      ['#注册 王五 火星基地', '没有找到单位“火星基地”。发送 #示范点 可查看全部单位和编号。' + form],
      ['#注册 王五 星海湾妇联 团委', '条线只能写一个，您写了“妇联”和“团委”。' + form],
      [
        '#注册 王五 西岗区团委 妇联',
        '“共青团大连市西岗区委员会”属于团委条线，与填写的“妇联”不一致，请核对后重发。' + form,
      ],
      ['#注测 王五', '没有“#注测”这个命令。您是不是要用 #注册？发送 #帮助 查看全部命令。'],
    ]
    for (const [text, reply] of cases) {
      const [answer] = await world.replies(() => world.say(x, text))
      expect(answer?.text, text).toBe(reply)
    }
    const chat = await world.silence(
      client,
      () => world.say(x, '大家好，这个月的活动照片稍后发群里'),
      (marker) => world.say(x, marker),
    )
    expect(chat).toEqual([])
    // The answers to the bad input, and to the marker.
    expect(world.roomLog.length - before).toBe(cases.length + 1)
    expect(client.repo.member('wx-bad')).toBeUndefined()
  })

  it('ignores other rooms and answers private messages', async () => {
    const a = world.person('m1')
    // The private answer comes after the other room's message: by then that one was ignored.
    await world.replies(() => {
      a.say('#帮助').to(world.otherRoom)
      world.dm(a, '#我的信息')
    })
    await client.handle.idle()
    expect(world.otherLog).toEqual([])
    expect(world.privateTo(a)).toEqual([
      '王丽（已实名注册）\n单位：大连市西岗区365外来人员服务中心（省级示范点·第一组·妇联）\n注册时间：' +
        shanghaiDate(client.repo.member(a.id)!.registeredAt),
    ])
  })

  it('handles a message delivered twice only once, and never answers itself', async () => {
    const a = world.person('m2')
    await world.replies(() => world.say(a, '#我的信息'))
    const last = [...world.mocker.cacheMessagePayload.values()].filter((p) => p.talkerId === a.id).at(-1)!
    const again = await world.silence(client, () => world.puppet.emit('message', { messageId: last.id }))
    expect(again).toEqual([])
  })

  it('ignores a message replayed from days ago (older than the one-day window), as puppets do after a re-login', async () => {
    const a = world.person('m2')
    world.mocker.MessageMock.create({
      id: 'replayed-old-1',
      talkerId: a.id,
      roomId: world.room.id,
      text: '#我的信息',
      timestamp: Date.now() - 2 * 86_400_000,
      type: types.Message.Text,
      mentionIdList: [],
    })
    const replayed = await world.silence(client, () =>
      world.puppet.emit('message', { messageId: 'replayed-old-1' }),
    )
    expect(replayed).toEqual([])
  })

  it('greets people who join, in one message that @-mentions them', async () => {
    const admin = world.person('m1')
    const n1 = world.person('new1', '新人一', false)
    const n2 = world.person('new2', '新人二', false)
    const [greeting] = await world.replies(() => world.room.add(n1, n2).by(admin))
    expect(greeting).toEqual({
      conversationId: world.room.id,
      text: '@新人一\u2005@新人二 欢迎加入工作群！请实名注册，发送：\n#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联\n发送 #帮助 查看全部命令。',
      mentionIds: [n1.id, n2.id],
    })
  })

  it('lets an admin appoint a leader, who then sees who is not registered', async () => {
    const boss = world.person('boss', '市总老李')
    await world.replies(() => {
      world.say(boss, '#注册 李建国 市总工会')
      world.dm(boss, '#认证管理员 E2E-ADMIN-CODE')
    }, 2)
    expect(world.privateTo(boss)).toEqual(['认证成功，您已成为管理员。可用 #任命 设置工作组组长和区联络员。'])
    const leader = world.person('m4')
    const [appointed] = await world.replies(() => world.say(boss, '#任命 组长 @微信赵刚 第一组', [leader]))
    expect(appointed?.text).toBe('已任命 赵刚 为第一组组长。')
    await world.replies(() => world.dm(leader, '#未注册'))
    expect(world.privateTo(leader)).toEqual([
      '群内尚未实名注册 3 人：路人甲、新人一、新人二\n示范点均已有人注册。',
    ])
  })

  it('keeps the room by id when its topic changes, across a restart', async () => {
    await client.stop()
    world.room.payload.topic = '工青妇协同群（改名后）'
    client = await connectBot(world, { dataDir })
    expect(client.repo.room()?.id).toBe(world.room.id)
    const a = world.person('m3')
    const [info] = await world.replies(() => world.say(a, '#我的信息'))
    expect(info?.text).toMatch(/^陈静（已实名注册）\n单位：大连高新园区党群服务中心/)
    expect(client.repo.members()).toHaveLength(31)
  })
})
