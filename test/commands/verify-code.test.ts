import { describe, expect, it } from 'vitest'
import type { VerifyCodePort } from '../../src/core/verify-code-port.js'
import { makeCore } from '../support/core.js'

/** A port that records codes; a code is awaited while `asked`. */
function port(asked: boolean) {
  const codes: string[] = []
  const p: VerifyCodePort = { submit: (code) => (asked ? (codes.push(code), 'submitted') : 'not-asked') }
  return { p, codes }
}

async function withAdmin(verifyCode?: VerifyCodePort) {
  const t = await makeCore({
    roomMembers: [{ id: 'admin', name: '管理员老王' }],
    ...(verifyCode ? { verifyCode } : {}),
  })
  await t.repo.ensureAdminCode('TEST-CODE-1', new Date())
  await t.ask('admin', '#注册 王强 市总工会')
  await t.ask('admin', '#认证管理员 TEST-CODE-1')
  const dm = { conversation: { kind: 'private' as const, id: 'admin' } }
  return { ...t, dm }
}

describe('#验证码', () => {
  it('hands an admin’s private code to the login that asks for it', async () => {
    const { p, codes } = port(true)
    const t = await withAdmin(p)
    expect(await t.ask('admin', '#验证码 123456', t.dm)).toBe('验证码已提交，请稍候查看登录是否成功。')
    expect(codes).toEqual(['123456'])
  })

  it('refuses a code in the group, a malformed code, a code nobody asked for, and a connection without codes', async () => {
    const asked = port(true)
    const t = await withAdmin(asked.p)
    expect(await t.ask('admin', '#验证码 123456')).toBe('验证码请私聊机器人发送，不要发在群里。')
    expect(await t.ask('admin', '#验证码 12345', t.dm)).toBe('验证码应为 6 位数字，例如：#验证码 123456')
    expect(asked.codes).toEqual([])
    const idle = await withAdmin(port(false).p)
    expect(await idle.ask('admin', '#验证码 123456', idle.dm)).toBe('当前没有等待输入的验证码。')
    const vanilla = await withAdmin()
    expect(await vanilla.ask('admin', '#验证码 123456', vanilla.dm)).toBe('当前的连接方式不需要验证码。')
  })

  it('is for admins only', async () => {
    const { p, codes } = port(true)
    const t = await withAdmin(p)
    await t.ask('u1', '#注册 张三 日新街道 妇联')
    const reply = await t.ask('u1', '#验证码 123456', { conversation: { kind: 'private', id: 'u1' } })
    expect(reply).not.toContain('已提交')
    expect(codes).toEqual([])
  })
})
