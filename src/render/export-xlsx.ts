/**
 * The Excel file for leaders: a pure function from plain data to the bytes of an .xlsx.
 * Sheets: 月度统计 (sites × months, by working group, with totals and subtotals), 上报明细 (every
 * report, withdrawn ones included), 未报名单 (per site, the months missed and the people to ask),
 * 成员, and any extra sheets the caller brings; lists too long to print in a handful of pages go
 * to a companion workbook. Every sheet opens with a title row and a line with the scope,
 * the period and the time it was made, and prints on A4, one page wide, with page numbers.
 * Every word comes from `src/messages/export.ts`.
 */
import type { Tracking } from '../domain/tracking.js'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Month } from '../domain/calendar.js'
import type { Period } from '../domain/periods.js'
import { periodMonths } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
import type { Member, Org, RoleGrant, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { SUBTITLE_SEP, X, exportFileName, exportListsFileName } from '../messages/export.js'
import { WHOLE_CITY } from '../messages/documents.js'
import type { ExtraSheet } from './xlsx-lists.js'
import { detailsSheet, extraSheet, membersSheet, missingSheet } from './xlsx-lists.js'
import { monthlySheet } from './xlsx-monthly.js'
import { counting, type CountedSites } from './counted.js'
import type { SheetLayout, SheetSpec } from './xlsx-sheet.js'
import { layoutOf, writeSheet } from './xlsx-sheet.js'

export { exportFileName, exportListsFileName }
export { excelDate, summary, waysOf, type ExtraSheet } from './xlsx-lists.js'
export { textWidth, type CellValue } from './xlsx-sheet.js'

export interface ExportInput {
  period: Period
  now: Date
  /** Who the file is for, as the titles and subtotals name it (全市, 第二组, 西岗区); 全市 when absent. */
  scope?: string
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
  /**
   * The sites each month's tallies count (the roster history's: a site added later or withdrawn is
   * not counted that month); every site not retired when absent.
   */
  counted?: CountedSites
  extraSheets?: readonly ExtraSheet[]
}

const ALL = WHOLE_CITY

/** The sheets of the file, in order, each with its title row. */
async function sheetsOf(input: ExportInput): Promise<SheetSpec[]> {
  const months = periodMonths(input.period, input.now, input.trackingSince ?? null)
  const orgs = new Map(input.orgs.map((o) => [o.id, o] as const))
  const sites = input.orgs
    .filter((o): o is Site => o.kind === 'site')
    .sort((a, b) => a.group - b.group || a.no - b.no)
  const byOrg = new Map<string, Member[]>()
  for (const m of [...input.members].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt))) {
    byOrg.set(m.orgId, [...(byOrg.get(m.orgId) ?? []), m])
  }
  const scope = input.scope ?? ALL
  const subtitle = X.sheetSubtitle(scope, sites.filter((s) => !s.retired).length, input.period, input.now)
  const frame = (name: string) => ({ title: X.sheetTitle(name, scope, input.period), subtitle })
  const orgName = (id: string) => orgs.get(id)?.name ?? id
  const siteGroup = (id: string) => {
    const o = orgs.get(id)
    return o?.kind === 'site' ? GROUP_NAMES[o.group] : ''
  }
  const people = (id: string) => byOrg.get(id) ?? []
  const tracked = months.filter((m) => !m.beforeTracking).map((m) => m.month)
  const counted = counting(input.counted, tracked)
  return [
    await monthlySheet({ ...input, scope, counted }, months, sites, frame(X.sheets.monthly)),
    await detailsSheet({ reports: input.reports, orgName, siteGroup }, months, frame(X.sheets.details)),
    missingSheet({ ...input, people, counted }, months, sites, frame(X.sheets.missing)),
    membersSheet(input, orgs, frame(X.sheets.members)),
    ...(input.extraSheets ?? []).map((extra) => extraSheet(extra, frame(extra.name))),
  ]
}

/** The lists (one row a report, a member, a change): in the workbook while short, else in a file of their own. */
const LISTS: ReadonlySet<string> = new Set([X.sheets.details, X.sheets.members, X.sheets.log])
/**
 * A list printing on more pages than this leaves the workbook for the companion file, so that the
 * workbook a leader forwards prints in a handful of pages (a year's 上报明细 alone runs to nine).
 */
export const LIST_PAGES_IN_WORKBOOK = 2

export interface ExportFiles {
  /** The workbook: the summary sheets, and the lists short enough to print with them. */
  workbook: Buffer
  /** The pages it prints on A4, as its page setup lays them out. */
  pages: number
  /** The long lists as a second workbook, when there are any: their names and printed pages. */
  lists?: { data: Buffer; sheets: string[]; pages: number }
}

interface Laid {
  spec: SheetSpec
  layout: SheetLayout
}

async function workbookOf(sheets: readonly Laid[], now: Date): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'gqf-bot'
  wb.created = now
  for (const { spec, layout } of sheets) await writeSheet(wb, spec, layout)
  await wb.commit()
  await done
  return Buffer.concat(chunks)
}

/**
 * The .xlsx files for a period: the workbook, and the companion with the lists too long to print
 * in it (the workbook's first sheet names it). Yields to the event loop between chunks of rows.
 */
export async function buildExport(input: ExportInput): Promise<ExportFiles> {
  const laid: Laid[] = []
  for (const spec of await sheetsOf(input)) laid.push({ spec, layout: await layoutOf(spec) })
  const long = (s: Laid) => LISTS.has(s.spec.name) && s.layout.fit.pages > LIST_PAGES_IN_WORKBOOK
  const moved = laid.filter(long)
  const pages = (sheets: readonly Laid[]) => sheets.reduce((n, s) => n + s.layout.fit.pages, 0)
  if (moved.length === 0) return { workbook: await workbookOf(laid, input.now), pages: pages(laid) }
  const names = moved.map((s) => s.spec.name)
  // The first sheet says where the lists went: a forwarded workbook explains itself.
  const [first, ...rest] = laid.filter((s) => !long(s))
  const noted = {
    ...first!.spec,
    subtitle:
      first!.spec.subtitle + SUBTITLE_SEP + X.listsElsewhere(names, exportListsFileName(input.period)),
  }
  const kept = [{ spec: noted, layout: await layoutOf(noted) }, ...rest]
  return {
    workbook: await workbookOf(kept, input.now),
    pages: pages(kept),
    lists: { data: await workbookOf(moved, input.now), sheets: names, pages: pages(moved) },
  }
}
