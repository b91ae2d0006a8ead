/** The list sheets of the Excel export: 上报明细, 未报名单, 成员, and sheets the caller brings. */
import type { Month } from '../domain/calendar.js'
import { lateDeadline, shanghaiDate } from '../domain/calendar.js'
import type { PeriodMonth } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
import { counts, tallyMonth } from '../domain/reports.js'
import type { Member, Org, RoleGrant, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import type { Way } from '../messages/export.js'
import { X, missedMonths, monthCell, waysLabel, type MissedMonth } from '../messages/export.js'
import { listed } from '../messages/format.js'
import { roleLabel } from '../messages/sites.js'
import { cutOutsideQuotes } from '../messages/phrase.js'
import type { CellValue, RowSpec, SheetSpec } from './xlsx-sheet.js'
import { DATE, breathe } from './xlsx-sheet.js'
import type { Counting } from './counted.js'

type Framed = Pick<SheetSpec, 'title' | 'subtitle'>

/** A sheet the caller brings (六有, 考核, 日志): columns, rows, and which columns are running text. */
export interface ExtraSheet {
  name: string
  columns: { header: string; width?: number; wrap?: boolean; numFmt?: string }[]
  rows: CellValue[][]
}

const OFFSET_MS = 8 * 60 * 60_000
/** Excel has no time zones: a Date whose UTC fields read as the Shanghai wall time. */
export const excelDate = (at: string | Date): Date =>
  new Date((typeof at === 'string' ? Date.parse(at) : at.getTime()) + OFFSET_MS)

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

/** Characters of a summary: one printed line of its column; a quotation running past it is kept whole. */
export const SUMMARY_CHARS = 30

/** The title, the article's title, or the text: at most one line, quotations whole. */
export function summary(r: Report): string {
  const t = r.title.trim() || r.links[0]?.title.trim() || r.text.replace(/\s+/g, ' ').trim()
  return cutOutsideQuotes(t, SUMMARY_CHARS)
}

/**
 * A report's links as one cell: 查看原文 behind the address (which means nothing on paper), with
 * every address in the cell's note when there are several.
 */
function linkCell(r: Report): { value: CellValue; note?: string } {
  const [first] = r.links
  if (!first) return { value: null }
  if (r.links.length === 1) return { value: { text: X.details.openLink, hyperlink: first.url } }
  return {
    value: { text: X.details.openLinks(r.links.length), hyperlink: first.url },
    note: r.links.map((l) => l.url).join('\n'),
  }
}

export interface DetailsInput {
  reports: readonly Report[]
  orgName: (id: string) => string
  siteGroup: (id: string) => string
}

/**
 * Imported counts come as one report a piece, with no text: one row for a site's month says how
 * many were imported instead of rows with nothing in them.
 */
function onePerImport(reports: readonly Report[]): Report[] {
  const imported = new Map<string, Report[]>()
  const own: Report[] = []
  for (const r of reports) {
    if (r.via !== 'import') own.push(r)
    else imported.set(`${r.orgId}|${r.month}`, [...(imported.get(`${r.orgId}|${r.month}`) ?? []), r])
  }
  for (const group of imported.values()) own.push({ ...group[0]!, title: X.details.imported(group.length) })
  return own
}

export async function detailsSheet(
  input: DetailsInput,
  months: PeriodMonth[],
  frame: Framed,
): Promise<SheetSpec> {
  const D = X.details
  const inPeriod = new Set(months.map((m) => m.month))
  const reports = onePerImport(input.reports.filter((r) => inPeriod.has(r.month))).sort((a, b) =>
    a.month < b.month ? -1 : a.month > b.month ? 1 : a.no - b.no,
  )
  await breathe()
  const rows: RowSpec[] = []
  for (let i = 0; i < reports.length; i++) {
    if (i > 0 && i % 2000 === 0) await breathe()
    const r = reports[i]!
    const link = linkCell(r)
    rows.push({
      values: [
        r.no > 0 ? r.no : null,
        input.orgName(r.orgId),
        input.siteGroup(r.orgId),
        monthCell(r.month),
        excelDate(r.at),
        r.submitterName,
        waysLabel(waysOf(r)),
        summary(r),
        link.value,
        listed(r.files.map((f) => f.name)) || null,
        counts(r) ? D.valid : D.withdrawn,
      ],
      ...(counts(r) ? {} : { grey: true, strike: true }),
      ...(link.note ? { cells: new Map([[8, { note: link.note }]]) } : {}),
    })
  }
  return {
    name: X.sheets.details,
    ...frame,
    headers: D.headers,
    rows,
    // One line a report where the names allow: the summary's column holds SUMMARY_CHARS.
    widths: [6, undefined, 7, undefined, 17, undefined, undefined, SUMMARY_CHARS * 2 + 8],
    caps: [undefined, 34, undefined, undefined, undefined, undefined, 12, undefined, undefined, 24],
    wrap: [1, 6, 7, 9],
  }
}

export interface MissingInput {
  now: Date
  lateDays: number
  reports: readonly Report[]
  people: (orgId: string) => Member[]
  /** The sites each month's tallies count (a site added later or withdrawn is not counted). */
  counted: Counting
}

function missingNote(input: MissingInput, m: PeriodMonth): string | null {
  if (m.current) return X.missing.running
  const deadline = lateDeadline(m.month, input.lateDays)
  return input.now < deadline ? X.missing.lateUntil(shanghaiDate(new Date(deadline.getTime() - 1))) : null
}

/**
 * One row a site that has not reported in a tracked month: the closed months it missed (as
 * ranges) and how many, the months it still may report (补报 until…, the running month), and
 * the people to ask. Sites in roster order.
 */
export function missingSheet(
  input: MissingInput,
  months: PeriodMonth[],
  sites: Site[],
  frame: Framed,
): SheetSpec {
  const Mi = X.missing
  const tracked = months.filter((m) => !m.beforeTracking)
  const byMonth = new Map<Month, Report[]>(tracked.map((m) => [m.month, []]))
  for (const r of input.reports) byMonth.get(r.month)?.push(r)
  // Only the months a site counted: not before it was added, not after it withdrew.
  const missed = new Map<string, MissedMonth[]>(sites.map((s) => [s.id, []]))
  for (const m of tracked) {
    const note = missingNote(input, m)
    const counted = sites.filter((s) => input.counted.has(m.month, s))
    for (const t of tallyMonth(counted, byMonth.get(m.month)!, m.month).sites)
      if (t.count === 0) missed.get(t.site.id)?.push({ month: m.month, note })
  }
  const withYear = new Set(tracked.map((m) => m.month.slice(0, 4))).size > 1
  const rows: RowSpec[] = sites.flatMap((s) => {
    const list = missed.get(s.id)!
    if (list.length === 0) return []
    const closed = list.filter((m) => !m.note)
    const names = input.people(s.id).map((p) => p.name)
    return [
      {
        values: [
          s.no,
          s.retired ? Mi.retired(s.name) : s.name,
          GROUP_NAMES[s.group],
          s.district,
          missedMonths(closed, withYear) || null,
          closed.length,
          missedMonths(
            list.filter((m) => m.note),
            withYear,
          ) || null,
          names.length > 0 ? listed(names) : Mi.nobody,
        ],
      },
    ]
  })
  if (rows.length === 0) rows.push({ values: [null, Mi.none, null, null, null, null, null, null] })
  // What may still be reported (11月（补报至12月5日）、12月（进行中）) on one line.
  const caps = [undefined, undefined, undefined, undefined, undefined, undefined, 44]
  return { name: X.sheets.missing, ...frame, headers: Mi.headers, rows, caps, wrap: [1, 4, 6, 7] }
}

export interface MembersInput {
  members: readonly Member[]
  roleHolders: readonly { contactId: string; grants: readonly RoleGrant[] }[]
}

export function membersSheet(input: MembersInput, orgs: Map<string, Org>, frame: Framed): SheetSpec {
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
  return { name: X.sheets.members, ...frame, headers: X.members.headers, rows, wrap: [1, 3] }
}

export function extraSheet(extra: ExtraSheet, frame: Framed): SheetSpec {
  return {
    name: extra.name,
    ...frame,
    headers: extra.columns.map((c) => c.header),
    widths: extra.columns.map((c) => c.width),
    wrap: extra.columns.flatMap((c, i) => (c.wrap ? [i] : [])),
    rows: extra.rows.map((values) => ({
      values,
      // A date without a time of day shows as a date.
      cells: new Map(
        values.flatMap((v, j) => {
          const fmt = extra.columns[j]?.numFmt
          if (fmt && typeof v === 'number') return [[j, { numFmt: fmt }] as const]
          return v instanceof Date && v.getUTCHours() === 0 && v.getUTCMinutes() === 0
            ? [[j, { numFmt: DATE }] as const]
            : []
        }),
      ),
    })),
  }
}
