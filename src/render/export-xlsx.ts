/**
 * The Excel file for leaders: a pure function from plain data to the bytes of an .xlsx.
 * Sheets: 月度统计 (sites × months, by working group, with totals and 省级/市级 subtotals),
 * 上报明细 (every report, withdrawn ones included), 未报名单 (per month, with the people to ask),
 * 成员, and any extra sheets the caller brings. Every word comes from `src/messages/export.ts`.
 */
import type { Tracking } from '../domain/tracking.js'
import { listed } from '../messages/format.js'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Month } from '../domain/calendar.js'
import { lateDeadline, shanghaiDate } from '../domain/calendar.js'
import type { Period, PeriodMonth } from '../domain/periods.js'
import { periodMonths } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
import type { SiteTally } from '../domain/reports.js'
import { counts, tallyMonth } from '../domain/reports.js'
import type { Member, Org, RoleGrant, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import type { Way } from '../messages/export.js'
import { X, exportFileName, monthCell, waysLabel } from '../messages/export.js'
import { roleLabel } from '../messages/zh.js'

export { exportFileName }

export type CellValue = string | number | Date | null

export interface ExtraSheet {
  name: string
  columns: { header: string; width?: number }[]
  rows: CellValue[][]
}

export interface ExportInput {
  period: Period
  now: Date
  /** Every org the roster knows: the sites (retired ones too, flagged) and the line orgs members belong to. */
  orgs: readonly Org[]
  /** Every report of the period's months, withdrawn ones included (others are ignored). */
  reports: readonly Report[]
  members: readonly Member[]
  roleHolders: readonly { contactId: string; grants: readonly RoleGrant[] }[]
  /** 补报 is accepted until this day of the next month. */
  lateDays: number
  /** The first month reports were counted; earlier months are marked as having no data. */
  trackingSince?: Month | Tracking
  extraSheets?: readonly ExtraSheet[]
}

const OFFSET_MS = 8 * 60 * 60_000
/** Excel has no time zones: a Date whose UTC fields read as the Shanghai wall time. */
export const excelDate = (at: string | Date): Date =>
  new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + OFFSET_MS)

const DATE_TIME = 'yyyy-mm-dd hh:mm'
const DATE = 'yyyy-mm-dd'
const FILL = {
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
const MAX_WIDTH = 60

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } })
/** Yields to the event loop, so a big export does not stall the bot's other work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Display width in Excel's units: a CJK or full-width character takes two. */
export function textWidth(s: string): number {
  let w = 0
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1
  return w
}

function cellWidth(v: CellValue): number {
  if (v === null) return 0
  if (v instanceof Date) return 16
  if (typeof v === 'number') return String(v).length
  return Math.max(0, ...v.split('\n').map(textWidth))
}

// XML 1.0 forbids most control characters; WeChat text sometimes carries them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g
const clean = (v: CellValue) => (typeof v === 'string' ? v.replace(CONTROL, '') : v)

/** One row as plain data: values, a style for the whole row, and per-cell fills and notes. */
interface RowSpec {
  values: CellValue[]
  bold?: boolean
  grey?: boolean
  strike?: boolean
  /** Fill of every cell of the row (cells with their own fill keep it). */
  fill?: string
  cells?: Map<number, { fill?: string; note?: string; numFmt?: string }>
}

/** One sheet as plain data, built before anything is written so widths can fit the content. */
interface SheetSpec {
  name: string
  headers: readonly string[]
  headerNotes?: Map<number, string>
  rows: RowSpec[]
  frozenCols?: number
  /** The last data row the filter covers (1-based, header is row 1); all rows by default. */
  filterTo?: number
  /** Fixed widths by column index (0-based); others are fitted to the content. */
  widths?: (number | undefined)[]
  /** Columns left out of width fitting (their width comes from the given rows only). */
  fitRows?: (row: RowSpec) => boolean
}

const colName = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : colName(Math.floor((n - 1) / 26)) + colName(((n - 1) % 26) + 1)

