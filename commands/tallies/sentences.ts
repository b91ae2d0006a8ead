/** What the tallies say: #统计, #进度, #汇总 and #未报, with the full lists one command away. */
import type { Month } from '../../src/domain/calendar.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { contentsOf, firstWords, kindOf } from '../../src/domain/report-contents.js'
import type { MonthTally, Report, SiteYear } from '../../src/domain/reports.js'
import type { Org, Site } from '../../src/domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../../src/domain/types.js'
import { DETAIL_WORD } from '../../src/domain/vocabulary.js'
import { dayMonthLabel, fullMonthLabel, listed, monthLabel } from '../../src/messages/format.js'
import { IMPORT } from '../../src/messages/imports.js'
import { quote } from '../../src/messages/quote.js'
import { contentsPhrase, KIND_WORD, shortName } from '../../src/messages/reports.js'
import { behindLines, byGroup } from '../../src/messages/sites.js'

const FIGURE_SEP = '，'
/** More names than this on one line are split by working group. */
const LONG_LIST = 8

/** One line per report: 编号12 11月18日 文章（补报）：标题或正文开头. */
function reportLine(r: Report): string {
  const flags = [r.late ? '补报' : '', r.onBehalf ? `${r.submitterName}代报` : ''].filter(Boolean)
  const c = contentsOf(r)
  const kind =
    KIND_WORD[kindOf(r)] + (c.images > 1 && c.articles.length + c.files.length === 0 ? `×${c.images}` : '')
  const what = firstWords(r.title || r.text || contentsPhrase(c), 24)
  return `编号${r.no} ${dayMonthLabel(shanghaiDate(r.at))} ${kind}${flags.length > 0 ? `（${listed(flags)}）` : ''}：${what}`
}

/** 省级 5/12，市级 9/18: the levels the scope holds (a district may hold one). */
function levelLine(t: MonthTally): string[] {
  const levels = (['省级', '市级'] as const).filter((l) => t.byLevel[l].total > 0)
  return levels.length === 0
    ? []
    : [levels.map((l) => `${l} ${t.byLevel[l].reported}/${t.byLevel[l].total}`).join('，')]
}

