import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

async function withAdmin() {
  const t = await makeCore({
    roomMembers: [
      { id: 'admin', name: '管理员老王' },
      { id: 'u1', name: '小张' },
      { id: 'u2', name: '李师傅' },
      { id: 'u3', name: 'Tom' },
    ],
  })
  await t.repo.ensureAdminCode('TEST-CODE-1', new Date())
  await t.ask('admin', '#注册 王强 市总工会')
  expect(await t.ask('admin', '#认证管理员 TEST-CODE-1')).toBe(
    '认证成功，您已成为管理员。可用 #任命 设置工作组组长和区联络员。',
  )
  await t.ask('u1', '#注册 张三 日新街道 妇联')
  await t.ask('u2', '#注册 李四 西岗区总工会')
  return t
}

describe('the one-time admin code', () => {
  it('makes the first holder admin and is used up', async () => {
    const t = await withAdmin()
    expect(t.repo.roles('admin').map((g) => g.role)).toEqual(['admin'])
    expect(await t.ask('u1', '#认证管理员 TEST-CODE-1')).toBe(
      '该认证码已被使用。如需新的认证码，请运维人员在服务器上停止机器人后运行 npm run admin-code。',
    )
    expect(await t.ask('admin', '#认证管理员 TEST-CODE-1')).toBe('您已经是管理员。')
  })

  it('generates a readable code when none is preset, once', async () => {
    const t = await makeCore()
    const first = await t.repo.ensureAdminCode(undefined, new Date())
    expect(first.generated).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
    expect((await t.repo.ensureAdminCode(undefined, new Date())).generated).toBeNull()
    expect(await t.ask('u1', `#认证管理员 ${first.generated!.toLowerCase()}`)).toBe(
      '认证成功，您已成为管理员。可用 #任命 设置工作组组长和区联络员。',
    )
  })

  it('locks a contact out after five wrong codes', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('RIGHT-CODE', new Date())
    for (let i = 0; i < 5; i++)
      expect(await t.ask('x', '#认证管理员 WRONG1')).toBe(
        '认证码不正确。认证码在机器人首次启动时显示一次；如已找不到，请运维人员在服务器上停止机器人后运行 npm run admin-code 生成新码。',
      )
    expect(await t.ask('x', '#认证管理员 RIGHT-CODE')).toBe('认证失败次数过多，请 10 分钟后再试。')
    expect(t.repo.roles('x')).toEqual([])
  })

  it('asks for the code when it is missing', async () => {
    const t = await makeCore()
    expect(await t.ask('x', '#认证管理员')).toBe(
      '请写上认证码。\n正确格式：#认证管理员 认证码\n例如：#认证管理员 ABCD-2345',
    )
  })
})

describe('appointing leaders and liaisons', () => {
  it('appoints by @-mention or by registered name, with the scope the role needs', async () => {
    const t = await withAdmin()
    const mention = { mentions: [{ id: 'u1', name: '小张' }] }
    expect(await t.ask('admin', '#任命 组长 @小张 第一组', mention)).toBe('已任命 张三 为第一组组长。')
    expect(await t.ask('admin', '#任命 联络员 李四 西岗')).toBe('已任命 李四 为西岗区联络员。')
    expect(await t.ask('admin', '#任命 组长 @小张 一组', mention)).toBe('张三 已是第一组组长。')
    expect(await t.ask('admin', '#任命 组长 @小张', mention)).toBe(
      '组长需指定工作组：第一组、第二组或第三组。',
    )
    expect(await t.ask('admin', '#任命 联络员 李四')).toMatch(/^联络员需指定区市县，可选：中山区、西岗区/)
    expect(await t.ask('admin', '#任命 组长 王二麻 第二组')).toBe(
      '没有找到已注册的“王二麻”。请 @ 此人，或请其先发送 #注册。',
    )
    expect(await t.ask('admin', '#任命 班长 李四')).toBe('没有“班长”这个角色，可任命：组长、联络员、管理员。')
    expect(await t.ask('admin', '#任命 组长 @Tom 第二组', { mentions: [{ id: 'u3', name: 'Tom' }] })).toBe(
      'Tom 尚未实名注册，请其先发送 #注册。',
    )
    expect(await t.ask('admin', '#角色')).toBe(
      '角色名单：\n王强：管理员\n张三：第一组组长\n李四：西岗区联络员',
    )
  })

  it('lets only admins appoint, and says who may', async () => {
    const t = await withAdmin()
    expect(await t.ask('u1', '#任命 组长 李四 第一组')).toBe('#任命 仅限管理员使用。')
    expect(t.repo.roles('u2')).toEqual([])
  })

  it('dismisses, but never the last admin', async () => {
    const t = await withAdmin()
    await t.ask('admin', '#任命 组长 张三 第二组')
    expect(await t.ask('admin', '#免职 组长 张三')).toBe('已免去 张三 的第二组组长。')
    expect(await t.ask('admin', '#免职 组长 张三')).toBe('张三 不是组长。')
    expect(await t.ask('admin', '#免职 管理员 王强')).toBe('不能免去最后一位管理员。')
    expect(t.repo.roles('admin')).toHaveLength(1)
  })

  it('gives nothing to someone who renames themselves after a leader', async () => {
    const t = await withAdmin()
    await t.ask('admin', '#任命 组长 张三 第一组')
    // Another contact takes the leader's WeChat name and real name: roles stay with the contact id.
    const impostor = { senderName: '小张' }
    await t.ask('u9', '#注册 张三 白山路', impostor)
    expect(await t.ask('u9', '#未注册', impostor)).toBe('#未注册 仅限区联络员、组长和管理员使用。')
    expect(await t.ask('u1', '#未注册')).toMatch(/^群内尚未实名注册 1 人：Tom\n/)
  })
})

describe('permissions on lists', () => {
  it('lists unregistered members and sites nobody registered for, to liaisons and above', async () => {
    const t = await withAdmin()
    // By working group on a phone screen; every 编号 and full name one word away.
    const text = await t.ask('admin', '#未注册')
    expect(text.split('\n').slice(0, 3)).toEqual([
      '群内尚未实名注册 1 人：Tom',
      '尚无人注册的示范点 29 个：',
      '第一组（10）：365外来人员服务中心、得胜街道、高新园区党群服务中心、大船、黄河社区、椒金山街道、马桥子街道、金石滩街道、双创联合体、东芝大连',
    ])
    expect(text.split('\n')).toHaveLength(6)
    expect(text.split('\n').at(-1)).toBe('编号和全称：#未注册 详细')
    expect(text).not.toContain('日新街道')
    const full = await t.ask('admin', '#未注册 详细')
    expect(full.split('\n').slice(0, 3)).toEqual([
      '群内尚未实名注册 1 人：',
      '1. Tom',
      '尚无人注册的示范点 29 个：',
    ])
    expect(full).not.toContain('日新街道')
    expect(await t.ask('u1', '#未注册')).toBe('#未注册 仅限区联络员、组长和管理员使用。')
    expect(await t.ask('nobody', '#我的信息')).toMatch(/^您还没有实名注册/)
  })

  it('asks unregistered people to register before member commands', async () => {
    const t = await makeCore()
    // #我的信息 is open to all; a member-only command is refused with the registration form.
    expect(await t.ask('x', '#角色')).toBe('#角色 仅限区联络员、组长和管理员使用。')
  })
})