/** Writes a sheet row by row through the streaming writer, yielding between chunks. */
async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec): Promise<void> {
  const n = spec.headers.length
  const widths = spec.headers.map(textWidth)
  let work = 0
  /** Yields once about CELLS_PER_CHUNK cells have been handled since the last yield. */
  const step = async (cells: number) => {
    work += cells
    if (work >= CELLS_PER_CHUNK) {
      work = 0
      await breathe()
    }
  }
  for (const r of spec.rows) {
    await step(r.values.length / 4)
    if (spec.fitRows && !spec.fitRows(r)) continue
    r.values.forEach((v, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cellWidth(v))
    })
  }
  const ws = wb.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: spec.frozenCols ?? 0, ySplit: 1 }],
  })
  ws.columns = widths.map((w, i) => ({ width: spec.widths?.[i] ?? Math.min(MAX_WIDTH, Math.max(6, w + 2)) }))
  ws.autoFilter = `A1:${colName(Math.max(1, n))}${Math.max(1, spec.filterTo ?? spec.rows.length + 1)}`
  const header = ws.addRow([...spec.headers])
  header.eachCell((c, i) => {
    c.font = { bold: true }
    c.fill = solid(FILL.header)
    c.alignment = { vertical: 'middle', horizontal: 'center' }
    const note = spec.headerNotes?.get(i - 1)
    if (note) c.note = note
  })
  header.commit()
  for (let i = 0; i < spec.rows.length; i++) {
    const r = spec.rows[i]!
    await step(Math.max(n, r.values.length))
    const row = ws.addRow(r.values.map(clean))
    const width = Math.max(n, r.values.length)
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c)
      const own = r.cells?.get(c - 1)
      const v = r.values[c - 1]
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
    }
    row.commit()
  }
  ws.commit()
}

const bySiteOrder = (a: Site, b: Site) => a.group - b.group || a.no - b.no

/** How a report arrived: 文字/文章/文件/图片, then 代报 and 补报 when they apply. */
export function waysOf(r: Report): Way[] {
  if (r.via === 'import') return ['imported']
  const ways: Way[] = []
  if (r.links.length > 0) ways.push('article')
  if (r.files.some((f) => f.kind === 'file')) ways.push('file')
  if (r.files.some((f) => f.kind === 'image')) ways.push('image')
  if (ways.length === 0) ways.push('text')
  if (r.onBehalf) ways.push('onBehalf')
  if (r.late) ways.push('late')
  return ways
}

function summary(r: Report): string {
  const t = r.title.trim() || r.links[0]?.title.trim() || r.text.replace(/\s+/g, ' ').trim()
  return [...t].length > 120 ? `${[...t].slice(0, 119).join('')}…` : t
}

