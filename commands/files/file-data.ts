/** The data of a file for a period and scope: #导出's workbook and #图表's heatmap input. */
import type { CommandContext, Deps, Found, ScopeUse } from '../../src/core/types.js'
import { inScope, isAdmin, parseScope } from '../../src/domain/authority.js'
import type { Period } from '../../src/domain/periods.js'
import { periodMonths } from '../../src/domain/periods.js'
import { SIX_ITEMS, periodOfMonth, sixDone, sixOf } from '../../src/domain/records.js'
import type { Report } from '../../src/domain/reports.js'
import type { Org, Site } from '../../src/domain/types.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import type { CellValue, ExportInput, ExtraSheet } from '../../src/render/export-xlsx.js'
import { lateCells, type HeatmapInput } from '../../src/render/heatmap.js'
import type { CountedSites } from '../../src/render/counted.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { auditTarget } from '../../src/messages/audit.js'
import { logSheet } from '../../src/render/xlsx-log.js'
import { FILES } from './sentences.js'
import { assessmentFor } from '../assessment/assessment-now.js'

export interface ReaderScope {
  admin: boolean
  /** 全市, 第一组, 西岗区…. */
  label: string
  /** The sites in scope, retired ones too (flagged), in 编号 order. */
  sites: Site[]
}

/**
 * The sites a file covers, by the scope policy (ctx.scope): the scope named, or by default a
 * liaison's district, a leader's groups, an admin's city. Retired sites are included (flagged).
 */
export function readerScope(
  ctx: CommandContext,
  word: string | undefined,
  use: ScopeUse,
): Found<ReaderScope> {
  const scope = ctx.scope(word, use)
  if (!scope.ok) return scope
  const { scopes, label, all } = scope.value
  const sites = ctx.deps.repo
    .roster()
    .orgs.filter((o): o is Site => o.kind === 'site' && scopes.some((sc) => inScope(sc, o)))
    .sort((a, b) => a.group - b.group || a.no - b.no)
  return { ok: true, value: { admin: all && isAdmin(ctx.sender.roles), label, sites } }
}

/** A period word and a scope word in any order: 第一组 2026上半年. */
export function scopeAndPeriod(tokens: readonly string[]): { scopeWord?: string; periodWord: string } {
  const scopeWord = tokens.find((t) => parseScope(t) !== null)
  return { ...(scopeWord ? { scopeWord } : {}), periodWord: tokens.filter((t) => t !== scopeWord).join('') }
}

/** The reports of the scope's sites in the period's months (withdrawn ones included). */
export function reportsIn(deps: Pick<Deps, 'repo'>, scope: ReaderScope, period: Period): Report[] {
  const ids = new Set(scope.sites.map((s) => s.id))
  return deps.repo.reports
    .all()
    .filter((r) => ids.has(r.orgId) && r.month >= period.from && r.month <= period.to)
}

export function heatmapInput(
  deps: Pick<Deps, 'repo' | 'clock'>,
  scope: ReaderScope,
  period: Period,
): HeatmapInput {
  const reports = reportsIn(deps, scope, period)
  return {
    period,
    now: deps.clock(),
    sites: scope.sites,
    reports,
    trackingSince: deps.repo.tracking(),
    // 补报 from the reports' late flag; imported and no-data months come with the tracked-months rule.
    cells: lateCells(reports),
    counted: countedSites(deps, period),
  }
}

/** The sites each begun month of the period counts, by the roster history (as the chat's tallies). */
function countedSites(deps: Pick<Deps, 'repo' | 'clock'>, period: Period): CountedSites {
  const months = periodMonths(period, deps.clock(), deps.repo.tracking()).filter((m) => !m.beforeTracking)
  return Object.fromEntries(
    months.map((m) => [m.month, deps.repo.rosterHistory.activeSitesFor(m.month).map((s) => s.id)]),
  )
}

const toRows = (rows: readonly (readonly (string | number)[])[]): CellValue[][] => rows.map((r) => [...r])

function sixSheet(deps: Deps, scope: ReaderScope): ExtraSheet {
  const entries = deps.repo.records.six()
  const S = FILES.sixSheet
  const rows = scope.sites
    .filter((s) => !s.retired)
    .map((s): CellValue[] => {
      const items = sixOf(entries, s.id)
      const states = SIX_ITEMS.map((i) => items[i]?.state ?? S.missingState)
      return [s.no, s.name, GROUP_NAMES[s.group], s.district, ...states, sixDone(entries, s.id)]
    })
  return { name: S.name, columns: S.columns.map((header) => ({ header })), rows }
}

/** The half-years the period touches (from tracking on), each as the scorecard sheet of the scope's sites. */
function assessmentSheets(deps: Deps, scope: ReaderScope, period: Period): ExtraSheet[] {
  const months = periodMonths(period, deps.clock(), deps.repo.tracking()).filter((m) => !m.beforeTracking)
  const halves = [...new Set(months.map((m) => periodOfMonth(m.month)))]
  const nos = new Set(scope.sites.map((s) => s.no))
  const out: ExtraSheet[] = []
  for (const half of halves) {
    const a = assessmentFor(deps, deps.repo, half)
    if (!a.ok) continue
    const sheet = ASSESS.sheet(a.assessment)
    out.push({
      name: sheet.name,
      columns: sheet.columns,
      rows: toRows(sheet.rows.filter((r) => nos.has(Number(r[2])))),
    })
  }
  return out
}

/** The 日志 sheet for people: registered names and sites, no contact ids or hashes. */
function auditExtra(deps: Deps): ExtraSheet {
  const roster = deps.repo.roster()
  const person = (id: string) => {
    const m = deps.repo.member(id)
    return m ? { name: m.name, org: roster.get(m.orgId)?.name ?? '' } : undefined
  }
  const target = (t: string) => {
    const org = roster.get(t)
    return auditTarget(t, org?.kind === 'site' ? org : undefined, deps.repo.member(t)?.name)
  }
  return logSheet({ entries: deps.repo.audit.entries(), person, target })
}

/** Everything the Excel file holds for the reader: their sites, reports and people, and the records sheets. */
export function exportInput(deps: Deps, scope: ReaderScope, period: Period): ExportInput {
  const repo = deps.repo
  const ids = new Set(scope.sites.map((s) => s.id))
  const all = repo.roster().orgs
  const orgs: Org[] = scope.admin ? [...all] : all.filter((o) => o.kind !== 'site' || ids.has(o.id))
  const members = scope.admin ? repo.members() : repo.members().filter((m) => ids.has(m.orgId))
  const shown = new Set(members.map((m) => m.contactId))
  return {
    period,
    now: deps.clock(),
    scope: scope.label,
    orgs,
    reports: reportsIn(deps, scope, period),
    members,
    roleHolders: repo.roleHolders().filter((h) => shown.has(h.contactId)),
    lateDays: deps.settings.lateDays,
    trackingSince: repo.tracking(),
    counted: countedSites(deps, period),
    extraSheets: [
      sixSheet(deps, scope),
      ...assessmentSheets(deps, scope, period),
      ...(scope.admin ? [auditExtra(deps)] : []),
    ],
  }
}
