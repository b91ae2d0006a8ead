/**
 * Synthetic stores for the benchmark, written through the real stores (storage/): 30 sites,
 * ~5 reports per site a month with realistic Chinese text, article links and attachment metadata,
 * members (3 per site plus the burst senders) and roles.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Line } from '../src/domain/types.js'
import { monthOf, type Month } from '../src/domain/calendar.js'
import { openRepository } from '../storage/repository.js'

export const ROOM_ID = 'coord@chatroom'
export const ROOM_TOPIC = '大连市工青妇基层组织协同创新发展'
export const ADMIN_ID = 'wx-bench-admin'
export const MEMBER_ID = 'wx-bench-member'
export const BURST = 1000
export const burstId = (i: number) => `wx-burst-${i}`

const LINES: Line[] = ['工会', '团委', '妇联']
const OPENINGS = ['本月', '近期', '月内', '上旬', '中旬']
const ACTS = [
  '开展“六有”阵地建设观摩交流活动，组织职工、青年和妇女代表参观示范点并座谈',
  '举办“巾帼建新功”主题宣讲，邀请社区书记讲解基层治理经验',
  '组织青年志愿者开展敬老助残服务，走访困难家庭二十余户',
  '召开工青妇联席会议，研究部署下一阶段协同创新重点任务',
  '开展职工技能比武和读书分享会，参与人数逾百人',
  '联合辖区企业举办亲子运动会，促进家庭文明建设',
]
const RESULTS = [
  '活动得到群众广泛好评，相关做法已整理成案例。',
  '形成问题清单三项，已明确责任人和完成时限。',
  '新发展志愿者十二名，建立常态化服务机制。',
  '相关图片和总结材料已一并上传。',
]

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length]!
}

export function reportText(i: number): string {
  return `${pick(OPENINGS, i)}，${pick(ACTS, i * 7 + 3)}；${pick(ACTS, i * 5 + 1)}。${pick(RESULTS, i * 3)}`
}

/** What the members of one site did this month, distinct enough that no two are taken for duplicates. */
const EVENTS = [
  '组织职工开展安全生产知识竞赛，三十余名一线职工参加',
  '邀请心理咨询师为青年职工举办压力疏导讲座',
  '妇联执委走访单亲母亲家庭，送去慰问品和助学金',
  '团支部组织青年突击队参与防汛物资装卸',
  '举办家庭教育公益课堂，社区家长踊跃报名',
  '开展劳模工匠进社区活动，现场传授维修技能',
  '联合卫生院为女职工进行两癌免费筛查',
  '组织青年读书会共读红色经典并交流心得',
  '工会小组开展困难职工帮扶情况摸底调查',
  '举办新就业形态劳动者暖心驿站开放日',
  '开展垃圾分类志愿宣传，入户发放倡议书',
  '组织退休职工书画摄影作品展，展出作品八十幅',
  '召开青年议事会，收集意见建议十五条',
  '举办巾帼创业沙龙，五位创业女性分享经验',
]

/** Pairs (a < b) of EVENTS, in a fixed order. */
const PAIRS = EVENTS.flatMap((_, a) => EVENTS.slice(a + 1).map((__, d) => [a, a + 1 + d] as const))

/**
 * The `k`-th distinct report text of one site (k < 91): two events of the month. Two texts of the
 * same site share at most one event, so the duplicate check never holds one back.
 */
export function siteText(k: number): string {
  const [a, b] = PAIRS[k % PAIRS.length]!
  return `${pick(OPENINGS, k)}，${EVENTS[a]}；${EVENTS[b]}。${pick(RESULTS, k)}`
}

/** Burst sender `i` (site `i % 30`) says the `⌊i/30⌋`-th text of its site. */
export const burstText = (i: number) => siteText(Math.floor(i / 30))

/** The `#上报` latency samples: texts of their site the burst does not use. */
export const sampleText = (i: number) => siteText(Math.ceil(BURST / 30) + i)