async function monthlySheet(input: ExportInput, months: PeriodMonth[], sites: Site[]): Promise<SheetSpec> {
  const M = X.monthly
  const base = M.headers.length
  const headers = [...M.headers, ...months.map((m) => monthCell(m.month)), M.total, M.remark]
  const headerNotes = new Map<number, string>()
  months.forEach((m, i) => {
    if (m.beforeTracking) headerNotes.set(base + i, M.beforeTracking)
    else if (m.current) headerNotes.set(base + i, M.currentMonth(input.now))
  })
  const active = sites.filter((s) => !s.retired)
  // One pass over the reports, then a tally per month over that month's reports only.
  const byMonth = new Map<Month, Report[]>(months.map((m) => [m.month, []]))
  for (const r of input.reports) byMonth.get(r.month)?.push(r)
  const tallies: Map<string, SiteTally>[] = []
  for (const m of months) {
    const t = tallyMonth(sites, byMonth.get(m.month)!, m.month)
    tallies.push(new Map(t.sites.map((x) => [x.site.id, x] as const)))
    if (tallies.length % 12 === 0) await breathe()
  }
  const rows: RowSpec[] = []
  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    rows.push({
      values: [null, GROUP_NAMES[g], null, GROUP_NAMES[g], null, ...months.map(() => null), null, null],
      bold: true,
      fill: FILL.band,
    })
    for (const site of inGroup) {
      const cells = new Map<number, { fill?: string; note?: string }>()
      let late = 0
      const perMonth = months.map((m, i) => {
        if (m.beforeTracking) {
          cells.set(base + i, { fill: FILL.before })
          return null
        }
        const t = tallies[i]!.get(site.id)!
        if (t.late > 0) cells.set(base + i, { fill: FILL.late, note: M.lateNote(t.late) })
        late += t.late
        return t.count
      })
      const remark = [site.retired ? M.retired : '', late > 0 ? M.lateRemark(late) : '']
        .filter(Boolean)
        .join(X.clauseSep)
      if (site.retired) cells.set(1, { note: M.retiredNote })
      rows.push({
        values: [
          site.no,
          site.name,
          site.level,
          GROUP_NAMES[g],
          site.district,
          ...perMonth,
          perMonth.reduce<number>((n, c) => n + (c ?? 0), 0),
          remark || null,
        ],
        grey: site.retired === true,
        ...(site.retired ? { fill: FILL.retired } : {}),
        cells,
      })
    }
  }
  const lastSiteRow = rows.length + 1
  rows.push({ values: [] })

  const activeIds = (level?: Site['level']) =>
    new Set(active.filter((s) => level === undefined || s.level === level).map((s) => s.id))
  const subtotal = (label: string, ids: Set<string>, what: 'sites' | 'pieces') => {
    const perMonth = months.map((m, i) => {
      if (m.beforeTracking) return null
      const ts = [...ids].map((id) => tallies[i]!.get(id)!)
      return what === 'pieces' ? ts.reduce((n, t) => n + t.count, 0) : ts.filter((t) => t.count > 0).length
    })
    const total = what === 'pieces' ? perMonth.reduce<number>((n, c) => n + (c ?? 0), 0) : null
    rows.push({
      values: [null, label, null, null, null, ...perMonth, total, null],
      bold: true,
      fill: FILL.total,
    })
  }
  const all = activeIds()
  subtotal(M.allPieces, all, 'pieces')
  subtotal(M.allSites(all.size), all, 'sites')
  // 省级 first: the levels in the order of the sites' 编号.
  for (const level of new Set([...sites].sort((a, b) => a.no - b.no).map((s) => s.level))) {
    const ids = activeIds(level)
    subtotal(M.levelPieces(level), ids, 'pieces')
    subtotal(M.levelSites(level, ids.size), ids, 'sites')
  }
  return {
    name: X.sheets.monthly,
    headers,
    headerNotes,
    rows,
    frozenCols: 2,
    filterTo: lastSiteRow,
    widths: [undefined, undefined, undefined, undefined, undefined, ...months.map(() => 10)],
    // The subtotal labels are long; they should not widen the 单位 column beyond the names.
    fitRows: (r) => typeof r.values[0] === 'number',
  }
}

async function detailsSheet(
  input: ExportInput,
  months: PeriodMonth[],
  orgName: (id: string) => string,
  siteGroup: (id: string) => string,
): Promise<SheetSpec> {
  const D = X.details
  const inPeriod = new Set(months.map((m) => m.month))
  const reports = input.reports
    .filter((r) => inPeriod.has(r.month))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.no - b.no))
  await breathe()
  const rows: RowSpec[] = []
  for (let i = 0; i < reports.length; i++) {
    if (i > 0 && i % 2000 === 0) await breathe()
    const r = reports[i]!
    rows.push({
      values: [
        r.no > 0 ? r.no : null,
        orgName(r.orgId),
        siteGroup(r.orgId),
        monthCell(r.month),
        excelDate(r.at),
        r.submitterName,
        waysLabel(waysOf(r)),
        summary(r),
        r.links.map((l) => l.url).join('\n') || null,
        listed(r.files.map((f) => f.name)) || null,
        counts(r) ? D.valid : D.withdrawn,
      ],
      ...(counts(r) ? {} : { grey: true, strike: true }),
    })
  }
  return { name: X.sheets.details, headers: D.headers, rows }
}

