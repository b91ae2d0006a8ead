/**
 * One worksheet of the Excel export as plain data, and how it is written: a title row and a line
 * with the scope, the period and the time it was made, the header row, then the rows; A4, fitted
 * to one page wide, header rows repeated on every printed page, page numbers in the footer.
 */
import type ExcelJS from 'exceljs'
import { XLSX_FOOTER } from '../messages/documents.js'

export type CellValue = string | number | Date | null

/** One row as plain data: values, a style for the whole row, and per-cell fills and notes. */
export interface RowSpec {
  values: CellValue[]
  bold?: boolean
  grey?: boolean
  strike?: boolean
  /** Fill of every cell of the row (cells with their own fill keep it). */
  fill?: string
  cells?: Map<number, { fill?: string; note?: string; numFmt?: string }>
}

/** One sheet as plain data, built before anything is written so widths can fit the content. */
export interface SheetSpec {
  name: string
  /** The title row: what the sheet is, for whom and for which period. */
  title: string
  /** The line under the title: scope, period, when it was made. */
  subtitle: string
  headers: readonly string[]
  headerNotes?: Map<number, string>
  rows: RowSpec[]
  frozenCols?: number
  /** The last data row the filter covers (1-based among the data rows); all rows by default. */
  filterTo?: number
  /** Fixed widths by column index (0-based); others are fitted to the content. */
  widths?: (number | undefined)[]
  /** Rows whose values count for width fitting (all by default). */
  fitRows?: (row: RowSpec) => boolean
  /** Columns of running text (0-based): they wrap within a bounded width instead of being cut. */
  wrap?: readonly number[]
}

export const DATE_TIME = 'yyyy-mm-dd hh:mm'
export const DATE = 'yyyy-mm-dd'
export const FILL = {
  header: 'FFDDEBF7',
  band: 'FFFFF2CC',
  late: 'FFFCE4D6',
  retired: 'FFEDEDED',
  before: 'FFF2F2F2',
  total: 'FFE2EFDA',
}
const GREY = 'FF808080'
/** Cells handled between two yields to the event loop (a few milliseconds of work). */
const CELLS_PER_CHUNK = 1000
const MAX_WIDTH = 40
/** Widest a wrapped text column gets; longer text takes more lines. */
const WRAP_WIDTH = 36
/** Rows above the header: the title and the scope line. */
export const TITLE_ROWS = 2
/** A4 portrait holds about this many width units at 100 %; wider sheets print landscape. */
const PORTRAIT_UNITS = 100
const LINE_HEIGHT = 15
/** "第 N 页 共 M 页", centred in the footer. */
export const PAGE_FOOTER = XLSX_FOOTER

export const solid = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
})
/** Yields to the event loop, so a big export does not stall the bot's other work. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Display width in Excel's units: a CJK or full-width character takes two. */
export function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1
  return w
}

function cellWidth(v: CellValue): number {
  if (v === null || v === undefined) return 0
  if (v instanceof Date) return 16
  if (typeof v === 'number') return String(v).length
  return Math.max(0, ...v.split('\n').map(textWidth))
}

/** Lines a wrapped cell takes at a column width. */
function linesOf(v: CellValue, width: number): number {
  if (typeof v !== 'string' || v === '') return 1
  return v.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(textWidth(l) / Math.max(1, width - 1))), 0)
}

// XML 1.0 forbids most control characters; WeChat text sometimes carries them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g
const clean = (v: CellValue) => (typeof v === 'string' ? v.replace(CONTROL, '') : v)

export const colName = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colName(Math.floor((n - 1) / 26)) + colName(((n - 1) % 26) + 1)

/** Column widths: fixed where given, wrapped columns bounded, others fitted to the content. */
async function widthsOf(spec: SheetSpec): Promise<number[]> {
  const fitted = spec.headers.map(textWidth)
  let work = 0
  for (const r of spec.rows) {
    work += r.values.length
    if (work >= CELLS_PER_CHUNK * 4) {
      work = 0
      await breathe()
    }
    if (spec.fitRows && !spec.fitRows(r)) continue
    r.values.forEach((v, i) => {
      fitted[i] = Math.max(fitted[i] ?? 0, cellWidth(v))
    })
  }
  return fitted.map((w, i) => {
    const fixed = spec.widths?.[i]
    if (fixed !== undefined) return fixed
    const cap = spec.wrap?.includes(i) ? WRAP_WIDTH : MAX_WIDTH
    return Math.min(cap, Math.max(6, w + 2))
  })
}

