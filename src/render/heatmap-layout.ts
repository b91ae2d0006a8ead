/**
 * Where everything of the heatmap goes: the rows (working-group bands and sites), the months,
 * each cell's count and state (补报, imported, no data, 未报…), and the legend, which lists
 * only what the picture shows besides the scale.
 */
import type { Tracking } from '../domain/tracking.js'
import type { Month } from '../domain/calendar.js'
import type { Period, PeriodMonth } from '../domain/periods.js'
import { periodMonths } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
import { tallyMonth } from '../domain/reports.js'
import type { GroupNo, Site } from '../domain/types.js'
import { X } from '../messages/export.js'
import { textWidth } from './xlsx-sheet.js'
import { counting, type CountedSites, type Counting } from './counted.js'

export interface HeatmapInput {
  period: Period
  now: Date
  /** Every site, retired ones too (flagged). */
  sites: readonly Site[]
  /** The reports of the period's months, withdrawn ones included (they do not count). */
  reports: readonly Report[]
  trackingSince?: Month | Tracking
  /**
   * What the reports alone cannot say about a cell, by site and month: 补报 counts, months whose
   * figures were imported from the paper ledger, and months with no data at all (not 未报).
   */
  cells?: readonly HeatmapCellInput[]
  /**
   * The sites each month's tallies count: a site not yet added is 尚未列入, a withdrawn one grey
   * from its withdrawal (src/render/counted.ts). Without it a retired site is grey throughout.
   */
  counted?: CountedSites
}

export interface HeatmapCellInput {
  siteId: string
  month: Month
  /** Reports of the month that came in as 补报 (the reports' late flag). */
  late?: number
  /** The month's figure was imported, not reported through the bot. */
  imported?: boolean
  /** Nothing is known of this month for this site: shown as 无数据, never as 未报. */
  noData?: boolean
}

/**
 * The marks of every site and month that has one: the 补报 count from the reports' late flag, and
 * imported months (counts taken from the coordinator's ledger by #导入, `via: 'import'`).
 */
export function lateCells(reports: readonly Report[]): HeatmapCellInput[] {
  const marks = new Map<string, HeatmapCellInput>()
  for (const r of reports) {
    const imported = r.via === 'import'
    if ((!r.late && !imported) || r.withdrawn) continue
    const key = `${r.orgId}\u0000${r.month}`
    const c = marks.get(key) ?? { siteId: r.orgId, month: r.month }
    if (imported) c.imported = true
    else c.late = (c.late ?? 0) + 1
    marks.set(key, c)
  }
  return [...marks.values()]
}

export type CellCode =
  | 'missed'
  | 'running'
  | 'one'
  | 'two'
  | 'many'
  | 'imported'
  | 'noData'
  | 'notYet'
  | 'retired'
  | 'beforeTracking'
export const COLORS: Record<CellCode | 'band', string> = {
  missed: '#f4a3a3',
  running: '#fde9a9',
  one: '#c7e9c0',
  two: '#74c476',
  many: '#238b45',
  imported: '#9ecae1',
  noData: '#ffffff',
  notYet: '#f7f7f7',
  retired: '#d9d9d9',
  beforeTracking: '#f2f2f2',
  band: '#e3eaf5',
}
export const PALETTE = Object.keys(COLORS) as (CellCode | 'band')[]
const LEGEND_ORDER: CellCode[] = [
  'missed',
  'one',
  'two',
  'many',
  'running',
  'imported',
  'noData',
  'notYet',
  'retired',
  'beforeTracking',
]
/** Always in the legend (the scale); the others only when some cell shows them. */
const ALWAYS: readonly CellCode[] = ['missed', 'one', 'two', 'many']

export type HeatmapRow = { kind: 'band'; group: GroupNo } | { kind: 'site'; site: Site }

export interface HeatmapCell {
  row: number
  col: number
  count: number
  late: number
  code: CellCode
}

const cellKey = (siteId: string, month: Month) => `${siteId}\u0000${month}`

