import type { GroupNo, Level, Line, LineOrg, Org, Site } from './types.js'

/**
 * The 30 demonstration sites of the founding notice (附件1: 12 省级, 附件2: 18 市级), in its order.
 * 编号 1–12 are the provincial sites, 13–30 the city sites.
 *
 * Aliases are the names people actually type: the street or community alone, the short names of
 * companies and institutions, and nicknames in use in Dalian (大船, 医大一院, 大大). Each alias
 * must point at exactly one organisation; `buildRoster()` checks that at startup.
 * Districts of the companies and institutions follow their registered address; check them with
 * the leading group when a question comes up.
 */
type SiteRow = [name: string, group: GroupNo, district: string, aliases: string[]]

const PROVINCIAL: SiteRow[] = [
  [
    '大连市西岗区365外来人员服务中心',
    1,
    '西岗区',
    ['365外来人员服务中心', '365服务中心', '365中心', '西岗365', '365'],
  ],
  ['大连市旅顺口区得胜街道', 1, '旅顺口区', ['得胜街道', '得胜', '旅顺得胜街道', '旅顺得胜']],
  [
    '大连高新园区党群服务中心',
    1,
    '高新区',
    ['高新园区党群服务中心', '高新区党群服务中心', '高新党群服务中心', '高新党群中心', '党群服务中心'],
  ],
  [
    '大连船舶重工集团有限公司',
    1,
    '西岗区',
    ['大船', '大船重工', '大船集团', '大连船舶重工', '船舶重工', '大船公司'],
  ],
  ['大连市中山区桂林街道望海社区', 2, '中山区', ['望海社区', '望海', '桂林街道望海社区', '桂林街道']],
  ['大连市西岗区日新街道', 2, '西岗区', ['日新街道', '日新', '西岗日新街道']],
  ['大连大学', 2, '金普新区', ['大大', '大连大学工会']],
  [
    '大连医科大学附属第一医院',
    2,
    '西岗区',
    [
      '医大一院',
      '大医一院',
      '附一院',
      '医大附一院',
      '大连医大一院',
      '医科大学附属第一医院',
      '大连医科大学附一院',
    ],
  ],
  ['大连市中山区人民路街道', 3, '中山区', ['人民路街道', '人民路', '中山区人民路街道']],
  ['大连市沙河口区白山路街道', 3, '沙河口区', ['白山路街道', '白山路', '沙河口白山路街道']],
  ['大连市甘井子区辛寨子街道', 3, '甘井子区', ['辛寨子街道', '辛寨子', '甘井子辛寨子街道']],
  [
    '大连金普新区炮台街道三家社区',
    3,
    '金普新区',
    ['三家社区', '三家', '炮台街道三家社区', '炮台三家社区', '炮台街道'],
  ],
]

const MUNICIPAL: SiteRow[] = [
  ['大连市西岗区北京街道黄河社区', 1, '西岗区', ['黄河社区', '北京街道黄河社区', '北京街道', '黄河']],
  ['大连市甘井子区椒金山街道', 1, '甘井子区', ['椒金山街道', '椒金山', '甘井子椒金山街道']],
  ['大连金普新区马桥子街道', 1, '金普新区', ['马桥子街道', '马桥子', '金普马桥子街道']],
  ['大连金普新区金石滩街道', 1, '金普新区', ['金石滩街道', '金石滩', '金普金石滩街道']],
  ['大连市工青妇“双创”联合体', 1, '市直', ['双创联合体', '工青妇双创联合体', '双创', '“双创”联合体']],
  ['东芝大连有限公司', 1, '金普新区', ['东芝大连', '东芝', '大连东芝', '东芝公司']],
  [
    '大连市西岗区香炉礁街道香川社区',
    2,
    '西岗区',
    ['香川社区', '香川', '香炉礁街道香川社区', '香炉礁街道', '香炉礁'],
  ],
  ['大连市沙河口区星海湾街道', 2, '沙河口区', ['星海湾街道', '星海湾', '沙河口星海湾街道']],
  ['大连高新区龙王塘街道', 2, '高新区', ['龙王塘街道', '龙王塘', '高新区龙王塘街道']],
  ['大连金普新区石河街道石河村', 2, '金普新区', ['石河村', '石河街道石河村', '石河街道', '石河']],
  ['大连港集团有限公司', 2, '中山区', ['大连港', '大连港集团', '港集团', '大港集团', '大连港集团公司']],
  ['大连文思海辉信息技术有限公司', 2, '高新区', ['文思海辉', '文思', '海辉', '大连文思海辉', '文思海辉公司']],
  ['大连市西岗区八一路街道', 3, '西岗区', ['八一路街道', '八一路', '西岗八一路街道']],
  ['大连市甘井子大连湾李家村', 3, '甘井子区', ['李家村', '大连湾李家村', '大连湾街道李家村', '甘井子李家村']],
  [
    '大连市旅顺口区经济技术开发区',
    3,
    '旅顺口区',
    ['旅顺开发区', '旅顺经济技术开发区', '旅顺经开区', '旅顺口开发区', '旅顺口区开发区'],
  ],
  ['大连高新区凌水街道大山村', 3, '高新区', ['大山村', '凌水大山村', '凌水街道大山村', '凌水街道', '凌水']],
  [
    '大连枫叶职业技术学院',
    3,
    '金普新区',
    ['枫叶学院', '枫叶职院', '枫叶职业技术学院', '枫叶职业学院', '枫叶'],
  ],
  ['泰通建设集团有限公司', 3, '甘井子区', ['泰通建设', '泰通', '泰通集团', '泰通建设集团']],
]

