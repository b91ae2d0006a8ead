/**
 * The Excel file for leaders: a pure function from plain data to the bytes of an .xlsx.
 * Sheets: 月度统计 (sites × months, by working group, with totals and 省级/市级 subtotals),
 * 上报明细 (every report, withdrawn ones included), 未报名单 (per month, with the people to ask),
 * 成员, and any extra sheets the caller brings. Every word comes from `src/messages/export.ts`.
 */
import ExcelJS from 'exceljs'
import type { Month } from '../domain/calendar.js'
import { lateDeadline, shanghaiDate } from '../domain/calendar.js'
import type { Period, PeriodMonth } from '../domain/periods.js'
import { periodMonths } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
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
  trackingSince?: Month
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
const ROWS_PER_CHUNK = 1000
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
const clean = (s: string) => s.replace(CONTROL, '')

interface Sheet {
  ws: ExcelJS.Worksheet
  widths: number[]
}

function newSheet(wb: ExcelJS.Workbook, name: string, headers: readonly string[], frozenCols = 0): Sheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: frozenCols, ySplit: 1 }] })
  const row = ws.addRow([...headers])
  row.font = { bold: true }
  row.eachCell((c) => {
    c.fill = solid(FILL.header)
    c.alignment = { vertical: 'middle', horizontal: 'center' }
  })
  return { ws, widths: headers.map(textWidth) }
}

function addRow(sheet: Sheet, values: readonly CellValue[]): ExcelJS.Row {
  const row = sheet.ws.addRow(values.map((v) => (typeof v === 'string' ? clean(v) : v)))
  values.forEach((v, i) => {
    sheet.widths[i] = Math.max(sheet.widths[i] ?? 0, cellWidth(v))
    if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_TIME
  })
  return row
}

/** Widths from content (capped), the filter over header and `lastRow`, and the caller's widths first. */
function finish(sheet: Sheet, lastRow = sheet.ws.rowCount, fixed: (number | undefined)[] = []): void {
  sheet.widths.forEach((w, i) => {
    sheet.ws.getColumn(i + 1).width = fixed[i] ?? Math.min(MAX_WIDTH, Math.max(6, w + 2))
  })
  sheet.ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, lastRow), column: Math.max(1, sheet.widths.length) },
  }
}

const bySiteOrder = (a: Site, b: Site) => a.group - b.group || a.no - b.no

/** How a report arrived: 文字/文章/文件/图片, then 代报 and 补报 when they apply. */
export function waysOf(r: Report): Way[] {
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

function monthlySheet(wb: ExcelJS.Workbook, input: ExportInput, months: PeriodMonth[], sites: Site[]): void {
  const M = X.monthly
  const base = M.headers.length
  const sheet = newSheet(
    wb,
    X.sheets.monthly,
    [...M.headers, ...months.map((m) => monthCell(m.month)), M.total, M.remark],
    2,
  )
  const totalCol = base + months.length + 1
  const remarkCol = totalCol + 1
  months.forEach((m, i) => {
    const cell = sheet.ws.getRow(1).getCell(base + i + 1)
    if (m.beforeTracking) cell.note = M.beforeTracking
    else if (m.current) cell.note = M.currentMonth(input.now)
  })
  const active = sites.filter((s) => !s.retired)
  const tallies = months.map((m) => tallyMonth(sites, input.reports, m.month))
  const countOf = (i: number, site: Site) => tallies[i]!.sites.find((t) => t.site.id === site.id)!

  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    const band = addRow(sheet, [null, GROUP_NAMES[g], null, GROUP_NAMES[g]])
    band.font = { bold: true }
    for (let c = 1; c <= remarkCol; c++) band.getCell(c).fill = solid(FILL.band)
    for (const site of inGroup) {
      const perMonth = months.map((m, i) => (m.beforeTracking ? null : countOf(i, site).count))
      const late = months.reduce((n, m, i) => n + (m.beforeTracking ? 0 : countOf(i, site).late), 0)
      const remark = [site.retired ? M.retired : '', late > 0 ? M.lateRemark(late) : '']
        .filter(Boolean)
        .join('，')
      const total = perMonth.reduce<number>((n, c) => n + (c ?? 0), 0)
      const row = addRow(sheet, [
        site.no,
        site.name,
        site.level,
        GROUP_NAMES[g],
        site.district,
        ...perMonth,
        total,
        remark || null,
      ])
      months.forEach((m, i) => {
        const cell = row.getCell(base + i + 1)
        const t = countOf(i, site)
        if (m.beforeTracking) cell.fill = solid(FILL.before)
        else if (t.late > 0) {
          cell.fill = solid(FILL.late)
          cell.note = M.lateNote(t.late)
        }
      })
      if (site.retired) {
        row.font = { color: { argb: GREY } }
        for (let c = 1; c <= remarkCol; c++)
          if (!row.getCell(c).fill) row.getCell(c).fill = solid(FILL.retired)
        row.getCell(2).note = M.retiredNote
      }
    }
  }
  const lastSiteRow = sheet.ws.rowCount
  sheet.ws.addRow([])

  const activeIds = (level?: Site['level']) =>
    new Set(active.filter((s) => level === undefined || s.level === level).map((s) => s.id))
  const subtotal = (label: string, ids: Set<string>, what: 'sites' | 'pieces') => {
    const perMonth = months.map((m, i) => {
      if (m.beforeTracking) return null
      const ts = tallies[i]!.sites.filter((t) => ids.has(t.site.id))
      return what === 'pieces' ? ts.reduce((n, t) => n + t.count, 0) : ts.filter((t) => t.count > 0).length
    })
    const total = what === 'pieces' ? perMonth.reduce<number>((n, c) => n + (c ?? 0), 0) : null
    const row = addRow(sheet, [null, label, null, null, null, ...perMonth, total, null])
    row.font = { bold: true }
    for (let c = 1; c <= remarkCol; c++) row.getCell(c).fill = solid(FILL.total)
  }
  const all = activeIds()
  subtotal(M.allPieces, all, 'pieces')
  subtotal(M.allSites(all.size), all, 'sites')
  for (const level of ['省级', '市级'] as const) {
    const ids = activeIds(level)
    subtotal(M.levelPieces(level), ids, 'pieces')
    subtotal(M.levelSites(level, ids.size), ids, 'sites')
  }
  // The label of a subtotal row is long; it should not widen the 单位 column beyond the names.
  sheet.widths[1] = Math.max(...sites.map((s) => textWidth(s.name)), textWidth(M.headers[1]!))
  finish(sheet, lastSiteRow, [undefined, undefined, undefined, undefined, undefined, ...months.map(() => 10)])
}

