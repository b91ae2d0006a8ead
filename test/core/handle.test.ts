import { holidayCalendar } from '../../src/calendar/chinese-days.js'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../src/core/handle.js'
import { defineCommand } from '../../src/core/types.js'
import { noArgs } from '../../src/core/args.js'
import { memoryLogger } from '../../src/logger.js'
import { openRepository } from '../../storage/repository.js'
import { builtinCommands } from '../../commands/index.js'
import { makeCore } from '../support/core.js'

describe('handle()', () => {
  it('stays silent on chatter, files and links without a command', async () => {
    const t = await makeCore()
    expect(await t.say('u1', '大家好，今天的活动很成功')).toEqual([])
    expect(await t.say('u1', '注册 张三 日新街道')).toEqual([])
    expect(await t.say('u1', '#帮助', { kind: 'url' })).toEqual([])
  })

  it('answers an unknown command with a hint that mentions #帮助', async () => {
    const t = await makeCore()
    expect(await t.ask('u1', '#注测 张三')).toBe(
      '没有“#注测”这个命令。您是不是要用 #注册？发送 #帮助 查看全部命令。',
    )
    expect(await t.ask('u1', '#abc')).toBe('没有“#abc”这个命令。发送 #帮助 查看全部命令。')
    expect(await t.ask('u1', '#')).toBe('请在 # 后面写命令，例如 #帮助。')
  })

  it('takes a command addressed by @-mention without #', async () => {
    const t = await makeCore()
    expect(await t.ask('u1', '注册 张三 日新街道', { mentionSelf: true })).toBe(
      '张三 注册成功：大连市西岗区日新街道（省级示范点·第二组）',
    )
    expect(await t.ask('u2', '', { mentionSelf: true })).toBe(
      '您好，我是工青妇协同助手。发送 #帮助 查看可用命令。',
    )
  })

  it('answers private messages, with a hint for words that are no command', async () => {
    const t = await makeCore()
    const dm = { conversation: { kind: 'private' as const, id: 'u1' } }
    expect(await t.ask('u1', '你好', dm)).toBe('您好，我是工青妇协同助手。发送 #帮助 查看可用命令。')
    expect(await t.ask('u1', '我的信息', dm)).toMatch(/^您还没有实名注册/)
  })

  it('generates #帮助 from the declarations, showing each person only what they may use', async () => {
    const t = await makeCore()
    const listed = (s: string) =>
      [...s.matchAll(/#(\S+)/g)].map((m) => m[1]).filter((w) => !w?.startsWith('帮助 '))
    const newcomer = await t.ask('u1', '#帮助')
    expect(newcomer.split('\n')).toEqual([
      '工青妇协同助手 您可用的命令：',
      '入门：#帮助 #注册 #我的信息 #认证管理员',
      '查询：#单位 #示范点 #截止',
      '请先实名注册：#注册 姓名 单位 [工会|团委|妇联]',
      '例如：#注册 张三 日新街道 妇联',
      '注册后可以上报创建信息、查看统计。',
      '发送“#帮助 命令名”查看用法，例如：#帮助 上报；“#帮助 全部”列出每条命令的说明。',
    ])
    await t.ask('u1', '#注册 张三 日新街道')
    const member = await t.ask('u1', '#帮助')
    expect(member).toContain('上报：#上报 #补报 #撤回\n')
    expect(member).not.toContain('#代报')
    expect(member).not.toContain('#任命')
    await t.repo.ensureAdminCode('CODE-123', new Date())
    await t.ask('u1', '#认证管理员 CODE-123')
    const admin = await t.ask('u1', '#帮助')
    // An admin may use every command, and the overview stays phone-length.
    for (const c of t.core.registry.all()) expect(admin).toContain(`#${c.name}`)
    expect(admin.split('\n').length).toBeLessThanOrEqual(8)
    const full = await t.ask('u1', '#帮助 全部')
    expect(full).toContain('#任命 组长|联络员|管理员 @某人 [第N组|区名]\n  任命工作组组长、区联络员或管理员')
    expect(listed(full).length).toBeGreaterThan(20)
  })

  it('explains one command with #帮助 <命令>', async () => {
    const t = await makeCore()
    expect(await t.ask('u1', '#帮助 注册')).toBe(
      [
        '#注册 姓名 单位 [工会|团委|妇联]',
        '实名注册：绑定姓名和所在单位。',
        '单位可写全称、简称或编号（发送 #示范点 查看编号）。',
        '区市县总工会、团委、妇联的同志可直接写单位，条线会自动识别。',
        '再次注册即为修改，历史记录会保留。',
        '也可写作：#实名注册、#登记、#实名',
        '例如：',
        '#注册 张三 日新街道 妇联',
        '#注册 李四 大船 工会',
        '#注册 王五 西岗区总工会',
        '#注册 赵六 12',
      ].join('\n'),
    )
    expect(await t.ask('u1', '#帮助 #任命')).toMatch(
      /^#任命 组长\|联络员\|管理员 @某人 \[第N组\|区名\]（仅限管理员）/,
    )
    expect(await t.ask('u1', '#帮助 飞行')).toBe('没有“飞行”这个命令。发送 #帮助 查看全部命令。')
  })

  it('turns an unexpected error into 系统繁忙 and logs the message id and command', async () => {
    const repo = await openRepository(null)
    const logger = memoryLogger()
    const boom = defineCommand({
      name: '爆炸',
      aliases: [],
      usage: '#爆炸',
      summary: '测试',
      details: [],
      examples: [],
      category: 'start',
      requires: [],
      args: noArgs,
      run: () => {
        throw new Error('kaboom')
      },
    })
    const core = createCore(
      {
        repo,
        clock: () => new Date(),
        logger,
        directory: { roomMembers: async () => [] },
        calendar: holidayCalendar(repo.holidays),
      },
      [boom],
    )
    const replies = await core.handle({
      id: 'msg-42',
      conversation: { kind: 'room', id: 'r@chatroom' },
      senderId: 'u1',
      senderName: 'x',
      text: '#爆炸',
      kind: 'text',
      mentionSelf: false,
      mentions: [],
      at: new Date(),
    })
    expect(replies).toEqual([{ text: '系统繁忙，请稍后再试。' }])
    expect(
      logger.lines.some(
        (l) => l.includes('handler failed') && l.includes('msg=msg-42') && l.includes('command=爆炸'),
      ),
    ).toBe(true)
  })

  it('refuses duplicate command names and aliases at startup', async () => {
    const repo = await openRepository(null)
    const [help] = builtinCommands()
    const twin = { ...help!, name: '求助', aliases: ['help'] }
    expect(() =>
      createCore(
        {
          repo,
          clock: () => new Date(),
          logger: memoryLogger(),
          directory: { roomMembers: async () => [] },
          calendar: holidayCalendar(repo.holidays),
        },
        [help!, twin],
      ),
    ).toThrow('命令名重复：“help”同时属于 #帮助 和 #求助')
  })
})

describe('sites and organisations', () => {
  it('lists the sites of a group with their numbers', async () => {
    const t = await makeCore()
    expect(await t.ask('u1', '#示范点 第三组')).toBe(
      [
        '第三组示范点 10 个：',
        '9. 大连市中山区人民路街道（省级）',
        '10. 大连市沙河口区白山路街道（省级）',
        '11. 大连市甘井子区辛寨子街道（省级）',
        '12. 大连金普新区炮台街道三家社区（省级）',
        '25. 大连市西岗区八一路街道（市级）',
        '26. 大连市甘井子大连湾李家村（市级）',
        '27. 大连市旅顺口区经济技术开发区（市级）',
        '28. 大连高新区凌水街道大山村（市级）',
        '29. 大连枫叶职业技术学院（市级）',
        '30. 泰通建设集团有限公司（市级）',
      ].join('\n'),
    )
    const all = await t.ask('u1', '#示范点')
    expect(all.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(30)
    expect(await t.ask('u1', '#示范点 火星')).toBe(
      '无法按“火星”筛选。可写：第一组、第二组、第三组、省级、市级或区名。',
    )
  })

  it('shows one organisation with who registered for it', async () => {
    const t = await makeCore()
    await t.ask('u1', '#注册 张三 医大一院 团委')
    expect(await t.ask('u2', '#单位 附一院')).toBe(
      '大连医科大学附属第一医院\n编号 8·省级示范点·第二组·西岗区\n也可写作：医大一院、大医一院、医大附一院、大连医大一院、医科大学附属第一医院、大连医科大学附一院\n已注册：张三（团委）',
    )
  })
})

describe('#帮助 hints', () => {
  it('says who may use a command', async () => {
    const t = await makeCore()
    expect((await t.ask('u1', '#帮助 统计')).split('\n')[0]).toBe(
      '#统计 [第N组|区名|省级|市级] [月份] [详细]（需先实名注册）',
    )
    expect((await t.ask('u1', '#帮助 上报')).split('\n')[0]).toBe('#上报 正文（限示范点已注册成员）')
    expect((await t.ask('u1', '#帮助 代报')).split('\n')[0]).toBe(
      '#代报 单位 [月份] 正文（仅限区联络员、组长和管理员）',
    )
    expect((await t.ask('u1', '#帮助 示范点')).split('\n')[0]).toBe('#示范点 [第N组|省级|市级|区名]')
  })
})
