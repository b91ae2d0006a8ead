import { describe, expect, it } from 'vitest'
import { parseRegistration } from '../../src/domain/registration.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { Roster } from '../../src/domain/roster.js'

const { sites, lineOrgs } = builtinRoster()
const roster = new Roster([...sites, ...lineOrgs])
const parse = (s: string) => parseRegistration(s.split(' '), roster)
const ok = (s: string) => {
  const r = parse(s)
  return r.ok ? { name: r.name, org: r.org.name, line: r.line } : r.code
}

describe('reading 姓名 单位 [条线]', () => {
  it('reads name, site and line', () => {
    expect(ok('张三 日新街道 妇联')).toEqual({ name: '张三', org: '大连市西岗区日新街道', line: '妇联' })
    expect(ok('张三 日新街道')).toEqual({ name: '张三', org: '大连市西岗区日新街道', line: null })
    expect(ok('张三 西岗区 日新街道 团委')).toEqual({
      name: '张三',
      org: '大连市西岗区日新街道',
      line: '团委',
    })
  })

  it('reads a line word glued to the site', () => {
    expect(ok('张三 日新街道妇联')).toEqual({ name: '张三', org: '大连市西岗区日新街道', line: '妇联' })
    expect(ok('李四 大船工会')).toEqual({ name: '李四', org: '大连船舶重工集团有限公司', line: '工会' })
  })

  it('infers the line from a district organisation', () => {
    expect(ok('王五 西岗区总工会')).toEqual({ name: '王五', org: '大连市西岗区总工会', line: '工会' })
    expect(ok('王五 金普团工委')).toEqual({ name: '王五', org: '共青团大连金普新区工作委员会', line: '团委' })
    expect(ok('王五 西岗区 妇联')).toEqual({ name: '王五', org: '大连市西岗区妇女联合会', line: '妇联' })
  })

  it('takes the name and the organisation in either order', () => {
    expect(ok('日新街道 张三')).toEqual({ name: '张三', org: '大连市西岗区日新街道', line: null })
  })

  it('accepts commas and slashes between the parts', () => {
    expect(ok('张三，日新街道，妇联')).toEqual({ name: '张三', org: '大连市西岗区日新街道', line: '妇联' })
  })

  it('names what is wrong', () => {
    expect(parseRegistration([], roster)).toMatchObject({ ok: false, code: 'REG_MISSING' })
    expect(parse('张三')).toMatchObject({ ok: false, code: 'REG_MISSING_ORG', name: '张三' })
    expect(parse('张三3 日新街道')).toMatchObject({ ok: false, code: 'NAME_DIGIT' })
    expect(parse('张三 火星基地')).toMatchObject({ ok: false, code: 'ORG_UNKNOWN', input: '火星基地' })
    expect(parse('张三 西岗区')).toMatchObject({ ok: false, code: 'ORG_AMBIGUOUS' })
    expect(parse('张三 西岗区团委 妇联')).toMatchObject({ ok: false, code: 'LINE_CONFLICT' })
  })

  it('never takes a 条线 word for a name, nor leaves a second 条线 or a stray word unsaid (issue 10)', () => {
    expect(parse('何军 星海湾街道 工会 团委')).toMatchObject({
      ok: false,
      code: 'LINE_MANY',
      lines: ['工会', '团委'],
    })
    expect(ok('何军 星海湾街道 工会 工会')).toMatchObject({ name: '何军', line: '工会' })
    expect(parse('工会 星海湾街道')).toMatchObject({ ok: false, code: 'NAME_RESERVED', name: '工会' })
    expect(parse('吴刚 大连大学 青年')).toMatchObject({ ok: false, code: 'EXTRA_WORDS', words: ['青年'] })
    expect(parse('孙 伟 大船 工会')).toMatchObject({
      ok: false,
      code: 'NAME_SPLIT',
      name: '孙',
      joined: '孙伟',
      retry: '孙伟 大船 工会',
    })
    expect(parse('孙 大船 工会')).toMatchObject({ ok: false, code: 'NAME_LENGTH', name: '孙' })
  })
})
