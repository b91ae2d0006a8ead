/**
 * Constructed, deterministic history for the bench and the sample pictures: the 30 built-in
 * sites, one of them retired, and reports with realistic Chinese text.
 */
import type { Month } from '../src/domain/calendar.js'
import { addMonths, monthRange } from '../src/domain/calendar.js'
import type { Report } from '../src/domain/reports.js'
import { builtinRoster } from '../src/domain/roster-data.js'
import type { Member, Org, Site } from '../src/domain/types.js'

/** A small seeded generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ACTIVITIES = [
  '开展“巾帼心向党 奋进新征程”主题宣讲',
  '组织职工参加“六有”阵地建设观摩交流',
  '举办青年志愿者进社区垃圾分类宣传',
  '召开工青妇联席会议，研究协同创新工作',
  '开展困难职工家庭走访慰问',
  '举办亲子阅读暨家庭教育公益讲座',
  '组织青年职工技能比武和岗位练兵',
]
const NAMES = ['张丽', '王海燕', '李晓峰', '刘洋', '陈静', '杨帆', '赵敏', '孙伟']

export interface SampleHistory {
  orgs: Org[]
  sites: Site[]
  reports: Report[]
  members: Member[]
}

/**
 * `perMonth` reports on average per site and month from `from` to `to`; some sites miss months,
 * some report late, a few reports are withdrawn.
 */
export function sampleHistory(from: Month, to: Month, perMonth: number, seed = 7): SampleHistory {
  const rnd = random(seed)
  const { sites: all, lineOrgs } = builtinRoster()
  const sites = all.map((s) => (s.no === 17 ? { ...s, retired: true } : s))
  const reports: Report[] = []
  let no = 0
  for (const month of monthRange(from, to)) {
    const [y, m] = month.split('-').map(Number) as [number, number]
    for (const site of sites) {
      const diligence = 0.55 + (site.no % 5) * 0.1
      const n = rnd() < diligence ? Math.max(1, Math.round(rnd() * perMonth * 2)) : 0
      for (let i = 0; i < n; i++) {
        const late = i === 0 && rnd() < 0.08
        const day = late ? 1 + Math.floor(rnd() * 4) : 1 + Math.floor(rnd() * 27)
        const at = late
          ? new Date(`${addMonths(month, 1)}-${String(day).padStart(2, '0')}T02:00:00Z`)
          : new Date(Date.UTC(y, m - 1, day, Math.floor(rnd() * 12), Math.floor(rnd() * 60)))
        const activity = ACTIVITIES[Math.floor(rnd() * ACTIVITIES.length)]!
        const kind = rnd()
        no++
        reports.push({
          no,
          month,
          orgId: site.id,
          submitterId: `wx-${site.id}-${i % 2}`,
          submitterName: NAMES[(site.no + i) % NAMES.length]!,
          onBehalf: rnd() < 0.05,
          via: kind < 0.5 ? 'text' : 'share',
          title: kind < 0.5 ? '' : `${site.aliases[0] ?? site.name}${activity}`,
          text: `${m}月${day}日，${site.name}${activity}，参加人数${20 + Math.floor(rnd() * 80)}人。`.repeat(
            2,
          ),
          links:
            kind >= 0.5 && kind < 0.8
              ? [
                  {
                    title: `${site.name}${activity}`,
                    url: `https://mp.weixin.qq.com/s/${no.toString(36)}`,
                    description: '',
                  },
                ]
              : [],
          files:
            kind >= 0.8
              ? [
                  {
                    name: `${activity.slice(0, 8)}.jpg`,
                    path: `attachments/${month}/${no}.jpg`,
                    size: 200_000,
                    kind: 'image',
                  },
                ]
              : [],
          messageIds: [`m${no}`],
          at: at.toISOString(),
          late,
          withdrawn: rnd() < 0.03 ? { by: 'wx-admin', at: at.toISOString() } : null,
        })
      }
    }
  }
  const members: Member[] = sites.flatMap((s, i) =>
    i % 6 === 5
      ? []
      : [0, 1].map((k) => ({
          contactId: `wx-${s.id}-${k}`,
          name: NAMES[(s.no + k) % NAMES.length]!,
          orgId: s.id,
          line: (['工会', '团委', '妇联'] as const)[(s.no + k) % 3]!,
          registeredAt: `${from}-01T01:00:00.000Z`,
          updatedAt: `${from}-01T01:00:00.000Z`,
          history: [],
          wechatName: `昵称${s.no}-${k}`,
        })),
  )
  return { orgs: [...sites, ...lineOrgs], sites, reports, members }
}