/** Months `years` back, ending with the month before `now`. */
function history(years: number, now: Date): Month[] {
  const out: Month[] = []
  const [y, m] = monthOf(now).split('-').map(Number) as [number, number]
  for (let k = years * 12; k >= 1; k--) {
    const d = new Date(Date.UTC(y, m - 1 - k, 15))
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`)
  }
  return out
}

export interface Synthetic {
  dir: string
  sites: string[]
  reports: number
  members: number
}

export async function buildStore(years: number, now = new Date()): Promise<Synthetic> {
  const dir = mkdtempSync(join(tmpdir(), `gqf-bench-${years}y-`))
  const repo = await openRepository(dir, now)
  const sites = repo
    .roster()
    .sites()
    .slice(0, 30)
    .map((o) => o.id)
  await repo.bindRoom(ROOM_ID, ROOM_TOPIC, now)
  const regs: Promise<unknown>[] = []
  const reg = (id: string, name: string, i: number) =>
    regs.push(
      repo.register(
        id,
        { name, orgId: pick(sites, i), line: pick(LINES, i), wechatName: `微信${name}` },
        now,
      ),
    )
  for (let i = 0; i < sites.length * 3; i++) reg(`wx-site-${i}`, `成员${i}`, i)
  for (let i = 0; i < BURST; i++) reg(burstId(i), `报送人${i}`, i)
  reg(ADMIN_ID, '管理员', 0)
  reg(MEMBER_ID, '周敏', 1)
  await Promise.all(regs)
  await repo.grant(ADMIN_ID, { role: 'admin' }, 'bench', now)
  const districts = [
    ...new Set(
      repo
        .roster()
        .sites()
        .map((s) => s.district),
    ),
  ]
  for (let i = 0; i < 10; i++)
    await repo.grant(`wx-site-${i}`, { role: 'liaison', district: pick(districts, i) }, ADMIN_ID, now)
  let n = 0
  for (const month of history(years, now)) {
    const adds: Promise<unknown>[] = []
    for (const [s, site] of sites.entries()) {
      const count = 4 + ((s + month.charCodeAt(6)) % 3) // 4–6, about 5 a month
      for (let k = 0; k < count; k++) {
        const i = n++
        adds.push(
          repo.reports.add({
            month,
            orgId: site,
            submitterId: `wx-site-${s * 3 + (k % 3)}`,
            submitterName: `成员${s * 3 + (k % 3)}`,
            onBehalf: false,
            via: pick(['text', 'share', 'auto'] as const, i),
            title: `${site}${month}创建信息（${k + 1}）`,
            text: reportText(i),
            links:
              i % 2 === 0
                ? [
                    {
                      title: `示范点创建信息｜${pick(ACTS, i).slice(0, 16)}`,
                      url: `https://mp.weixin.qq.com/s/${(i * 2654435761).toString(36)}`,
                      description: pick(RESULTS, i),
                    },
                  ]
                : [],
            files:
              i % 3 === 0
                ? [
                    {
                      name: `活动照片${k + 1}.jpg`,
                      path: `attachments/${month}/m${i}-photo.jpg`,
                      size: 812_345,
                      kind: 'image',
                    },
                  ]
                : [],
            messageIds: [`hist-${i}`],
            at: `${month}-${String(5 + k * 4).padStart(2, '0')}T02:00:00.000Z`,
            late: false,
            withdrawn: i % 97 === 0 ? { by: ADMIN_ID, at: `${month}-28T02:00:00.000Z` } : null,
          }),
        )
      }
    }
    await Promise.all(adds)
  }
  return { dir, sites, reports: n, members: repo.members().length }
}

/** The roster lookup row's mixed inputs: exact, short, district, typo, fuzzy, unknown, a number, line orgs. */
export const LOOKUP_QUERIES: readonly string[] = [
  '日新街道',
  '西岗日新',
  '医大一院',
  '大船',
  '西岗区',
  '辛赛子街道',
  '火星基地',
  '12',
  '金普团工委',
  '枫叶职院',
]