export const TALLIES = {
  dueThisMonth: (lastDay: string) => `本月截至 ${dayMonthLabel(lastDay)}`,
  dueLate: (lastDay: string) => `补报截至 ${dayMonthLabel(lastDay)}`,
  tallyFuture: (month: Month) => `${fullMonthLabel(month)}还没到，没有可统计的上报。`,
  tallyBeforeTracking: (month: Month, since: Month) =>
    `机器人从${fullMonthLabel(since)}起统计上报，${fullMonthLabel(month)}没有记录。`,
  tallyNoSites: (scope: string) => `${scope}没有示范点。`,
  tally(t: MonthTally, scope: string): string {
    const lines = [
      `${fullMonthLabel(t.month)}创建信息：${scope}已报 ${t.reported}/${t.total}`,
      ...levelLine(t),
    ]
    for (const g of GROUP_NOS) {
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
  /** #统计: headline, groups, then the sites not reported grouped; the full list one command away. */
  tallyBrief(t: MonthTally, scope: string, words: string): string {
    const groups = GROUP_NOS.filter((g) => t.byGroup[g].total > 0)
    const lines = [
      `${fullMonthLabel(t.month)}创建信息：${scope}已报 ${t.reported}/${t.total}`,
      ...levelLine(t),
    ]
    // A group's own figure is the headline already; the group line is for wider scopes.
    if (groups.length > 1 || groups[0] === undefined || GROUP_NAMES[groups[0]] !== scope)
      lines.push(
        groups
          .map((g) => `${GROUP_NAMES[g]} ${t.byGroup[g].reported}/${t.byGroup[g].total}`)
          .join(FIGURE_SEP),
      )
    const pieces = t.sites.reduce((n, s) => n + s.count, 0)
    const late = t.sites.reduce((n, s) => n + s.late, 0)
    if (t.reported > 0) lines.push(`共 ${pieces} 篇${late > 0 ? `（含补报 ${late} 篇）` : ''}`)
    const behind = t.sites.filter((s) => s.count === 0).map((s) => s.site)
    if (behind.length === 0) lines.push('全部示范点均已上报。')
    else {
      lines.push(`未报（${behind.length}）：`, ...byGroup(behind))
    }
    lines.push(`逐个示范点及篇数：#统计 ${words ? `${words} ` : ''}${DETAIL_WORD}`)
    return lines.join('\n')
  },

  // #进度
  /**
   * #进度: the year in three lines (reported months with their pieces, missed months, this
   * month), then the reports of `month` one per line with their 编号.
   */
  progress(
    y: SiteYear,
    current: Month,
    month: Month,
    reports: Report[],
    late: { last: Month; due: string } | null = null,
    left: string | null = null,
  ): string {
    // The year shown: this year, or the year of the month asked (#进度 12月 in January).
    const year = y.months.at(-1)?.month.slice(0, 4) ?? current.slice(0, 4)
    const lines = [`${y.site.name} ${year}年创建信息（共 ${y.total} 篇）`]
    if (left)
      lines.push(`${Number(left.slice(0, 4))}年${dayMonthLabel(left)}起已退出示范点名单，此后的月份不计`)
    const done = y.months.filter((m) => m.count > 0)
    if (done.length > 0) lines.push(`已报：${listed(done.map((m) => `${monthLabel(m.month)} ${m.count}篇`))}`)
    if (y.missed.length > 0) lines.push(`缺报：${listed(y.missed.map((m) => monthLabel(m)))}`)
    const noData = y.months.filter((m) => !m.tracked && m.count === 0 && m.month < current)
    if (noData.length > 0)
      lines.push(`无数据（机器人启用前，未导入）：${listed(noData.map((m) => monthLabel(m.month)))}`)
    if (late) lines.push(`${monthLabel(late.last, year)}尚未上报（${late.due}）`)
    if (!left && !done.some((m) => m.month === current) && y.months.at(-1)?.month === current)
      lines.push(`${monthLabel(current)}尚未上报`)
    if (reports.length > 0) {
      const own = reports.filter((r) => r.via !== 'import')
      const imported = reports.length - own.length
      lines.push(
        `${monthLabel(month, year)}的上报：`,
        ...own.map(reportLine),
        ...(imported > 0 ? [`${IMPORT.mark} ${imported} 篇（历史台账，无正文）`] : []),
      )
    } else if (month !== current) lines.push(`${monthLabel(month, year)}没有上报。`)
    return lines.join('\n')
  },
  progressOrgMissing: '请写明单位，例如：#进度 日新街道',
  progressUsage: '#进度 单位',
  progressNotASite: (org: Org) =>
    `${org.name}不是示范点：区市县和市级工会、团委、妇联没有每月上报任务。查看一个区的示范点请用 #汇总 区名，例如：#汇总 ${org.kind === 'district' ? org.district : '西岗区'}`,

  // #汇总
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
  /** #汇总: the sites behind grouped by what they missed (equal lines as one). */
  summaryBehind(rows: { site: Site; missed: Month[]; now: boolean }[]): string[] {
    const groups = new Map<string, Site[]>()
    for (const r of rows) {
      const parts: string[] = []
      if (r.missed.length > 0) parts.push(`缺报${listed(r.missed.map((m) => monthLabel(m)))}`)
      if (r.now) parts.push('本月未报')
      const key = parts.join('，')
      groups.set(key, [...(groups.get(key) ?? []), r.site])
    }
    // A long list is split by working group, so that it reads on a phone.
    return [...groups].flatMap(([what, sites]) =>
      sites.length <= LONG_LIST || new Set(sites.map((x) => x.group)).size === 1
        ? [`${what}（${sites.length}）：${listed(sites.map(shortName))}`]
        : [`${what}（${sites.length}）：`, ...byGroup(sites)],
    )
  },
  summaryHead(label: string, current: MonthTally, from: Month, pieces: number, rate: number | null) {
    return [
      `${label}汇总（${fullMonthLabel(current.month)}）`,
      `本月已报 ${current.reported}/${current.total}`,
      `今年（${monthLabel(from)}起）共 ${pieces} 篇${rate === null ? '' : `，已过月份上报率 ${rate}%`}`,
    ]
  },
  summaryNone: '没有落后的示范点。',
  summaryCount: (n: number) => `需关注的示范点 ${n} 个：`,
  summaryMore: (word: string) => `逐个列出：#汇总 ${word ? `${word} ` : ''}${DETAIL_WORD}`,
  /** The scopes a reply is about: 第一组、西岗区. */
}

export const MISSING = {
  /** #未报: `names` (site id → people) in private, where nobody is @-mentioned. */
  list(
    month: Month,
    label: string,
    unreported: Site[],
    nobody: Site[],
    names: Map<string, string[]> | null,
    due: string | null,
  ): string {
    if (unreported.length === 0) return `${label} ${fullMonthLabel(month)}示范点均已上报创建信息。`
    const lines = [
      `${label} ${fullMonthLabel(month)}尚未上报创建信息的示范点 ${unreported.length} 个：`,
      ...behindLines(unreported, nobody, names ?? undefined),
    ]
    if (due) lines.push(names ? `（${due}）` : `请抓紧上报（${due}）。`)
    return lines.join('\n')
  },
  wordUnknown: (word: string) =>
    `“${quote(word)}”既不是月份也不是范围。可写月份（10月、上月、2026-10）或范围（第一组、西岗区、全市）。`,
}
