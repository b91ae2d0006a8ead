/**
 * One worksheet of the Excel export as plain data, and how it is written: a title row and a line
 * with the scope, the period and the time it was made, the header row, then the rows; A4, fitted
 * to one page wide, header rows repeated on every printed page, page numbers in the footer.
 */
import type ExcelJS from 'exceljs'
import { XLSX_FOOTER } from '../messages/documents.js'
import { SUBTITLE_SEP } from '../messages/export.js'
import {
  COLUMN_PAD_PX,
  type PrintFit,
  printFit,
  printSetup,
  SUBTITLE_HEIGHT,
  TITLE_HEIGHT,
  TITLE_ROWS,
  UNIT_PX,
} from './xlsx-print.js'

export { printFit, TITLE_ROWS, type PrintFit } from './xlsx-print.js'

/** A link shown as words (查看原文), the address behind them. */
export interface LinkCell {
  text: string
  hyperlink: string
}

export type CellValue = string | number | Date | LinkCell | null

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
  /** Widest a fitted column gets, by column index (0-based), where the defaults would be too wide. */
  caps?: (number | undefined)[]
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
const LINK_BLUE = 'FF0563C1'
/** Cells handled between two yields to the event loop (a few milliseconds of work). */
const CELLS_PER_CHUNK = 1000
const MAX_WIDTH = 40
/** Widest a wrapped text column gets; longer text takes more lines. */
const WRAP_WIDTH = 36
/**
 * Height of one line of 11 pt text with CJK characters, in points: CJK fonts (等线, Noto Sans CJK)
 * take about 1.45 em a line, more than Calibri's 15 pt rows.
 */
export const LINE_HEIGHT = 16
/** A row's padding above and below its lines, in points. */
const ROW_PAD = 2
/** An 11 pt CJK character, and the cell's own inner margins, in pixels at 96 dpi. */
const CJK_PX = 14.7
const CELL_PAD_PX = 6
/** The workbook's font, named on every styled cell so that no program falls back to another. */
const FONT = { name: 'Calibri', size: 11 }
/** "第 N 页 共 M 页", centred in the footer. */
export const PAGE_FOOTER = XLSX_FOOTER

export const solid = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
})
/** Yields to the event loop, so a big export does not stall the bot's other work. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

const wide = (ch: string) => ch.codePointAt(0)! >= 0x2e80

/** Display width in Excel's units: a CJK or full-width character takes two. */
export function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += wide(ch) ? 2 : 1
  return w
}

/** Width of a line of 11 pt text in pixels: CJK characters a little over two units each. */
function textPx(s: string): number {
  let px = 0
  for (const ch of s) px += wide(ch) ? CJK_PX : UNIT_PX
  return px
}

function cellWidth(v: CellValue): number {
  if (v === null || v === undefined) return 0
  if (v instanceof Date) return 16
  if (typeof v === 'number') return String(v).length
  if (typeof v === 'object') return textWidth(v.text)
  return Math.max(0, ...v.split('\n').map(textWidth))
}

/**
 * Lines a wrapped cell takes at a column width, counted as Excel and LibreOffice break it: by the
 * pixel width of its characters, with a character's room to spare for words and punctuation
 * that may not start a line.
 */
export function linesOf(v: CellValue, width: number): number {
  if (typeof v !== 'string' || v === '') return 1
  const room = width * UNIT_PX + COLUMN_PAD_PX - CELL_PAD_PX
  // Lines break between characters: a line holds whole characters only.
  const line = Math.max(1, Math.floor(room / CJK_PX)) * CJK_PX
  return v.split('\n').reduce((n, l) => {
    const px = textPx(l)
    // A line that wraps may give a character to the next (punctuation does not start a line).
    return n + (px <= room ? 1 : Math.ceil(px / Math.max(CJK_PX, line - CJK_PX)))
  }, 0)
}

/** Row height in points for a number of lines. */
export const rowHeight = (lines: number) => lines * LINE_HEIGHT + ROW_PAD

// XML 1.0 forbids most control characters; WeChat text sometimes carries them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g
const clean = (v: CellValue) => (typeof v === 'string' ? v.replace(CONTROL, '') : v)

export const colName = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colName(Math.floor((n - 1) / 26)) + colName(((n - 1) % 26) + 1)

