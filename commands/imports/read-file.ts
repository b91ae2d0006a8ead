/**
 * A shared spreadsheet as sheets of cell texts: .xlsx through exceljs (formulas read as their
 * cached values, never evaluated), .csv as UTF-8 or GB18030. A workbook is a zip: its central
 * directory is checked against sane bounds (entries, sheets, uncompressed bytes, compression
 * ratio) before anything is inflated, and rows and cells are bounded once loaded.
 */
import ExcelJS from 'exceljs'
import type { SheetGrid } from '../../src/domain/import-sheet.js'

export const IMPORT_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  unzippedBytes: 50 * 1024 * 1024,
  entries: 500,
  sheets: 20,
  ratio: 200,
  rows: 2000,
  cells: 100_000,
}

export type FileProblem = 'notSpreadsheet' | 'tooLarge' | 'tooBig' | 'unreadable'

const isXlsx = (name: string) => /\.xlsx$/i.test(name)
const isCsv = (name: string) => /\.csv$/i.test(name)
export const isSpreadsheetName = (name: string) => isXlsx(name) || isCsv(name)

/** What the zip's central directory declares: entries, sheets, uncompressed bytes; null when it is no zip. */
export function zipDirectory(
  data: Buffer,
): { entries: number; sheets: number; bytes: number; packed: number } | null {
  const min = Math.max(0, data.length - 65_557)
  let eocd = -1
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = data.readUInt16LE(eocd + 10)
  let p = data.readUInt32LE(eocd + 16)
  let bytes = 0
  let packed = 0
  let sheets = 0
  for (let n = 0; n < entries; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) return null
    packed += data.readUInt32LE(p + 20)
    bytes += data.readUInt32LE(p + 24)
    const nameLen = data.readUInt16LE(p + 28)
    const name = data.toString('utf8', p + 46, p + 46 + nameLen)
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) sheets++
    p += 46 + nameLen + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32)
  }
  return { entries, sheets, bytes, packed }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null)
    if ('richText' in v) return v.richText.map((t) => t.text).join('')
    if ('text' in v) return String(v.text)
    if ('error' in v) return ''
    return ''
  }
  return String(v)
}

async function readXlsx(data: Buffer): Promise<SheetGrid[] | FileProblem> {
  const dir = zipDirectory(data)
  if (!dir) return 'notSpreadsheet'
  const L = IMPORT_LIMITS
  if (dir.entries > L.entries || dir.sheets > L.sheets || dir.bytes > L.unzippedBytes) return 'tooBig'
  if (dir.packed > 0 && dir.bytes / dir.packed > L.ratio) return 'tooBig'
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    return 'unreadable'
  }
  const out: SheetGrid[] = []
  let cells = 0
  for (const ws of wb.worksheets) {
    if (ws.rowCount > L.rows) return 'tooBig'
    const rows: string[][] = []
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r)
      const texts: string[] = []
      for (let c = 1; c <= ws.columnCount; c++) texts.push(cellText(row.getCell(c).value))
      cells += texts.length
      if (cells > L.cells) return 'tooBig'
      rows.push(texts)
    }
    out.push({ name: ws.name, rows })
  }
  return out
}

/** Splits CSV text into rows of fields (quotes and doubled quotes as Excel writes them). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',' || ch === '\t') endField()
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
    } else field += ch
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

function readCsv(name: string, data: Buffer): SheetGrid[] | FileProblem {
  let text = new TextDecoder('utf-8').decode(data)
  if (text.includes('\uFFFD')) text = new TextDecoder('gb18030').decode(data)
  if (text.includes('\u0000')) return 'notSpreadsheet'
  const rows = parseCsv(text.replace(/^\uFEFF/, ''))
  if (rows.length > IMPORT_LIMITS.rows) return 'tooBig'
  if (rows.reduce((n, r) => n + r.length, 0) > IMPORT_LIMITS.cells) return 'tooBig'
  return [{ name: name.replace(/\.csv$/i, ''), rows }]
}

/** The sheets of a shared file, or why it cannot be read. */
export async function readSpreadsheet(name: string, data: Buffer): Promise<SheetGrid[] | FileProblem> {
  if (data.length > IMPORT_LIMITS.fileBytes) return 'tooLarge'
  if (isXlsx(name)) return readXlsx(data)
  if (isCsv(name)) return readCsv(name, data)
  return 'notSpreadsheet'
}
