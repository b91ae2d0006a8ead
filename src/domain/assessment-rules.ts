/**
 * The assessment's settings (weights, credits, targets, thresholds, gaps) and the verdict they
 * give; admins change them with #考核设置. See domain/assessment.ts for how a score is made.
 */
import { z } from 'zod'
import { VERDICTS } from './vocabulary.js'

export const PARTS = ['reporting', 'sixHave', 'projects', 'plan', 'guidance', 'kinds', 'leaders'] as const
export type Part = (typeof PARTS)[number]

const weight = z.number().min(0).max(100)
const weightsSchema = z.object({
  reporting: weight,
  sixHave: weight,
  projects: weight,
  plan: weight,
  guidance: weight,
  kinds: weight,
  leaders: weight,
})
export const assessmentSettingsSchema = z
  .object({
    weights: weightsSchema,
    /** What a month covered only by 补报 earns, against 1 for a month reported in time. */
    lateCredit: z.number().min(0).max(1),
    projectsTarget: z.number().int().min(1),
    guidanceTarget: z.number().int().min(1),
    thresholds: z.object({ excellent: z.number(), pass: z.number(), warning: z.number() }),
    warnGap: z.number().int().min(1),
    adjustGap: z.number().int().min(1),
  })
  .refine((s) => Object.values(s.weights).some((w) => w > 0), { message: 'weights: at least one above 0' })
  .refine((s) => s.thresholds.excellent >= s.thresholds.pass && s.thresholds.pass >= s.thresholds.warning, {
    message: 'thresholds: excellent ≥ pass ≥ warning',
  })
  .refine((s) => s.adjustGap >= s.warnGap, { message: 'adjustGap ≥ warnGap' })
export type AssessmentSettings = z.infer<typeof assessmentSettingsSchema>

/** The documented defaults: weights sum to 100; reporting, the notice's one hard rule, weighs most. */
export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  weights: { reporting: 40, sixHave: 20, projects: 10, plan: 5, guidance: 5, kinds: 5, leaders: 15 },
  lateCredit: 0.8,
  projectsTarget: 2,
  guidanceTarget: 2,
  thresholds: { excellent: 90, pass: 75, warning: 60 },
  warnGap: 3,
  adjustGap: 5,
}

/** Admins' changes over the defaults (any part may be left out), validated as a whole. */
export const assessmentOverrideSchema = z.object({
  weights: weightsSchema.partial().optional(),
  lateCredit: z.number().optional(),
  projectsTarget: z.number().optional(),
  guidanceTarget: z.number().optional(),
  thresholds: z.object({ excellent: z.number(), pass: z.number(), warning: z.number() }).partial().optional(),
  warnGap: z.number().optional(),
  adjustGap: z.number().optional(),
})
export type AssessmentOverride = z.infer<typeof assessmentOverrideSchema>

/** The settings in force: the defaults with the admins' changes on top; an error names what is wrong. */
export function resolveAssessmentSettings(
  override: AssessmentOverride,
): { ok: true; settings: AssessmentSettings } | { ok: false; problem: string } {
  const d = DEFAULT_ASSESSMENT_SETTINGS
  const merged = {
    ...d,
    ...override,
    weights: { ...d.weights, ...override.weights },
    thresholds: { ...d.thresholds, ...override.thresholds },
  }
  const parsed = assessmentSettingsSchema.safeParse(merged)
  if (parsed.success) return { ok: true, settings: parsed.data }
  const i = parsed.error.issues[0]!
  return { ok: false, problem: `${i.path.join('.')} ${i.message}`.trim() }
}

export { VERDICTS }
const [EXCELLENT, PASS, WARNING, ADJUST] = VERDICTS
export type Verdict = (typeof VERDICTS)[number]

/** The verdict for a score and a longest run of missed months. */
export function verdictOf(score: number, longestGap: number, s: AssessmentSettings): Verdict {
  const t = s.thresholds
  const byScore: Verdict =
    score >= t.excellent ? EXCELLENT : score >= t.pass ? PASS : score >= t.warning ? WARNING : ADJUST
  const cap: Verdict = longestGap >= s.adjustGap ? ADJUST : longestGap >= s.warnGap ? WARNING : EXCELLENT
  return VERDICTS[Math.max(VERDICTS.indexOf(byScore), VERDICTS.indexOf(cap))]!
}
