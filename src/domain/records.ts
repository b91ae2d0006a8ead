/**
 * The site records of the founding notice besides the monthly reports: the 六有 ledger, the
 * service-project list, the yearly work plan, guidance visits, the kind of each report
 * (规定动作 / 自选动作 / 宣传报道), recommended cases and leaders' scores. Schemas first; the
 * types are derived from them and the stores validate with the same schemas.
 */
import { z } from 'zod'
import { addMonths, type Month } from './calendar.js'
import { fileInfoSchema, isoSchema } from './schemas.js'
import { nameKey } from './text.js'
import {
  HALF_WORDS,
  REPORT_KIND_WORDS,
  REPORT_KINDS,
  SIX_ITEMS,
  SIX_STATE_WORDS,
  SIX_STATES,
} from './vocabulary.js'

export { SIX_ITEMS, SIX_STATES }
export const sixItemSchema = z.enum(SIX_ITEMS)
export type SixItem = z.infer<typeof sixItemSchema>

export const sixStateSchema = z.enum(SIX_STATES)
export type SixState = z.infer<typeof sixStateSchema>
const [, , DONE] = SIX_STATES

/** Reads a state word (达标, 完成, 在建, 无…); null when it is none. */
export function parseSixState(word: string): SixState | null {
  const k = nameKey(word)
  for (const state of SIX_STATES) if (SIX_STATE_WORDS[state].includes(k)) return state
  return null
}

/** Reads an item: 有阵地, 阵地, or its position 1–6; null when it is none. */
export function parseSixItem(word: string): SixItem | null {
  const k = nameKey(word)
  const no = /^第?([1-6])项?$/.exec(k)
  if (no) return SIX_ITEMS[Number(no[1]) - 1]!
  return SIX_ITEMS.find((item) => item === k || item.slice(1) === k) ?? null
}

/** Who entered a record, and when. */
const entered = { by: z.string().min(1), byName: z.string(), at: isoSchema }

export const evidenceSchema = z.object({
  /** Report numbers that show it. */
  reports: z.array(z.number().int().positive()),
  /** Saved files or photos (paths under DATA_DIR). */
  files: z.array(fileInfoSchema),
})
export type Evidence = z.infer<typeof evidenceSchema>

const sixVersion = z.object({
  state: sixStateSchema,
  description: z.string(),
  evidence: evidenceSchema,
  ...entered,
})
export const sixHaveSchema = sixVersion.extend({
  orgId: z.string().min(1),
  item: sixItemSchema,
  /** Earlier versions, oldest first. */
  history: z.array(sixVersion),
})
export type SixHaveEntry = z.infer<typeof sixHaveSchema>

export const PROJECT_STATUSES = ['active', 'done', 'stopped'] as const
const projectVersion = z.object({
  name: z.string().min(1),
  description: z.string(),
  status: z.enum(PROJECT_STATUSES),
  ...entered,
})
export const projectSchema = projectVersion.extend({
  /** Number shown to people, unique across sites (`#项目 完成 3`). */
  no: z.number().int().positive(),
  orgId: z.string().min(1),
  history: z.array(projectVersion),
})
export type Project = z.infer<typeof projectSchema>
export type ProjectStatus = Project['status']

const planVersion = z.object({ text: z.string(), file: fileInfoSchema.nullable(), ...entered })
export const planSchema = planVersion.extend({
  orgId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
  history: z.array(planVersion),
})
export type Plan = z.infer<typeof planSchema>

