/**
 * Every sentence about 创建信息 reports and tallies. Plain text, one line where it can be.
 */
import type { Month } from '../domain/calendar.js'
import { shanghaiDate } from '../domain/calendar.js'
import { dayMonthLabel, displayName, fullMonthLabel, monthLabel } from './format.js'
import type { MonthTally, Report, SiteYear } from '../domain/reports.js'
import type { Org, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { quote } from './quote.js'
import { receiptContents } from './first-week.js'

/** The name a site goes by in lists: the one display-name rule of format.ts. */
export const shortName = (org: Org): string => displayName(org)

/** 第一组：A、B / 第二组：C … one line per group that has any of the sites. */
export function groupLines(sites: Site[]): string[] {
  const lines: string[] = []
  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length > 0) lines.push(`${GROUP_NAMES[g]}：${inGroup.map(shortName).join('、')}`)
  }
  return lines
}

export const R = {
  notRegistered: '请先实名注册再上报：#注册 姓名 单位 [工会|团委|妇联]\n例如：#注册 张三 日新街道 妇联',
  notASite: (org: Org) =>
    `您注册的单位是${org.name}，不是示范点，上报未计入。如需代示范点上报，请联络员、组长或管理员用：#代报 单位 正文`,
  retired: (org: Org) => `${org.name}已不在示范点名单中，上报未计入。如有疑问请联系管理员。`,
  receipt: (site: Site, report: Report, reported: number, total: number, current: Month) =>
    `已收到${shortName(site)}的${monthLabel(report.month)}创建信息（编号${report.no}${report.late ? '，补报' : ''}${report.onBehalf ? '，代报' : ''}${receiptContents(report)}），` +
    `${report.month === current ? '本月' : monthLabel(report.month)}全市已报 ${reported}/${total}。`,
  receiptPart: (site: Site, report: Report) => `${shortName(site)}（${report.no}）`,
  receiptSuffix: (month: Month, reported: number, total: number) =>
    `${monthLabel(month)}创建信息（本月全市已报 ${reported}/${total}）`,
  autoReceipt: (site: Site, report: Report, reported: number, total: number) =>
    `已收到${shortName(site)}的${monthLabel(report.month)}创建信息《${report.title}》（编号${report.no}），本月全市已报 ${reported}/${total}。如非创建信息，发送 #撤回 ${report.no}`,

  lateUsage: '#补报 YYYY-MM 正文',
  lateMonthMissing: '请写明补报哪个月，例如：#补报 2026-10 正文',
  lateIsCurrent: (month: Month) => `${monthLabel(month)}是本月，请直接用 #上报。`,
  lateFuture: (month: Month) => `${fullMonthLabel(month)}还没到，不能补报。`,
  lateClosed: (month: Month, deadline: Date) =>
    `${fullMonthLabel(month)}的补报已于 ${shanghaiDate(new Date(deadline.getTime() - 1))} 截止，未计入。`,

  behalfUsage: '#代报 单位 正文',
  behalfOrgMissing: '请写明代哪个示范点上报，例如：#代报 日新街道 正文',
  behalfNotASite: (org: Org) => `${org.name}不是示范点，只能代示范点上报。`,
  behalfOutOfScope: (site: Site, scopes: string[]) =>
    `${site.name}不在您负责的${scopes.join('、')}范围内，不能代报。`,

  withdrawUsage: '#撤回 编号',
  withdrawNoMissing: '请写上要撤回的上报编号，例如：#撤回 57',
  withdrawUnknown: (no: number) => `没有编号为 ${no} 的上报。`,
  withdrawAlready: (no: number) => `编号${no}已经撤回过了。`,
  withdrawNotAllowed: '只有提交人、同单位成员或管理员可以撤回。',
  withdrawn: (site: Org | undefined, report: Report, reported: number, total: number) =>
    `已撤回编号${report.no}（${site ? shortName(site) : report.orgId} ${monthLabel(report.month)}），不再计入统计。${monthLabel(report.month)}全市已报 ${reported}/${total}。`,

  dueThisMonth: (lastDay: string) => `本月截至 ${dayMonthLabel(lastDay)}`,
  dueLate: (lastDay: string) => `补报截至 ${dayMonthLabel(lastDay)}`,
  monthInvalid: (word: string) => `“${quote(word)}”不是有效的月份，请写成 2026-11 这样的格式。`,

  tally(t: MonthTally): string {
    const lines = [
      `${fullMonthLabel(t.month)}创建信息：全市已报 ${t.reported}/${t.total}`,
      `省级 ${t.byLevel['省级'].reported}/${t.byLevel['省级'].total}，市级 ${t.byLevel['市级'].reported}/${t.byLevel['市级'].total}`,
    ]
    for (const g of [1, 2, 3] as const) {
      const inGroup = t.sites.filter((s) => s.site.group === g)
      if (inGroup.length === 0) continue
      lines.push(`【${GROUP_NAMES[g]}】${t.byGroup[g].reported}/${t.byGroup[g].total}`)
      for (const s of inGroup) {
        lines.push(
          s.count > 0
            ? `✅ ${shortName(s.site)} ${s.count}篇${s.late > 0 ? `（含补报${s.late}）` : ''}`
            : `❌ ${shortName(s.site)}`,
        )
      }
    }
    return lines.join('\n')
  },

  siteYear(y: SiteYear, current: Month, year: string): string {
    const lines = [`${y.site.name} ${year}年创建信息（共 ${y.total} 篇）：`]
    for (const m of y.months) {
      const label = monthLabel(m.month)
      if (m.count > 0) lines.push(`${label} ✅ ${m.count}篇`)
      else if (m.month === current) lines.push(`${label} ⏳ 本月尚未上报`)
      else lines.push(`${label} ❌`)
    }
    if (y.missed.length > 0)
      lines.push(`缺报 ${y.missed.length} 个月：${y.missed.map((m) => monthLabel(m)).join('、')}`)
    return lines.join('\n')
  },
  progressOrgMissing: '请写明单位，例如：#进度 日新街道',
  progressUsage: '#进度 单位',

  summary(label: string, current: MonthTally, from: Month, years: SiteYear[], totalPieces: number): string {
    const closedMonths = years[0] ? years[0].months.filter((m) => m.month < current.month).length : 0
    const hits = years.reduce(
      (n, y) => n + y.months.filter((m) => m.month < current.month && m.count > 0).length,
      0,
    )
    const rate =
      closedMonths > 0 ? `，已过月份上报率 ${Math.round((hits / (closedMonths * years.length)) * 100)}%` : ''
    const lines = [
      `${label}汇总（${fullMonthLabel(current.month)}）`,
      `本月已报 ${current.reported}/${current.total}`,
      `今年（${monthLabel(from)}起）共 ${totalPieces} 篇${rate}`,
    ]
    const behind = years
      .map((y) => ({ y, now: current.sites.find((s) => s.site.id === y.site.id)?.count ?? 0 }))
      .filter(({ y, now }) => y.missed.length > 0 || now === 0)
      .sort((a, b) => b.y.missed.length - a.y.missed.length || a.y.site.no - b.y.site.no)
    if (behind.length === 0) lines.push('没有落后的示范点。')
    else {
      lines.push(`需关注的示范点 ${behind.length} 个：`)
      for (const { y, now } of behind) {
        const parts: string[] = []
        if (y.missed.length > 0) parts.push(`缺报${y.missed.map((m) => monthLabel(m)).join('、')}`)
        if (now === 0) parts.push('本月未报')
        lines.push(`${shortName(y.site)}：${parts.join('；')}`)
      }
    }
    return lines.join('\n')
  },
  summaryFilterUnknown: (word: string) =>
    `无法按“${quote(word)}”汇总。可写：第一组、第二组、第三组、省级、市级或区名。`,
}

export const EXIT = {
  usage: '#退出示范点 单位 原因',
  reasonMissing: '请写明退出原因，例如：#退出示范点 日新街道 连续三个月未报送',
  restoreUsage: '#恢复示范点 单位',
  orgMissing: '请写明单位（全称、简称或编号）。',
  notASite: (org: Org) => `${org.name}不是示范点。`,
  retired: (site: Site, total: number, from: string) =>
    `${site.name}自 ${dayMonthLabel(from)}起退出示范点名单，当月起不再计入统计和提醒（现有示范点 ${total} 个），此前月份的统计和历史上报保留。`,
  alreadyRetired: (site: Site) => `${site.name}已不在示范点名单中。`,
  restored: (site: Site, total: number) => `${site.name}已恢复为示范点（现有示范点 ${total} 个）。`,
  notRetired: (site: Site) => `${site.name}本来就在示范点名单中。`,
}
