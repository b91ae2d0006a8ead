import { describe, expect, it } from 'vitest'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { looseKey, Roster, RosterError } from '../../src/domain/roster.js'
import type { Org } from '../../src/domain/types.js'

const { sites, lineOrgs } = builtinRoster()
const roster = new Roster([...sites, ...lineOrgs])

/**
 * The official name (the notice's spelling) stays; these are the full forms people type for each
 * site: 区 / 街道 / 社区 / 村 written or left out, with or without 大连(市), 有限公司 / 集团 added.
 */
const FULL_FORMS: Record<string, string[]> = {
  大连市西岗区365外来人员服务中心: [
    '西岗区365外来人员服务中心',
    '大连西岗365外来人员服务中心',
    '大连市西岗365外来人员服务中心',
  ],
  大连市旅顺口区得胜街道: ['旅顺口区得胜街道', '大连市旅顺口得胜街道', '旅顺口得胜', '大连旅顺口区得胜'],
  大连高新园区党群服务中心: ['大连高新区党群服务中心', '高新园区党群服务中心', '大连市高新园区党群服务中心'],
  大连船舶重工集团有限公司: [
    '大连船舶重工集团',
    '大连船舶重工有限公司',
    '船舶重工集团有限公司',
    '大连市船舶重工集团有限公司',
  ],
  大连市中山区桂林街道望海社区: [
    '中山区桂林街道望海社区',
    '大连市中山区桂林望海社区',
    '中山区桂林街道望海',
    '大连中山桂林望海',
  ],
  大连市西岗区日新街道: ['西岗区日新街道', '大连西岗区日新街道', '大连市西岗日新', '西岗区日新'],
  大连大学: ['大连市大连大学'],
  大连医科大学附属第一医院: ['大连市大连医科大学附属第一医院', '医科大学附属第一医院'],
  大连市中山区人民路街道: ['中山区人民路街道', '大连中山区人民路街道', '中山区人民路', '大连市中山人民路'],
  大连市沙河口区白山路街道: [
    '沙河口区白山路街道',
    '大连沙河口区白山路街道',
    '沙河口区白山路',
    '大连市沙河口白山路',
  ],
  大连市甘井子区辛寨子街道: [
    '甘井子区辛寨子街道',
    '大连甘井子区辛寨子街道',
    '甘井子区辛寨子',
    '大连市甘井子辛寨子',
  ],
  大连金普新区炮台街道三家社区: [
    '金普新区炮台街道三家社区',
    '大连市金普新区炮台街道三家社区',
    '金普新区炮台三家',
    '炮台街道三家',
  ],
  大连市西岗区北京街道黄河社区: [
    '西岗区北京街道黄河社区',
    '大连西岗区北京街道黄河社区',
    '西岗区北京黄河',
    '北京街道黄河',
  ],
  大连市甘井子区椒金山街道: [
    '甘井子区椒金山街道',
    '大连甘井子区椒金山街道',
    '甘井子区椒金山',
    '大连市甘井子椒金山',
  ],
  大连金普新区马桥子街道: ['金普新区马桥子街道', '大连市金普新区马桥子街道', '金普新区马桥子', '金普马桥子'],
  大连金普新区金石滩街道: ['金普新区金石滩街道', '大连市金普新区金石滩街道', '金普新区金石滩', '金普金石滩'],
  '大连市工青妇“双创”联合体': ['大连市工青妇双创联合体', '工青妇双创联合体', '大连工青妇“双创”联合体'],
  东芝大连有限公司: ['东芝大连', '东芝(大连)有限公司', '东芝大连公司'],
  大连市西岗区香炉礁街道香川社区: [
    '西岗区香炉礁街道香川社区',
    '大连西岗区香炉礁香川社区',
    '西岗区香炉礁香川',
    '香炉礁街道香川',
  ],
  大连市沙河口区星海湾街道: [
    '沙河口区星海湾街道',
    '大连沙河口区星海湾街道',
    '沙河口区星海湾',
    '大连市沙河口星海湾',
  ],
  大连高新区龙王塘街道: ['高新区龙王塘街道', '大连市高新区龙王塘街道', '高新园区龙王塘街道', '高新龙王塘'],
  大连金普新区石河街道石河村: [
    '金普新区石河街道石河村',
    '大连市金普新区石河街道石河村',
    '金普新区石河石河村',
    '石河街道石河',
  ],
  大连港集团有限公司: ['大连港集团', '大连港有限公司', '大连港集团公司', '大连市大连港集团有限公司'],
  大连文思海辉信息技术有限公司: [
    '文思海辉信息技术有限公司',
    '大连文思海辉信息技术公司',
    '文思海辉信息技术',
    '大连文思海辉有限公司',
  ],
  大连市西岗区八一路街道: ['西岗区八一路街道', '大连西岗区八一路街道', '西岗区八一路', '大连市西岗八一路'],
  大连市甘井子大连湾李家村: [
    '甘井子区大连湾街道李家村',
    '大连湾李家村',
    '大连市甘井子区大连湾街道李家村',
    '甘井子区大连湾李家村',
    '大连湾街道李家',
    '甘井子大连湾李家',
  ],
  大连市旅顺口区经济技术开发区: [
    '旅顺口区经济技术开发区',
    '大连旅顺口经济技术开发区',
    '旅顺口经济技术开发区',
  ],
  大连高新区凌水街道大山村: [
    '高新区凌水街道大山村',
    '大连市高新区凌水街道大山村',
    '高新区凌水大山',
    '凌水街道大山',
  ],
  大连枫叶职业技术学院: ['大连市枫叶职业技术学院', '枫叶职业技术学院'],
  泰通建设集团有限公司: ['泰通建设集团', '泰通建设有限公司', '大连泰通建设集团有限公司', '泰通建设集团公司'],
}