/** Column widths: fixed where given, wrapped columns bounded, others fitted to the content. */
async function widthsOf(spec: SheetSpec): Promise<number[]> {
  const fitted = spec.headers.map(() => 0)
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
    const cap = spec.caps?.[i] ?? (spec.wrap?.includes(i) ? WRAP_WIDTH : MAX_WIDTH)
    // A header longer than its column's values wraps onto a second line rather than widening it.
    return Math.min(cap, Math.max(6, w + 2, headerWidth(spec.headers[i] ?? '')))
  })
}

/** Characters on a header's first line when it takes two: 组内 over 排名, 最长连续 over 未报. */
const firstLine = (n: number) => (n === 6 ? 4 : Math.ceil(n / 2))
const allWide = (s: string) => [...s].every(wide)

/**
 * The width a header needs: a short one (up to three characters) on one line, a longer one on
 * two lines (firstLine), each of its own lines where it has them.
 */
function headerWidth(header: string): number {
  const chars = [...header]
  const oneLine = textWidth(header) <= 6 || header.includes('\n') || !allWide(header)
  const px = oneLine ? Math.max(...header.split('\n').map(textPx)) : firstLine(chars.length) * CJK_PX
  return Math.ceil((px + CELL_PAD_PX - COLUMN_PAD_PX + 1) / UNIT_PX)
}

/** A header that wraps in its column, broken where a reader expects (组内 / 排名), not where it fills. */
function headerText(header: string, width: number): string {
  if (header.includes('\n') || !allWide(header) || linesOf(header, width) <= 1) return header
  const chars = [...header]
  const k = firstLine(chars.length)
  return `${chars.slice(0, k).join('')}\n${chars.slice(k).join('')}`
}

/** Heights in points of the header row and of every data row, from the lines of their wrapped cells. */
function heightsOf(spec: SheetSpec, widths: readonly number[]): { header: number; rows: number[] } {
  const wrap = new Set(spec.wrap ?? [])
  const header = Math.max(
    ...spec.headers.map((h, i) => linesOf(headerText(h, widths[i] ?? 10), widths[i] ?? 10)),
  )
  const rows = spec.rows.map((r) => {
    let lines = 1
    for (const c of wrap) lines = Math.max(lines, linesOf(r.values[c] ?? null, widths[c] ?? 10))
    return rowHeight(lines)
  })
  return { header: rowHeight(header), rows }
}

/** The title and the scope line as they print: broken into lines where the table is narrower. */
interface Frame {
  title: string
  titleHeight: number
  subtitle: string
  subtitleHeight: number
}

function frameOf(spec: SheetSpec, widths: readonly number[]): Frame {
  const room = widths.reduce((a, w) => a + w * UNIT_PX + COLUMN_PAD_PX, 0) - CELL_PAD_PX
  // 16 pt: the title's characters are 16/11 of the body's. It breaks before its period (（2026年）).
  const titleFits = (textPx(spec.title) * 16) / 11 <= room
  const title = titleFits ? spec.title : spec.title.replace(/(?=（[^（]*$)/, '\n')
  // 10 pt: the scope line's parts (范围, 期间, 制表时间) go onto as many lines as they need.
  const lines: string[] = []
  for (const part of spec.subtitle.split(SUBTITLE_SEP)) {
    const last = lines.at(-1)
    if (last !== undefined && (textPx(last + SUBTITLE_SEP + part) * 10) / 11 <= room)
      lines[lines.length - 1] = last + SUBTITLE_SEP + part
    else lines.push(part)
  }
  const titleLines = title.split('\n').length
  return {
    title,
    titleHeight: titleLines === 1 ? TITLE_HEIGHT : titleLines * 22 + 4,
    subtitle: lines.join('\n'),
    subtitleHeight: lines.length === 1 ? SUBTITLE_HEIGHT : lines.length * 14 + 4,
  }
}

