import { describe, expect, it } from 'vitest'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { parseLine, Roster, splitLineSuffix } from '../../src/domain/roster.js'
import type { Org } from '../../src/domain/types.js'

const { sites, lineOrgs } = builtinRoster()
const roster = new Roster([...sites, ...lineOrgs])

/** Short forms a person would type in the group, at least two per site (编号 → forms). */
const SHORT_FORMS: Record<number, string[]> = {
  1: ['365中心', '西岗365', '365外来人员服务中心'],
  2: ['得胜街道', '旅顺得胜', '得胜'],
  3: ['高新党群中心', '高新园区党群服务中心', '党群服务中心'],
  4: ['大船', '大船重工', '船舶重工集团'],
  5: ['望海社区', '桂林望海', '望海'],
  6: ['日新街道', '西岗日新', '日新'],
  7: ['大大', '大连大学'],
  8: ['医大一院', '大医一院', '附一院'],
  9: ['人民路街道', '中山人民路', '人民路'],
  10: ['白山路街道', '白山路'],
  11: ['辛寨子街道', '辛寨子', '甘井子辛寨子'],
  12: ['三家社区', '炮台三家', '三家'],
  13: ['黄河社区', '北京街道', '北京街道黄河社区'],
  14: ['椒金山街道', '椒金山'],
  15: ['马桥子街道', '马桥子'],
  16: ['金石滩街道', '金石滩'],
  17: ['双创联合体', '工青妇双创', '双创'],
  18: ['东芝大连', '东芝'],
  19: ['香川社区', '香炉礁', '香川'],
  20: ['星海湾街道', '星海湾'],
  21: ['龙王塘街道', '龙王塘'],
  22: ['石河村', '石河街道'],
  23: ['大连港', '港集团', '大连港集团'],
  24: ['文思海辉', '文思'],
  25: ['八一路街道', '八一路'],
  26: ['李家村', '大连湾李家村'],
  27: ['旅顺开发区', '旅顺经济技术开发区'],
  28: ['大山村', '凌水大山村'],
  29: ['枫叶学院', '枫叶职院', '枫叶职业技术学院'],
  30: ['泰通建设', '泰通'],
}

function found(input: string): Org | undefined {
  const r = roster.lookup(input)
  return r.kind === 'found' ? r.org : undefined
}

describe('the built-in roster', () => {
  it('holds the 30 sites of the notice: 12 provincial then 18 city, 10 in each working group', () => {
    expect(sites).toHaveLength(30)
    expect(sites.filter((s) => s.level === '省级').map((s) => s.no)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
    ])
    for (const g of [1, 2, 3]) expect(sites.filter((s) => s.group === g)).toHaveLength(10)
    expect(sites[0]!.name).toBe('大连市西岗区365外来人员服务中心')
    expect(sites[29]!.name).toBe('泰通建设集团有限公司')
    expect(sites.every((s) => s.district.length > 0)).toBe(true)
  })

  it('holds the 总工会, 团委 and 妇联 of every district and of the city', () => {
    const xigang = lineOrgs.filter((o) => o.district === '西岗区')
    expect(xigang.map((o) => [o.name, o.line])).toEqual([
      ['大连市西岗区总工会', '工会'],
      ['共青团大连市西岗区委员会', '团委'],
      ['大连市西岗区妇女联合会', '妇联'],
    ])
    expect(lineOrgs.filter((o) => o.kind === 'city').map((o) => o.name)).toEqual([
      '大连市总工会',
      '共青团大连市委员会',
      '大连市妇女联合会',
    ])
    expect(lineOrgs.find((o) => o.name === '共青团大连金普新区工作委员会')).toBeDefined()
  })

  it('rejects an alias that would point at two organisations', () => {
    const twin = { ...sites[1]!, id: 'X', no: 99, name: '另一个得胜', aliases: ['得胜'] }
    expect(() => new Roster([...sites, twin])).toThrow(/得胜/)
  })
})