export interface HeatmapLayout {
  width: number
  height: number
  /** The grid's top-left corner and cell size, in pixels of the PNG. */
  grid: { left: number; top: number; cellW: number; cellH: number }
  rows: HeatmapRow[]
  months: PeriodMonth[]
  cells: HeatmapCell[]
  /** Legend entries, top-left of each swatch. */
  legend: { code: CellCode; x: number; y: number; label: string }[]
  /** Whether some cell holds 补报 (the "补" note under the grid is shown only then). */
  anyLate: boolean
}

const WIDTH = 1080
const CELL_H = 36
const LEFT = 230
const RIGHT = 24
const TOP = 196
export const BOTTOM = 56
const MAX_CELL_W = 140
export const SWATCH = 22
export const LEGEND_FONT = 18

function codeOf(
  m: PeriodMonth,
  site: Site,
  count: number,
  extra: HeatmapCellInput | undefined,
  counted: Counting,
): CellCode {
  if (m.beforeTracking) return 'beforeTracking'
  if (extra?.noData) return 'noData'
  const standing = counted.standing(site, m.month)
  if (standing !== 'counted') return standing
  if (extra?.imported) return 'imported'
  if (count >= 3) return 'many'
  if (count === 2) return 'two'
  if (count === 1) return 'one'
  return m.current ? 'running' : 'missed'
}

/** Where everything goes: the rows (bands and sites), the months, the cells and the legend. */
export function heatmapLayout(input: HeatmapInput): HeatmapLayout {
  const months = periodMonths(input.period, input.now, input.trackingSince ?? null)
  const sites = [...input.sites].sort((a, b) => a.group - b.group || a.no - b.no)
  const counted = counting(
    input.counted,
    months.filter((m) => !m.beforeTracking).map((m) => m.month),
  )
  const rows: HeatmapRow[] = []
  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    rows.push({ kind: 'band', group: g })
    for (const site of inGroup) rows.push({ kind: 'site', site })
  }
  const extras = new Map((input.cells ?? []).map((c) => [cellKey(c.siteId, c.month), c]))
  const cells: HeatmapCell[] = []
  months.forEach((m, col) => {
    const tally = tallyMonth(sites, input.reports, m.month)
    const bySite = new Map(tally.sites.map((t) => [t.site.id, t]))
    rows.forEach((r, row) => {
      if (r.kind !== 'site') return
      const t = bySite.get(r.site.id)!
      const extra = extras.get(cellKey(r.site.id, m.month))
      const code = codeOf(m, r.site, t.count, extra, counted)
      const shown = code !== 'beforeTracking' && code !== 'noData' && code !== 'notYet'
      const count = shown ? t.count : 0
      cells.push({ row, col, count, late: shown ? (extra?.late ?? t.late) : 0, code })
    })
  })
  const gridW = Math.min(WIDTH - LEFT - RIGHT, Math.max(1, months.length) * MAX_CELL_W)
  const cellW = Math.floor(gridW / Math.max(1, months.length))
  const present = new Set(cells.map((c) => c.code))
  const legend: HeatmapLayout['legend'] = []
  let x = 24
  let y = 112
  for (const code of LEGEND_ORDER) {
    if (!present.has(code) && !ALWAYS.includes(code)) continue
    const label = X.heatmap.pieces[code]
    const w = SWATCH + 8 + (textWidth(label) * LEGEND_FONT) / 2 + 24
    if (x + w > WIDTH - RIGHT) {
      x = 24
      y += SWATCH + 12
    }
    legend.push({ code, x, y, label })
    x += w
  }
  const top = Math.max(TOP, y + SWATCH + 54)
  return {
    width: WIDTH,
    height: top + rows.length * CELL_H + BOTTOM,
    grid: { left: LEFT, top, cellW, cellH: CELL_H },
    rows,
    months,
    cells,
    legend,
    anyLate: cells.some((c) => c.late > 0),
  }
}