/**
 * The districts whose 总工会, 团委 and 妇联 the notice addresses (各区市县、开放先导区).
 * short: how people name the district in one or two words; kind: 区 / 市 / 县 / 先导区 decides
 * how the 团委 is titled (团区委, 团市委, 团县委, 团工委).
 */
type DistrictRow = { name: string; short: string; type: '区' | '市' | '县' | '先导区'; formal?: string }

export const DISTRICTS: DistrictRow[] = [
  { name: '中山区', short: '中山', type: '区' },
  { name: '西岗区', short: '西岗', type: '区' },
  { name: '沙河口区', short: '沙河口', type: '区' },
  { name: '甘井子区', short: '甘井子', type: '区' },
  { name: '旅顺口区', short: '旅顺', type: '区' },
  { name: '金州区', short: '金州', type: '区' },
  { name: '普兰店区', short: '普兰店', type: '区' },
  { name: '瓦房店市', short: '瓦房店', type: '市' },
  { name: '庄河市', short: '庄河', type: '市' },
  { name: '长海县', short: '长海', type: '县' },
  { name: '金普新区', short: '金普', type: '先导区', formal: '大连金普新区' },
  { name: '高新区', short: '高新', type: '先导区', formal: '大连高新技术产业园区' },
  { name: '长兴岛经济区', short: '长兴岛', type: '先导区', formal: '大连长兴岛经济技术开发区' },
  { name: '花园口经济区', short: '花园口', type: '先导区', formal: '大连花园口经济区' },
  { name: '保税区', short: '保税', type: '先导区', formal: '大连保税区' },
]

function districtOrgs(d: DistrictRow): { line: Line; name: string; aliases: string[] }[] {
  const formal = d.formal ?? (d.type === '区' ? `大连市${d.name}` : d.name)
  const tuanShort = { 区: '团区委', 市: '团市委', 县: '团县委', 先导区: '团工委' }[d.type]
  const tuanFormal = d.type === '先导区' ? `共青团${formal}工作委员会` : `共青团${formal}委员会`
  const names = [d.name, d.short]
  const uniq = (xs: string[]) => [...new Set(xs)]
  return [
    {
      line: '工会',
      name: `${formal}总工会`,
      aliases: uniq(names.flatMap((n) => [`${n}总工会`, `${n}工会`])),
    },
    {
      line: '团委',
      name: tuanFormal,
      aliases: uniq(names.flatMap((n) => [`${n}团委`, `${n}${tuanShort}`, `共青团${n}委员会`, `${n}共青团`])),
    },
    {
      line: '妇联',
      name: `${formal}妇女联合会`,
      aliases: uniq(names.flatMap((n) => [`${n}妇联`, `${n}妇女联合会`])),
    },
  ]
}

const CITY_ORGS: { line: Line; name: string; aliases: string[] }[] = [
  { line: '工会', name: '大连市总工会', aliases: ['市总工会', '市总', '大连总工会', '市工会'] },
  { line: '团委', name: '共青团大连市委员会', aliases: ['团市委', '大连团市委', '共青团大连市委', '市团委'] },
  { line: '妇联', name: '大连市妇女联合会', aliases: ['市妇联', '大连市妇联', '大连妇联'] },
]

/**
 * The 编号 of the first line organisation: sites are numbered 1–30 and sites added later 31 on,
 * so the 工会/团委/妇联 start at 101. Their ids keep the number they had first (O31 is 101).
 */
export const LINE_ORG_FIRST_NO = 101

/** The number of the built-in sites: line organisations were numbered right after them at first. */
const BUILTIN_SITES = PROVINCIAL.length + MUNICIPAL.length

/**
 * Line organisations stored with their first numbers (31–78, right after the sites) get their
 * numbers of today (101 on); anything else is as stored. Applied whenever the roster is read, so
 * a data folder from before keeps working, and the old numbers are still found by `Roster.lookup`.
 */
export function currentNumbers<T extends Org>(orgs: readonly T[]): T[] {
  return orgs.map((o) =>
    o.kind !== 'site' && o.id === `O${o.no}` && o.no < LINE_ORG_FIRST_NO
      ? { ...o, no: o.no - BUILTIN_SITES - 1 + LINE_ORG_FIRST_NO }
      : o,
  )
}

/** The built-in roster, as it is loaded into the store on first start. */
export function builtinRoster(): { sites: Site[]; lineOrgs: LineOrg[] } {
  const sites: Site[] = []
  const add = (rows: SiteRow[], level: Level) => {
    for (const [name, group, district, aliases] of rows) {
      const no = sites.length + 1
      sites.push({
        kind: 'site',
        id: `S${String(no).padStart(2, '0')}`,
        no,
        name,
        level,
        group,
        district,
        aliases,
      })
    }
  }
  add(PROVINCIAL, '省级')
  add(MUNICIPAL, '市级')
  const lineOrgs: LineOrg[] = []
  let no = sites.length
  for (const o of CITY_ORGS) {
    no++
    lineOrgs.push({
      kind: 'city',
      id: `O${no}`,
      no,
      name: o.name,
      district: '市直',
      line: o.line,
      aliases: o.aliases,
    })
  }
  for (const d of DISTRICTS) {
    for (const o of districtOrgs(d)) {
      no++
      lineOrgs.push({
        kind: 'district',
        id: `O${no}`,
        no,
        name: o.name,
        district: d.name,
        line: o.line,
        aliases: o.aliases,
      })
    }
  }
  return { sites, lineOrgs: currentNumbers(lineOrgs) }
}

export const ROSTER_VERSION = 1
