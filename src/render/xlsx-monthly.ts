/**
 * The 月度统计 sheet: sites × months by working group, each site's total and remark, then the
 * subtotals, each named for the scope it sums (第二组合计, 省级小计…).
 */
import type { Month } from '../domain/calendar.js'
import type { PeriodMonth } from '../domain/periods.js'
import type { Report, SiteTally } from '../domain/reports.js'
import { tallyMonth } from '../domain/reports.js'
import type { GroupNo, Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { X, monthHeader } from '../messages/export.js'
import type { RowSpec, SheetSpec } from './xlsx-sheet.js'
import { FILL, breathe } from './xlsx-sheet.js'
import type { Counting } from './counted.js'

export interface MonthlyInput {
  now: Date
  reports: readonly Report[]
  /** Who the file is for (全市, 第二组…): the subtotals are named for it. */
  scope: string
  /** The sites each month's tallies count (a site added later or withdrawn is not counted). */
  counted: Counting
}

type Tallies = Map<string, SiteTally>[]
const M = X.monthly
const BASE = M.headers.length
const MONTH_WIDTH = 8

/** One tally per month over that month's reports only. */
async function talliesOf(input: MonthlyInput, months: PeriodMonth[], sites: Site[]): Promise<Tallies> {
  const byMonth = new Map<Month, Report[]>(months.map((m) => [m.month, []]))
  for (const r of input.reports) byMonth.get(r.month)?.push(r)
  const tallies: Tallies = []
  for (const m of months) {
    const t = tallyMonth(sites, byMonth.get(m.month)!, m.month)
    tallies.push(new Map(t.sites.map((x) => [x.site.id, x] as const)))
    if (tallies.length % 12 === 0) await breathe()
  }
  return tallies
}

function siteRow(
  site: Site,
  months: PeriodMonth[],
  tallies: Tallies,
  counted: MonthlyInput['counted'],
): RowSpec {
  const cells = new Map<number, { fill?: string; note?: string }>()
  let late = 0
  const perMonth = months.map((m, i) => {
    if (m.beforeTracking) {
      cells.set(BASE + i, { fill: FILL.before })
      return null
    }
    // A month the site did not count: not yet among the sites, or withdrawn.
    const standing = counted.standing(site, m.month)
    if (standing !== 'counted') {
      cells.set(BASE + i, { fill: FILL.retired, note: standing === 'notYet' ? M.notYet : M.retired })
      // What it reported all the same is shown (grey, outside the subtotals).
      return tallies[i]!.get(site.id)!.count || null
    }
    const t = tallies[i]!.get(site.id)!
    if (t.late > 0) cells.set(BASE + i, { fill: FILL.late, note: M.lateNote(t.late) })
    late += t.late
    return t.count
  })
  const remark = [site.retired ? M.retired : '', late > 0 ? M.lateRemark(late) : '']
    .filter(Boolean)
    .join(X.clauseSep)
  if (site.retired) cells.set(1, { note: M.retiredNote })
  return {
    values: [
      site.no,
      site.name,
      site.level,
      GROUP_NAMES[site.group],
      site.district,
      ...perMonth,
      perMonth.reduce<number>((n, c) => n + (c ?? 0), 0),
      remark || null,
    ],
    grey: site.retired === true,
    ...(site.retired ? { fill: FILL.retired } : {}),
    cells,
  }
}

function bandRow(g: GroupNo, months: PeriodMonth[]): RowSpec {
  return {
    values: [null, GROUP_NAMES[g], null, GROUP_NAMES[g], null, ...months.map(() => null), null, null],
    bold: true,
    fill: FILL.band,
  }
}

/** A subtotal over some sites: pieces per month (with a total), or sites that reported. */
function subtotalRow(
  label: string,
  some: readonly Site[],
  what: 'sites' | 'pieces',
  months: PeriodMonth[],
  tallies: Tallies,
  counted: MonthlyInput['counted'],
): RowSpec {
  const perMonth = months.map((m, i) => {
    if (m.beforeTracking) return null
    const ts = some.filter((s) => counted.has(m.month, s)).map((s) => tallies[i]!.get(s.id)!)
    return what === 'pieces' ? ts.reduce((n, t) => n + t.count, 0) : ts.filter((t) => t.count > 0).length
  })
  const total = what === 'pieces' ? perMonth.reduce<number>((n, c) => n + (c ?? 0), 0) : null
  return { values: [null, label, null, null, null, ...perMonth, total, null], bold: true, fill: FILL.total }
}

function subtotalRows(
  scope: string,
  sites: Site[],
  months: PeriodMonth[],
  tallies: Tallies,
  counted: MonthlyInput['counted'],
): RowSpec[] {
  // Each month sums the sites it counted; the labels give today's number of sites.
  const active = sites.filter((s) => !s.retired)
  const ids = (level?: Site['level']) => sites.filter((s) => level === undefined || s.level === level)
  const now = (level?: Site['level']) => active.filter((s) => level === undefined || s.level === level).length
  const all = ids()
  const rows = [
    subtotalRow(M.allPieces(scope), all, 'pieces', months, tallies, counted),
    subtotalRow(M.allSites(scope, now()), all, 'sites', months, tallies, counted),
  ]
  // 省级 first: the levels in the order of the sites' 编号.
  for (const level of new Set([...sites].sort((a, b) => a.no - b.no).map((s) => s.level))) {
    const some = ids(level)
    rows.push(subtotalRow(M.levelPieces(level), some, 'pieces', months, tallies, counted))
    rows.push(subtotalRow(M.levelSites(level, now(level)), some, 'sites', months, tallies, counted))
  }
  return rows
}

type Framed = Pick<SheetSpec, 'title' | 'subtitle'>

export async function monthlySheet(
  input: MonthlyInput,
  months: PeriodMonth[],
  sites: Site[],
  frame: Framed,
): Promise<SheetSpec> {
  const headers = [...M.headers, ...months.map((m) => monthHeader(m.month)), M.total, M.remark]
  const headerNotes = new Map<number, string>()
  months.forEach((m, i) => {
    if (m.beforeTracking) headerNotes.set(BASE + i, M.beforeTracking)
    else if (m.current) headerNotes.set(BASE + i, M.currentMonth(input.now))
  })
  const tallies = await talliesOf(input, months, sites)
  const rows: RowSpec[] = []
  for (const g of GROUP_NOS) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    rows.push(bandRow(g, months))
    for (const site of inGroup) rows.push(siteRow(site, months, tallies, input.counted))
  }
  const lastSiteRow = rows.length
  rows.push({ values: [] }, ...subtotalRows(input.scope, sites, months, tallies, input.counted))
  return {
    name: X.sheets.monthly,
    ...frame,
    headers,
    headerNotes,
    rows,
    frozenCols: 2,
    filterTo: lastSiteRow,
    widths: [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      // 2026年 over 7月: narrow columns, so a year of months fits a page.
      ...months.map(() => MONTH_WIDTH),
      6,
    ],
    // The subtotal labels are long; they should not widen the 单位 column beyond the names.
    fitRows: (r) => typeof r.values[0] === 'number',
    wrap: [headers.length - 1],
  }
}