/** Paper, orientation, fitting, print titles and footer for a sheet of these widths. */
function printSetup(widths: readonly number[]): Partial<ExcelJS.PageSetup> {
  const total = widths.reduce((a, b) => a + b, 0)
  return {
    paperSize: 9,
    orientation: total > PORTRAIT_UNITS ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + 1}`,
  }
}

function writeTitle(ws: ExcelJS.Worksheet, spec: SheetSpec, columns: number): void {
  const last = colName(Math.max(1, columns))
  const title = ws.addRow([spec.title])
  title.height = 28
  title.getCell(1).font = { bold: true, size: 16 }
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' }
  ws.mergeCells(`A1:${last}1`)
  title.commit()
  const sub = ws.addRow([spec.subtitle])
  sub.getCell(1).font = { size: 10, color: { argb: 'FF404040' } }
  sub.getCell(1).alignment = { vertical: 'middle', horizontal: 'left' }
  ws.mergeCells(`A2:${last}2`)
  sub.commit()
}

function writeHeader(ws: ExcelJS.Worksheet, spec: SheetSpec, widths: readonly number[]): void {
  const header = ws.addRow([...spec.headers])
  const lines = Math.max(...spec.headers.map((h, i) => linesOf(h, widths[i] ?? 10)))
  if (lines > 1) header.height = LINE_HEIGHT * lines
  header.eachCell((c, i) => {
    c.font = { bold: true }
    c.fill = solid(FILL.header)
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    const note = spec.headerNotes?.get(i - 1)
    if (note) c.note = note
  })
  header.commit()
}

function styleCell(cell: ExcelJS.Cell, r: RowSpec, index: number, wrap: boolean): void {
  const own = r.cells?.get(index)
  const v = r.values[index]
  if (r.bold || r.grey || r.strike)
    cell.font = {
      bold: r.bold ?? false,
      strike: r.strike ?? false,
      ...(r.grey ? { color: { argb: GREY } } : {}),
    }
  const fill = own?.fill ?? r.fill
  if (fill) cell.fill = solid(fill)
  if (own?.note) cell.note = own.note
  if (own?.numFmt) cell.numFmt = own.numFmt
  else if (v instanceof Date) cell.numFmt = DATE_TIME
  cell.alignment = wrap ? { vertical: 'top', wrapText: true } : { vertical: 'top' }
}

/** Writes a sheet row by row through the streaming writer, yielding between chunks. */
export async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<void> {
  const n = spec.headers.length
  const widths = await widthsOf(spec)
  const wrap = new Set(spec.wrap ?? [])
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.frozenCols ?? 0, ySplit: TITLE_ROWS + 1 }],
    pageSetup: printSetup(widths),
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  ws.columns = widths.map((width) => ({ width }))
  const head = TITLE_ROWS + 1
  ws.autoFilter = `A${head}:${colName(Math.max(1, n))}${head + Math.max(0, spec.filterTo ?? spec.rows.length)}`
  writeTitle(ws, spec, n)
  writeHeader(ws, spec, widths)
  let work = 0
  for (const r of spec.rows) {
    const width = Math.max(n, r.values.length)
    work += width
    if (work >= CELLS_PER_CHUNK) {
      work = 0
      await breathe()
    }
    const row = ws.addRow(r.values.map(clean))
    let lines = 1
    for (let c = 1; c <= width; c++) {
      styleCell(row.getCell(c), r, c - 1, wrap.has(c - 1))
      if (wrap.has(c - 1)) lines = Math.max(lines, linesOf(r.values[c - 1] ?? null, widths[c - 1] ?? 10))
    }
    if (lines > 1) row.height = LINE_HEIGHT * lines
    row.commit()
  }
  ws.commit()
}
