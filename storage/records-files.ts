/** The files of the site records: what they hold, and how a new one starts. */
import { z } from 'zod'
import { assessmentOverrideSchema, type AssessmentOverride } from '../src/domain/assessment.js'
import {
  guidanceSchema,
  planSchema,
  projectSchema,
  recommendationSchema,
  reportKindMarkSchema,
  scoreSchema,
  sixHaveSchema,
} from '../src/domain/records.js'
import { auditOutboxField } from './audited-update.js'

export const RECORDS_SCHEMA_VERSION = 1

/** What stays small and is about the present: the 六有 ledger, the projects, the settings. */
export const sitesFileSchema = z.object({
  schemaVersion: z.literal(RECORDS_SCHEMA_VERSION),
  six: z.array(sixHaveSchema),
  projects: z.array(projectSchema),
  assessment: assessmentOverrideSchema,
  ...auditOutboxField,
})
export type SitesFile = z.infer<typeof sitesFileSchema>

/** What grows with time, one file per year: plans, guidance, report kinds, recommendations, scores. */
export const yearFileSchema = z.object({
  schemaVersion: z.literal(RECORDS_SCHEMA_VERSION),
  year: z.number().int(),
  plans: z.array(planSchema),
  guidance: z.array(guidanceSchema),
  kinds: z.array(reportKindMarkSchema),
  recommendations: z.array(recommendationSchema),
  scores: z.array(scoreSchema),
  ...auditOutboxField,
})
export type YearFile = z.infer<typeof yearFileSchema>

export const emptySites = (): SitesFile => ({
  schemaVersion: RECORDS_SCHEMA_VERSION,
  six: [],
  projects: [],
  assessment: {},
  auditOutbox: [],
})

export const emptyYear = (year: number): YearFile => ({
  schemaVersion: RECORDS_SCHEMA_VERSION,
  year,
  plans: [],
  guidance: [],
  kinds: [],
  recommendations: [],
  scores: [],
  auditOutbox: [],
})

/** `{ weights: { reporting: 40 } }` → `{ 'weights.reporting': '40' }`. */
export function flatten(o: AssessmentOverride): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue
    if (typeof v === 'number') out[k] = String(v)
    else for (const [k2, v2] of Object.entries(v)) if (v2 !== undefined) out[`${k}.${k2}`] = String(v2)
  }
  return out
}

/** What changed between two settings, one key per setting (`weights.reporting: 40`); a removed one reads 'default'. */
export function settingsChange(
  before: AssessmentOverride,
  after: AssessmentOverride,
): Record<string, string> {
  const [b, a] = [flatten(before), flatten(after)]
  const detail: Record<string, string> = {}
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (b[k] !== a[k]) detail[k] = a[k] ?? 'default'
  }
  return detail
}
