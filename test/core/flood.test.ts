import { describe, expect, it } from 'vitest'
import { quote, QUOTE_MAX } from '../../src/messages/quote.js'
import { NAME_MAX } from '../../src/domain/schemas.js'
import { makeCore } from '../support/core.js'

const LONG = '啊'.repeat(5000)
/** More of the typed text than any reply may repeat. */
const ECHO = '啊'.repeat(QUOTE_MAX + 1)

describe('the bot never floods the group with what someone typed', () => {
  it('quote() keeps short input and clips long input to a few dozen characters, never halving an emoji', () => {
    expect(quote('日新街道')).toBe('日新街道')
    expect(quote(LONG)).toBe(`${'啊'.repeat(QUOTE_MAX)}…`)
    expect(quote('😀'.repeat(30))).toBe(`${'😀'.repeat(QUOTE_MAX)}…`)
  })

  it.each([`#${LONG}`, `#注册 ${LONG}`, `#注册 张三 ${LONG}`, `#单位 ${LONG}`])(
    'answers %# (5,000 characters) with one short reply',
    async (text) => {
      const t = await makeCore()
      const replies = await t.say('u1', text)
      expect(replies).toHaveLength(1)
      expect(replies[0]!.length).toBeLessThan(200)
      expect(replies[0]).not.toContain(ECHO)
      expect(replies[0]).toContain('…')
    },
  )

  it('no command, with 5,000 characters of arguments in any position, echoes more than a few dozen of them', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('FLOOD-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 FLOOD-ADMIN')
    const echoed: string[] = []
    let asked = 0
    for (const c of t.core.registry.all()) {
      for (const text of [
        `#${c.name} ${LONG}`,
        `#${c.name} 日新街道 ${LONG}`,
        `#${c.name} 2026-11 ${LONG}`,
        `#${c.name} 张三 日新街道 ${LONG}`,
      ]) {
        asked++
        for (const r of await t.say('admin', text))
          if (r.includes(ECHO)) echoed.push(`${c.name}: ${r.slice(0, 40)}`)
      }
    }
    expect(asked).toBeGreaterThan(100)
    expect(echoed).toEqual([])
    // Nothing typed that long became a name: #更名示范点 日新街道 <5,000 characters> is refused.
    expect(t.repo.roster().orgs.every((o) => [...o.name].length <= NAME_MAX)).toBe(true)
    expect(await t.ask('admin', `#更名示范点 日新街道 ${LONG}`)).toMatch(
      /^未保存：名称或简称“啊+…”太长，最多 40 个字。$/,
    )
  })
})
