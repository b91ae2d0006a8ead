/**
 * Reading a coordinator's table (a sheet as rows of cell texts): which row holds the month
 * headers, which column names the sites, what each cell says. Title rows above the headers,
 * 序号 / 工作推进组 / 区 columns, group heading rows and subtotal rows (合计, 小计, 全市) are
 * recognised and skipped. Pure: the finder comes in as a function.
 */
import { monthOf, type Month } from './calendar.js'
import { parseMonthHeader, yearInTitle } from './month-words.js'
import type { LookupResult } from './roster.js'
import type { ImportEntry } from './imports.js'
import { IMPORT_CELL_WORDS } from './vocabulary.js'

export interface SheetGrid {
  name: string
  /** Cell texts, row by row (row 1 first); a formula gives its cached value. */
  rows: string[][]
}

export interface Unplaced {
  text: string
  /** Best guesses (site names), at most three. */
  guesses: string[]
}

export interface SheetReading {
  sheet: string
  months: Month[]
  entries: ImportEntry[]
  /** The sites the file has a row for, in order. */
  orgIds: string[]
  unplaced: Unplaced[]
  /** Cells that are neither a number nor a mark, as A1 address and text. */
  unreadable: { cell: string; text: string }[]
  /** Month columns with nothing in them: left out (no data, not “none reported”). */
  emptyMonths: Month[]
}

export type SheetProblem = 'noMonth' | 'noSite' | { future: Month }

const SKIP_HEADER =
  /序号|工作推进组|组别|^组$|工作组|^区$|区域|地区|所属|级别|层级|合计|小计|总计|备注|联系人|电话/
const SUBTOTAL = /合计|小计|总计|共计|全市|平均/
const GROUP_ROW = /^(第[一二三123]组|[一二三123]组|工作推进组)/
const YES = new Set<string>(IMPORT_CELL_WORDS.yes)
const NO = new Set<string>(IMPORT_CELL_WORDS.no)
const BLANK = new Set<string>(IMPORT_CELL_WORDS.blank)
const SCAN_ROWS = 15

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/** A cell as a count: a number, a mark (1) or a mark of none (0); 'blank' when empty; null when unreadable. */
export function cellCount(text: string): number | 'blank' | null {
  const t = text.normalize('NFKC').trim()
  if (BLANK.has(t)) return 'blank'
  if (YES.has(t)) return 1
  if (NO.has(t)) return 0
  const n = /^(\d+)(?:\.0+)?(?:篇|件|条|次)?(?:\s*[(（][^)）]*[)）]|补)?$/.exec(t)
  return n ? Number(n[1]) : null
}

const clean = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/\s+/g, '')

/** The header row (first row with a month header) and its month columns. */
function findHeader(grid: SheetGrid, now: Date) {
  for (let r = 0; r < Math.min(grid.rows.length, SCAN_ROWS); r++) {
    const above = grid.rows
      .slice(0, r + 1)
      .flat()
      .map(clean)
    const titleYear = above.map(yearInTitle).find((y) => y !== null) ?? yearInTitle(grid.name)
    const cols = new Map<number, Month>()
    grid.rows[r]!.forEach((c, i) => {
      const m = parseMonthHeader(clean(c), now, titleYear)
      if (m && ![...cols.values()].includes(m)) cols.set(i, m)
    })
    if (cols.size > 0) return { row: r, cols }
  }
  return null
}

/** The column whose cells name the most sites (序号 and the like left out). */
function findSiteColumn(grid: SheetGrid, header: number, monthCols: Map<number, Month>, find: Finder) {
  const width = Math.max(...grid.rows.map((r) => r.length))
  let best = { col: -1, hits: 0 }
  for (let c = 0; c < width; c++) {
    const head = clean(grid.rows[header]![c])
    if (monthCols.has(c) || SKIP_HEADER.test(head)) continue
    const numbers = /编号/.test(head)
    let hits = 0
    for (const row of grid.rows.slice(header + 1)) {
      const v = clean(row[c])
      if (v === '' || (!numbers && /^\d+$/.test(v))) continue
      const f = find(v)
      if (f.kind === 'found' && f.org.kind === 'site') hits++
    }
    if (
      hits > best.hits ||
      (hits === best.hits && hits > 0 && !numbers && /编号/.test(clean(grid.rows[header]![best.col])))
    )
      best = { col: c, hits }
  }
  return best.hits > 0 ? best.col : null
}

export type Finder = (text: string) => LookupResult

/** Reads one sheet; a problem when it has no month header, no site column, or a month after `now`'s. */
export function readSheet(grid: SheetGrid, find: Finder, now: Date): SheetReading | SheetProblem {
  const header = findHeader(grid, now)
  if (!header) return 'noMonth'
  const future = [...header.cols.values()].find((m) => m > monthOf(now))
  const siteCol = findSiteColumn(grid, header.row, header.cols, find)
  if (siteCol === null) return 'noSite'
  if (future) return { future }
  const reading: SheetReading = {
    sheet: grid.name,
    months: [...header.cols.values()],
    entries: [],
    orgIds: [],
    unplaced: [],
    unreadable: [],
    emptyMonths: [],
  }
  const filled = new Set<Month>()
  grid.rows.slice(header.row + 1).forEach((row, i) => {
    const name = clean(row[siteCol])
    if (name === '' || SUBTOTAL.test(name) || GROUP_ROW.test(name)) return
    const f = find(name)
    if (f.kind !== 'found' || f.org.kind !== 'site') {
      const guesses = f.kind === 'ambiguous' ? f.candidates : f.kind === 'unknown' ? f.suggestions : []
      reading.unplaced.push({ text: name, guesses: guesses.slice(0, 3).map((o) => o.name) })
      return
    }
    if (reading.orgIds.includes(f.org.id)) return
    reading.orgIds.push(f.org.id)
    for (const [c, month] of header.cols) {
      const n = cellCount(row[c] ?? '')
      if (n === null)
        reading.unreadable.push({ cell: `${columnLetter(c)}${header.row + i + 2}`, text: row[c]!.trim() })
      if (n === null || n === 'blank') continue
      filled.add(month)
      if (n > 0) reading.entries.push({ orgId: f.org.id, month, count: n })
    }
  })
  if (reading.orgIds.length === 0) return 'noSite'
  reading.emptyMonths = reading.months.filter((m) => !filled.has(m))
  reading.months = reading.months.filter((m) => filled.has(m)).sort()
  reading.entries = reading.entries.filter((e) => filled.has(e.month))
  return reading
}

/** The first sheet of a workbook that reads as a table; else the first sheet's problem. */
export function readWorkbook(
  sheets: readonly SheetGrid[],
  find: Finder,
  now: Date,
): SheetReading | SheetProblem {
  let first: SheetProblem | null = null
  for (const s of sheets) {
    const r = readSheet(s, find, now)
    if (typeof r === 'object' && 'entries' in r) {
      if (r.months.length > 0) return r
      first ??= 'noMonth'
    } else first ??= r
  }
  return first ?? 'noMonth'
}