function missingSheet(
  input: ExportInput,
  months: PeriodMonth[],
  sites: Site[],
  people: (orgId: string) => Member[],
): SheetSpec {
  const Mi = X.missing
  const active = sites.filter((s) => !s.retired)
  const byMonth = new Map<Month, Report[]>(months.map((m) => [m.month, []]))
  for (const r of input.reports) byMonth.get(r.month)?.push(r)
  const rows: RowSpec[] = []
  for (const m of months) {
    if (m.beforeTracking) continue
    const deadline = lateDeadline(m.month, input.lateDays)
    const note = m.current
      ? Mi.running
      : input.now < deadline
        ? Mi.lateUntil(shanghaiDate(new Date(deadline.getTime() - 1)))
        : null
    const tally = tallyMonth(active, byMonth.get(m.month)!, m.month)
    const missing = tally.sites.filter((t) => t.count === 0).map((t) => t.site)
    if (missing.length === 0)
      rows.push({ values: [monthCell(m.month), null, Mi.none, null, null, null, note] })
    for (const s of missing) {
      const names = people(s.id).map((p) => p.name)
      rows.push({
        values: [
          monthCell(m.month),
          s.no,
          s.name,
          GROUP_NAMES[s.group],
          s.district,
          names.length > 0 ? listed(names) : Mi.nobody,
          note,
        ],
      })
    }
  }
  return { name: X.sheets.missing, headers: Mi.headers, rows }
}

function membersSheet(input: ExportInput, orgs: Map<string, Org>): SheetSpec {
  const rank = (m: Member) => {
    const o = orgs.get(m.orgId)
    return o === undefined ? 1e6 : o.kind === 'site' ? o.group * 1000 + o.no : 10_000 + o.no
  }
  const roles = new Map(input.roleHolders.map((h) => [h.contactId, h.grants]))
  const members = [...input.members].sort(
    (a, b) => rank(a) - rank(b) || a.registeredAt.localeCompare(b.registeredAt),
  )
  const rows = members.map((m) => ({
    values: [
      m.name,
      orgs.get(m.orgId)?.name ?? m.orgId,
      X.members.noLine(m.line),
      listed((roles.get(m.contactId) ?? []).map(roleLabel)) || null,
      excelDate(m.registeredAt),
    ],
  }))
  return { name: X.sheets.members, headers: X.members.headers, rows }
}

function extraSheet(extra: ExtraSheet): SheetSpec {
  return {
    name: extra.name,
    headers: extra.columns.map((c) => c.header),
    widths: extra.columns.map((c) => c.width),
    rows: extra.rows.map((values) => ({
      values,
      // A date without a time of day shows as a date.
      cells: new Map(
        values.flatMap((v, j) =>
          v instanceof Date && v.getUTCHours() === 0 && v.getUTCMinutes() === 0
            ? [[j, { numFmt: DATE }] as const]
            : [],
        ),
      ),
    })),
  }
}

/** The .xlsx for a period, as bytes. Yields to the event loop between chunks of rows. */
export async function buildExport(input: ExportInput): Promise<Buffer> {
  const months = periodMonths(input.period, input.now, input.trackingSince ?? null)
  const orgs = new Map(input.orgs.map((o) => [o.id, o] as const))
  const sites = input.orgs.filter((o): o is Site => o.kind === 'site').sort(bySiteOrder)
  const byOrg = new Map<string, Member[]>()
  for (const m of [...input.members].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))) {
    byOrg.set(m.orgId, [...(byOrg.get(m.orgId) ?? []), m])
  }
  const orgName = (id: string) => orgs.get(id)?.name ?? id
  const siteGroup = (id: string) => {
    const o = orgs.get(id)
    return o?.kind === 'site' ? GROUP_NAMES[o.group] : ''
  }

  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'gqf-bot'
  wb.created = input.now
  await writeSheet(wb, await monthlySheet(input, months, sites))
  await writeSheet(wb, await detailsSheet(input, months, orgName, siteGroup))
  await writeSheet(
    wb,
    missingSheet(input, months, sites, (id) => byOrg.get(id) ?? []),
  )
  await writeSheet(wb, membersSheet(input, orgs))
  for (const extra of input.extraSheets ?? []) await writeSheet(wb, extraSheet(extra))
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}