describe('site lookup', () => {
  it.each(Object.entries(SHORT_FORMS))('reaches site %s by every short form people type', (no, forms) => {
    expect(forms.length).toBeGreaterThanOrEqual(2)
    for (const form of forms) expect(found(form)?.no, form).toBe(Number(no))
  })

  it('covers all 30 sites in the short-form table', () => {
    expect(
      Object.keys(SHORT_FORMS)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(sites.map((s) => s.no))
  })

  it('finds the exact full name, also with the 大连市 prefix left out or spaces and full-width letters typed', () => {
    expect(roster.lookup('大连市西岗区日新街道')).toMatchObject({
      kind: 'found',
      via: 'name',
      org: { no: 6 },
    })
    expect(roster.lookup('西岗区日新街道')).toMatchObject({ kind: 'found', org: { no: 6 } })
    expect(roster.lookup(' 大连市 西岗区 日新街道 ')).toMatchObject({ kind: 'found', org: { no: 6 } })
    expect(roster.lookup('大连市工青妇"双创"联合体')).toMatchObject({ kind: 'found', org: { no: 17 } })
    expect(roster.lookup('３６５中心')).toMatchObject({ kind: 'found', org: { no: 1 } })
  })

  it('accepts a site number, and the numbers of the district organisations', () => {
    expect(roster.lookup('12')).toMatchObject({
      kind: 'found',
      via: 'number',
      org: { no: 12, name: '大连金普新区炮台街道三家社区' },
    })
    expect(roster.lookup('１３')).toMatchObject({ kind: 'found', org: { no: 13 } })
    expect(roster.lookup('31')).toMatchObject({ kind: 'found', org: { name: '大连市总工会' } })
    expect(roster.lookup('999')).toEqual({ kind: 'unknown', suggestions: [] })
  })

  it('finds district organisations by the forms people use', () => {
    expect(found('西岗区总工会')?.name).toBe('大连市西岗区总工会')
    expect(found('西岗团区委')?.name).toBe('共青团大连市西岗区委员会')
    expect(found('甘井子区妇联')?.name).toBe('大连市甘井子区妇女联合会')
    expect(found('金普团工委')?.name).toBe('共青团大连金普新区工作委员会')
    expect(found('瓦房店团市委')?.name).toBe('共青团瓦房店市委员会')
    expect(found('市妇联')?.name).toBe('大连市妇女联合会')
  })

  it('answers an input shared by several organisations with the candidates', () => {
    const r = roster.lookup('西岗区')
    expect(r.kind).toBe('ambiguous')
    if (r.kind === 'ambiguous')
      expect(r.candidates.map((o) => o.no)).toEqual([1, 6, 13, 19, 25, 107, 108, 109])
    const jinpu = roster.lookup('金普新区街道')
    expect(jinpu.kind === 'ambiguous' && jinpu.candidates.map((o) => o.no)).toEqual([12, 15, 16, 22])
  })

  it('answers an unknown input with the closest names, or none', () => {
    const typo = roster.lookup('辛赛子街道')
    expect(typo.kind).toBe('unknown')
    if (typo.kind === 'unknown') expect(typo.suggestions[0]?.no).toBe(11)
    expect(roster.lookup('火星基地')).toEqual({ kind: 'unknown', suggestions: [] })
    expect(roster.lookup('')).toEqual({ kind: 'unknown', suggestions: [] })
  })

  it('no longer finds a retired site', () => {
    const retired = new Roster(sites.map((s) => (s.no === 6 ? { ...s, retired: true } : s)))
    expect(retired.lookup('日新街道').kind).not.toBe('found')
    expect(retired.sites()).toHaveLength(29)
  })
})

describe('line words', () => {
  it('reads 工会, 团委 and 妇联 in their long and short forms', () => {
    expect(parseLine('工会')).toBe('工会')
    expect(parseLine('总工会')).toBe('工会')
    expect(parseLine('团委')).toBe('团委')
    expect(parseLine('妇女联合会')).toBe('妇联')
    expect(parseLine('日新')).toBeNull()
  })

  it('splits a line word glued to an organisation', () => {
    expect(splitLineSuffix('日新街道妇联')).toEqual({ rest: '日新街道', line: '妇联' })
    expect(splitLineSuffix('大船工会')).toEqual({ rest: '大船', line: '工会' })
    expect(splitLineSuffix('妇联')).toBeNull()
  })
})
