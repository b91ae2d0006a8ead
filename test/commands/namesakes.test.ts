import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

async function twoZhangSan() {
  const t = await makeCore()
  await t.repo.ensureAdminCode('TEST-CODE-1', new Date())
  await t.ask('admin', '#注册 王强 市总工会')
  await t.ask('admin', '#认证管理员 TEST-CODE-1')
  await t.ask('a', '#注册 张三 市总工会')
  const second = await t.ask('b', '#注册 张三 日新街道 妇联')
  await t.ask('q', '#注册 钱进 白山路街道')
  return { t, second }
}

describe('appointing by a name typed after @, as the console group and README write it', () => {
  it('takes `@钱进` without a real mention as the registered name (the original input)', async () => {
    const { t } = await twoZhangSan()
    expect(await t.ask('admin', '#任命 组长 @钱进 第二组')).toBe('已任命 钱进 为第二组组长。')
  })

  it('takes a WeChat display name typed after @ by hand', async () => {
    const { t } = await twoZhangSan()
    // makeCore's senders are shown as 微信昵称<id>.
    expect(await t.ask('admin', '#任命 组长 @微信昵称q 第一组')).toBe('已任命 钱进 为第一组组长。')
  })

  it('still prefers the real mention when the client sent one', async () => {
    const { t } = await twoZhangSan()
    const mention = { mentions: [{ id: 'q', name: '老钱' }] }
    expect(await t.ask('admin', '#任命 组长 @老钱 第三组', mention)).toBe('已任命 钱进 为第三组组长。')
  })
})

describe('two registered 张三', () => {
  it('tells the second one at registration that the name is shared', async () => {
    const { second } = await twoZhangSan()
    expect(second).toBe(
      '张三 注册成功：大连市西岗区日新街道（省级示范点·第二组·妇联）\n' +
        '提示：已有其他同名的“张三”（大连市总工会）。任命等操作中会以“张三（单位）”区分，被 @ 时请留意。',
    )
  })

  it('lists both with their units when the name alone is ambiguous', async () => {
    const { t } = await twoZhangSan()
    expect(await t.ask('admin', '#任命 组长 @张三 第二组')).toBe(
      [
        '已注册的“张三”有 2 位：',
        '1. 张三（大连市总工会）',
        '2. 张三（日新街道）',
        '请 @ 此人，或在姓名后写明单位，例如：张三（日新街道）',
      ].join('\n'),
    )
    expect(t.repo.roles('b')).toEqual([])
  })

  it('appoints the one named with the unit in brackets, full-width or not', async () => {
    const { t } = await twoZhangSan()
    expect(await t.ask('admin', '#任命 组长 张三（日新街道） 第二组')).toBe(
      '已任命 张三（日新街道） 为第二组组长。',
    )
    expect(t.repo.roles('b').map((g) => g.role)).toEqual(['leader'])
    expect(t.repo.roles('a')).toEqual([])
    expect(await t.ask('admin', '#任命 联络员 张三(市总工会) 西岗区')).toBe(
      '已任命 张三（大连市总工会） 为西岗区联络员。',
    )
    expect(t.repo.roles('a').map((g) => g.role)).toEqual(['liaison'])
  })

  it('appoints by the unit written as a separate word, or any name the roster knows for it', async () => {
    const { t } = await twoZhangSan()
    expect(await t.ask('admin', '#任命 组长 张三 日新 第二组')).toBe('已任命 张三（日新街道） 为第二组组长。')
    expect(t.repo.roles('b').map((g) => g.role)).toEqual(['leader'])
    expect(await t.ask('admin', '#免职 组长 张三（大连市西岗区日新街道） 第二组')).toContain('张三')
    expect(t.repo.roles('b')).toEqual([])
  })

  it('says which units exist when the unit matches neither', async () => {
    const { t } = await twoZhangSan()
    expect(await t.ask('admin', '#任命 组长 张三（望海社区） 第二组')).toBe(
      ['没有找到望海社区的“张三”。已注册的“张三”：', '1. 张三（大连市总工会）', '2. 张三（日新街道）'].join(
        '\n',
      ),
    )
  })
})