export const guidanceSchema = z.object({
  no: z.number().int().positive(),
  orgId: z.string().min(1),
  content: z.string().min(1),
  /** The Shanghai date of the visit (YYYY-MM-DD). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  ...entered,
})
export type Guidance = z.infer<typeof guidanceSchema>

export { REPORT_KINDS }
export const reportKindSchema = z.enum(REPORT_KINDS)
export type ReportKind = z.infer<typeof reportKindSchema>

const kindVersion = z.object({ kind: reportKindSchema.nullable(), ...entered })
export const reportKindMarkSchema = kindVersion.extend({
  reportNo: z.number().int().positive(),
  history: z.array(kindVersion),
})
export type ReportKindMark = z.infer<typeof reportKindMarkSchema>

/** Reads a kind word: 规定动作 / 规定, 自选动作 / 自选, 宣传报道 / 宣传 / 报道. */
export function parseReportKind(word: string): ReportKind | null {
  const k = nameKey(word)
  return REPORT_KINDS.find((kind) => REPORT_KIND_WORDS[kind].includes(k)) ?? null
}

const recommendVersion = z.object({ reason: z.string(), withdrawn: z.boolean(), ...entered })
export const recommendationSchema = recommendVersion.extend({
  reportNo: z.number().int().positive(),
  history: z.array(recommendVersion),
})
export type Recommendation = z.infer<typeof recommendationSchema>

// ---- half-year periods ----

export const periodSchema = z.string().regex(/^\d{4}-H[12]$/)
/** A half-year: `2026-H1` (January–June) or `2026-H2` (July–December). */
export type Period = string

const scoreVersion = z.object({ score: z.number().min(0).max(100), comment: z.string(), ...entered })
export const scoreSchema = scoreVersion.extend({
  orgId: z.string().min(1),
  period: periodSchema,
  history: z.array(scoreVersion),
})
export type LeaderScore = z.infer<typeof scoreSchema>

/** Reads 2026上半年 / 2026下半年 / 2026H1 / 2026-H2; null when it is no half-year. */
export function parsePeriod(word: string): Period | null {
  const k = nameKey(word)
  const m = /^(\d{4})(?:年)?(?:-?h([12])|(上|下)半年)$/.exec(k)
  if (!m) return null
  const half = m[2] ?? (m[3] === HALF_WORDS.first ? '1' : '2')
  return `${m[1]}-H${half}`
}

export function periodOfMonth(month: Month): Period {
  return `${month.slice(0, 4)}-H${Number(month.slice(5, 7)) <= 6 ? 1 : 2}`
}

export function periodMonths(period: Period): Month[] {
  const y = period.slice(0, 4)
  const first = period.endsWith('H1') ? `${y}-01` : `${y}-07`
  return Array.from({ length: 6 }, (_, i) => addMonths(first, i))
}

/** The half-year before the one `month` falls in. */
export function previousPeriod(month: Month): Period {
  return periodOfMonth(addMonths(periodMonths(periodOfMonth(month))[0]!, -1))
}

export const periodYear = (period: Period): number => Number(period.slice(0, 4))

// ---- reading the records ----

/** The 六有 states of a site, every item present (未达标 when nothing was entered). */
export function sixOf(entries: readonly SixHaveEntry[], orgId: string): Record<SixItem, SixHaveEntry | null> {
  const out: Record<SixItem, SixHaveEntry | null> = {
    有人员: null,
    有阵地: null,
    有项目: null,
    有载体: null,
    有制度: null,
    有特色: null,
  }
  for (const e of entries) if (e.orgId === orgId) out[e.item] = e
  return out
}

export const sixDone = (entries: readonly SixHaveEntry[], orgId: string): number =>
  entries.filter((e) => e.orgId === orgId && e.state === DONE).length

/** Projects that count: running or done, not stopped. */
export const liveProjects = (projects: readonly Project[], orgId: string): Project[] =>
  projects.filter((p) => p.orgId === orgId && p.status !== 'stopped')

/** Guidance visits of a site within a half-year. */
export function guidanceIn(guidance: readonly Guidance[], orgId: string, period: Period): Guidance[] {
  return guidance.filter((g) => g.orgId === orgId && periodOfMonth(g.date.slice(0, 7)) === period)
}

/** The mean of the leaders' scores for a site and half-year; null when none was given. */
export function meanScore(scores: readonly LeaderScore[], orgId: string, period: Period): number | null {
  const list = scores.filter((s) => s.orgId === orgId && s.period === period)
  if (list.length === 0) return null
  return Math.round((list.reduce((n, s) => n + s.score, 0) / list.length) * 10) / 10
}