async function detailsSheet(
  wb: ExcelJS.Workbook,
  input: ExportInput,
  months: PeriodMonth[],
  orgName: (id: string) => string,
  siteGroup: (id: string) => string,
): Promise<void> {
  const D = X.details
  const sheet = newSheet(wb, X.sheets.details, D.headers)
  const inPeriod = new Set(months.map((m) => m.month))
  const reports = input.reports
    .filter((r) => inPeriod.has(r.month))
    .sort((a, b) => a.month.localeCompare(b.month) || a.no - b.no)
  for (let i = 0; i < reports.length; i++) {
    if (i > 0 && i % ROWS_PER_CHUNK === 0) await breathe()
    const r = reports[i]!
    const row = addRow(sheet, [
      r.no,
      orgName(r.orgId),
      siteGroup(r.orgId),
      monthCell(r.month),
      excelDate(r.at),
      r.submitterName,
      waysLabel(waysOf(r)),
      summary(r),
      r.links.map((l) => l.url).join('\n') || null,
      r.files.map((f) => f.name).join('、') || null,
      counts(r) ? D.valid : D.withdrawn,
    ])
    if (!counts(r)) row.font = { color: { argb: GREY }, strike: true }
  }
  finish(sheet)
}

function missingSheet(
  wb: ExcelJS.Workbook,
  input: ExportInput,
  months: PeriodMonth[],
  sites: Site[],
  people: (orgId: string) => Member[],
): void {
  const Mi = X.missing
  const sheet = newSheet(wb, X.sheets.missing, Mi.headers)
  const active = sites.filter((s) => !s.retired)
  for (const m of months) {
    if (m.beforeTracking) continue
    const deadline = lateDeadline(m.month, input.lateDays)
    const note = m.current
      ? Mi.running
      : input.now < deadline
        ? Mi.lateUntil(shanghaiDate(new Date(deadline.getTime() - 1)))
        : null
    const tally = tallyMonth(active, input.reports, m.month)
    const missing = tally.sites.filter((t) => t.count === 0).map((t) => t.site)
    if (missing.length === 0) addRow(sheet, [monthCell(m.month), null, Mi.none, null, null, null, note])
    for (const s of missing) {
      const names = people(s.id).map((p) => p.name)
      addRow(sheet, [
        monthCell(m.month),
        s.no,
        s.name,
        GROUP_NAMES[s.group],
        s.district,
        names.length > 0 ? names.join('、') : Mi.nobody,
        note,
      ])
    }
  }
  finish(sheet)
}

function membersSheet(wb: ExcelJS.Workbook, input: ExportInput, orgs: Map<string, Org>): void {
  const sheet = newSheet(wb, X.sheets.members, X.members.headers)
  const rank = (m: Member) => {
    const o = orgs.get(m.orgId)
    return o === undefined ? 1e6 : o.kind === 'site' ? o.group * 1000 + o.no : 10_000 + o.no
  }
  const roles = new Map(input.roleHolders.map((h) => [h.contactId, h.grants]))
  const members = [...input.members].sort(
    (a, b) => rank(a) - rank(b) || a.registeredAt.localeCompare(b.registeredAt),
  )
  for (const m of members) {
    const grants = roles.get(m.contactId) ?? []
    addRow(sheet, [
      m.name,
      orgs.get(m.orgId)?.name ?? m.orgId,
      X.members.noLine(m.line),
      grants.map(roleLabel).join('、') || null,
      excelDate(m.registeredAt),
    ])
  }
  finish(sheet)
}

async function extraSheet(wb: ExcelJS.Workbook, extra: ExtraSheet): Promise<void> {
  const sheet = newSheet(
    wb,
    extra.name,
    extra.columns.map((c) => c.header),
  )
  for (let i = 0; i < extra.rows.length; i++) {
    if (i > 0 && i % ROWS_PER_CHUNK === 0) await breathe()
    const row = addRow(sheet, extra.rows[i]!)
    extra.rows[i]!.forEach((v, j) => {
      // A date without a time of day shows as a date.
      if (v instanceof Date && v.getUTCHours() === 0 && v.getUTCMinutes() === 0)
        row.getCell(j + 1).numFmt = DATE
    })
  }
  finish(
    sheet,
    sheet.ws.rowCount,
    extra.columns.map((c) => c.width),
  )
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

  const wb = new ExcelJS.Workbook()
  wb.creator = 'gqf-bot'
  wb.created = input.now
  monthlySheet(wb, input, months, sites)
  await breathe()
  await detailsSheet(wb, input, months, orgName, siteGroup)
  await breathe()
  missingSheet(wb, input, months, sites, (id) => byOrg.get(id) ?? [])
  membersSheet(wb, input, orgs)
  for (const extra of input.extraSheets ?? []) {
    await breathe()
    await extraSheet(wb, extra)
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