function writeTitle(ws: ExcelJS.Worksheet, frame: Frame, columns: number): void {
  const last = colName(Math.max(1, columns))
  const title = ws.addRow([frame.title])
  title.height = frame.titleHeight
  title.getCell(1).font = { ...FONT, bold: true, size: 16 }
  title.getCell(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  ws.mergeCells(`A1:${last}1`)
  title.commit()
  const sub = ws.addRow([frame.subtitle])
  sub.height = frame.subtitleHeight
  sub.getCell(1).font = { ...FONT, size: 10, color: { argb: 'FF404040' } }
  sub.getCell(1).alignment = { vertical: 'middle', horizontal: 'left', wrapText: true }
  ws.mergeCells(`A2:${last}2`)
  sub.commit()
}

function writeHeader(
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  widths: readonly number[],
  height: number,
): void {
  const header = ws.addRow(spec.headers.map((h, i) => headerText(h, widths[i] ?? 10)))
  header.height = height
  header.eachCell((c, i) => {
    c.font = { ...FONT, bold: true }
    c.fill = solid(FILL.header)
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    const note = spec.headerNotes?.get(i - 1)
    if (note) c.note = note
  })
  header.commit()
}

/**
 * Styles by what they are made of, built once: exceljs writes a style object it has seen before
 * without serialising it again (a weak map by identity), which halves a big export's time. The
 * objects are never changed after they are made.
 */
const STYLES = new Map<string, Partial<ExcelJS.Style>>()

function styleOf(r: RowSpec, index: number, wrap: boolean): Partial<ExcelJS.Style> {
  const own = r.cells?.get(index)
  const v = r.values[index]
  const link = v !== null && typeof v === 'object' && !(v instanceof Date)
  const fill = own?.fill ?? r.fill
  const numFmt = own?.numFmt ?? (v instanceof Date ? DATE_TIME : undefined)
  // Numbers centred, as in Chinese office tables; text from the left.
  const align = wrap ? 'wrap' : typeof v === 'number' ? 'number' : 'text'
  const key = `${r.bold ? 'b' : ''}${r.grey ? 'g' : ''}${r.strike ? 's' : ''}${link ? 'l' : ''}|${fill ?? ''}|${numFmt ?? ''}|${align}`
  const known = STYLES.get(key)
  if (known) return known
  const style: Partial<ExcelJS.Style> = {
    alignment:
      align === 'wrap'
        ? { vertical: 'middle', wrapText: true }
        : align === 'number'
          ? { vertical: 'middle', horizontal: 'center' }
          : { vertical: 'middle' },
  }
  if (r.bold || r.grey || r.strike)
    style.font = {
      ...FONT,
      bold: r.bold ?? false,
      strike: r.strike ?? false,
      ...(r.grey ? { color: { argb: GREY } } : {}),
    }
  if (link) style.font = { ...FONT, color: { argb: LINK_BLUE }, underline: true }
  if (fill) style.fill = solid(fill)
  if (numFmt) style.numFmt = numFmt
  STYLES.set(key, style)
  return style
}

function styleCell(cell: ExcelJS.Cell, r: RowSpec, index: number, wrap: boolean): void {
  cell.style = styleOf(r, index, wrap)
  const note = r.cells?.get(index)?.note
  if (note) cell.note = note
}

/** How a sheet prints: its column widths, row heights, title lines, and the pages A4 gives it. */
export interface SheetLayout {
  widths: number[]
  heights: { header: number; rows: number[] }
  frame: Frame
  fit: PrintFit
}

/** Measures a sheet before it is written: the export decides from `fit.pages` where a list goes. */
export async function layoutOf(spec: SheetSpec): Promise<SheetLayout> {
  const widths = await widthsOf(spec)
  const heights = heightsOf(spec, widths)
  const frame = frameOf(spec, widths)
  const fit = printFit(widths, [heights.header, ...heights.rows], frame.titleHeight + frame.subtitleHeight)
  return { widths, heights, frame, fit }
}

/** Writes a sheet row by row through the streaming writer, yielding between chunks. */
export async function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: SheetSpec,
  layout?: SheetLayout,
): Promise<void> {
  const n = spec.headers.length
  const { widths, heights, frame, fit } = layout ?? (await layoutOf(spec))
  const wrap = new Set(spec.wrap ?? [])
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.frozenCols ?? 0, ySplit: TITLE_ROWS + 1 }],
    pageSetup: printSetup(fit),
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  ws.columns = widths.map((width) => ({ width }))
  const head = TITLE_ROWS + 1
  ws.autoFilter = `A${head}:${colName(Math.max(1, n))}${head + Math.max(0, spec.filterTo ?? spec.rows.length)}`
  writeTitle(ws, frame, n)
  writeHeader(ws, spec, widths, heights.header)
  let work = 0
  for (const [i, r] of spec.rows.entries()) {
    const width = Math.max(n, r.values.length)
    work += width
    if (work >= CELLS_PER_CHUNK) {
      work = 0
      await breathe()
    }
    const row = ws.addRow(r.values.map(clean))
    for (let c = 1; c <= width; c++) styleCell(row.getCell(c), r, c - 1, wrap.has(c - 1))
    row.height = heights.rows[i]!
    row.commit()
  }
  ws.commit()
}