/** Found for certain: by a name or alias, or as part of one; not by a guess of closeness. */
const found = (typed: string): Org | null => {
  const r = roster.lookup(typed)
  return r.kind === 'found' && r.via !== 'fuzzy' ? r.org : null
}

describe('the full forms people type for each site', () => {
  it('covers every site, under the notice’s spelling', () => {
    expect(Object.keys(FULL_FORMS).sort()).toEqual(sites.map((s) => s.name).sort())
  })

  for (const site of sites) {
    it(`finds ${site.name} by every full form`, () => {
      const wrong = (FULL_FORMS[site.name] ?? []).filter((typed) => found(typed)?.id !== site.id)
      expect(wrong).toEqual([])
      expect(found(site.name)?.id).toBe(site.id)
    })
  }

  it('keeps the official name as the notice writes it (without 区/街道)', () => {
    expect(found('甘井子区大连湾街道李家村')?.name).toBe('大连市甘井子大连湾李家村')
  })

  it('gives no two organisations the same key once rank words are left out', () => {
    expect(() => new Roster([...sites, ...lineOrgs])).not.toThrow()
    const a = sites[0]!
    const b = { ...sites[1]!, aliases: [`${a.aliases[0]}街道`] }
    let problem: unknown
    try {
      new Roster([a, b])
    } catch (e) {
      problem = e instanceof RosterError ? e.problem : e
    }
    expect(problem).toMatchObject({ code: 'ALIAS_CLASH', first: a.name, second: b.name })
  })

  it('reads district organisations typed in full as well', () => {
    expect(found('大连市甘井子区总工会')?.name).toBe('大连市甘井子区总工会')
    expect(found('甘井子总工会')?.name).toBe('大连市甘井子区总工会')
    expect(found('西岗区团区委')?.name).toBe('共青团大连市西岗区委员会')
  })

  it('leaves rank words out of a key', () => {
    expect(looseKey('大连市甘井子区大连湾街道李家村')).toBe('甘井子大连湾李家')
    expect(looseKey('大连港集团有限公司')).toBe('大连港')
  })
})
