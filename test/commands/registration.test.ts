import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

describe('#注册', () => {
  it('binds the sender id to a real name and the full name of the organisation', async () => {
    const { ask, repo } = await makeCore()
    expect(await ask('u1', '#注册 张三 日新街道 妇联')).toBe(
      '张三 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）',
    )
    expect(repo.member('u1')).toMatchObject({
      name: '张三',
      orgId: 'S06',
      line: '妇联',
      wechatName: '微信昵称u1',
    })
  })

  it('infers the line of a district organisation', async () => {
    const { ask } = await makeCore()
    expect(await ask('u1', '#注册 王五 西岗区总工会')).toBe(
      '王五 注册成功：大连市西岗区总工会（西岗区·工会）',
    )
    expect(await ask('u2', '#注册 赵六 市妇联')).toBe('赵六 注册成功：大连市妇女联合会（市级·妇联）')
  })

  it('updates on a second registration and keeps the history', async () => {
    const { ask, repo } = await makeCore()
    await ask('u1', '#注册 张三 日新街道 妇联')
    expect(await ask('u1', '#注册 张三 大大')).toBe(
      '张三 注册信息已更新：大连大学（省级示范点·第二组）。原为：大连市西岗区日新街道（妇联）',
    )
    expect(repo.member('u1')?.history).toEqual([
      { name: '张三', orgId: 'S06', line: '妇联', at: '2026-11-24T02:00:00.000Z' },
    ])
    expect(await ask('u1', '#注册 张三 大大')).toBe(
      '张三 已注册为：大连大学（省级示范点·第二组），无需重复注册。',
    )
    expect(repo.member('u1')?.history).toHaveLength(1)
  })

  it('answers bad input with what was wrong and the right form, and stores nothing', async () => {
    const { ask, repo } = await makeCore()
    const form = '\n正确格式：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联'
    expect(await ask('u1', '#注册')).toBe('请写上姓名和单位。' + form)
    expect(await ask('u1', '#注册 张三')).toBe('请在姓名“张三”后面写上单位。' + form)
    expect(await ask('u1', '#注册 张3 日新街道')).toBe('姓名“张3”里有数字，请填写真实姓名。' + form)
    expect(await ask('u1', '#注册 张三😀 日新街道')).toBe('姓名里有表情符号，请填写真实姓名。' + form)
    expect(await ask('u1', '#注册 张 日新街道')).toBe('姓名“张”长度不对，应为 2–20 个字。' + form)
    expect(await ask('u1', '#注册 张三 火星基地')).toBe(
      '没有找到单位“火星基地”。发送 #示范点 可查看全部单位和编号。' + form,
    )
    expect(await ask('u1', '#注册 张三 辛赛子街道')).toBe(
      '没有找到单位“辛赛子街道”。您是不是指：\n11. 大连市甘井子区辛寨子街道\n15. 大连金普新区马桥子街道' +
        form,
    )
    expect(await ask('u1', '#注册 张三 中山区')).toBe(
      '“中山区”对应多个单位，请写全称或编号：\n5. 大连市中山区桂林街道望海社区\n9. 大连市中山区人民路街道\n104. 大连市中山区总工会\n105. 共青团大连市中山区委员会\n106. 大连市中山区妇女联合会' +
        form,
    )
    expect(repo.members()).toEqual([])
  })

  it('accepts the number from a candidate list', async () => {
    const { ask } = await makeCore()
    expect(await ask('u1', '#注册 张三 9')).toBe('张三 注册成功：大连市中山区人民路街道（省级示范点·第三组）')
  })
})

describe('#我的信息', () => {
  it('shows the registration, or how to register', async () => {
    const { ask } = await makeCore()
    expect(await ask('u1', '#我的信息')).toBe(
      '您还没有实名注册。请发送：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联',
    )
    await ask('u1', '#注册 张三 大船 工会')
    expect(await ask('u1', '#我的信息')).toBe(
      '张三（已实名注册）\n单位：大连船舶重工集团有限公司（省级示范点·第一组·工会）\n注册时间：2026-11-24',
    )
  })
})

describe('greeting newcomers', () => {
  it('greets the people who joined in one message, and nobody twice', async () => {
    const { core } = await makeCore()
    const first = await core.greet([
      { id: 'a', name: '甲' },
      { id: 'b', name: '乙' },
    ])
    expect(first).toEqual([
      {
        text: '欢迎加入工作群！请实名注册，发送：\n#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联\n发送 #帮助 查看全部命令。',
        mentionIds: ['a', 'b'],
      },
    ])
    expect(await core.greet([{ id: 'a', name: '甲' }])).toEqual([])
  })
})
