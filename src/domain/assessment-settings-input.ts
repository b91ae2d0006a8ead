/**
 * Reading `#考核设置 权重 上报 40`, `#考核设置 阈值 优秀 90`, `#考核设置 参数 补报 0.8` and
 * `#考核设置 恢复默认` into a new override, checked as a whole against the settings schema.
 */
import {
  resolveAssessmentSettings,
  type AssessmentOverride,
  type AssessmentSettings,
  type Part,
} from './assessment.js'
import { ASSESSMENT_WORDS as W } from './vocabulary.js'

type Thresholds = AssessmentSettings['thresholds']
type Other = 'lateCredit' | 'projectsTarget' | 'guidanceTarget' | 'warnGap' | 'adjustGap'

export type SettingKey =
  | { kind: 'weight'; part: Part }
  | { kind: 'threshold'; name: keyof Thresholds }
  | { kind: 'other'; name: Other }

export type SettingsCommand =
  | { op: 'show' }
  | { op: 'reset' }
  | { op: 'set'; key: SettingKey; value: number }
  | { op: 'error'; code: 'UNKNOWN_KEY'; word: string }
  | { op: 'error'; code: 'BAD_NUMBER'; word: string }

const find = <K extends string>(table: Record<K, readonly string[]>, word: string): K | undefined =>
  (Object.keys(table) as K[]).find((k) => table[k].includes(word))

export function parseSettingsCommand(tokens: readonly string[]): SettingsCommand {
  if (tokens.length === 0) return { op: 'show' }
  const [a = '', b = '', c = ''] = tokens
  if ((W.resetWord as readonly string[]).includes(a)) return { op: 'reset' }
  // The section word may be left out: 上报 40 is a weight, 优秀 90 a threshold, 补报 0.8 a parameter.
  const sectioned =
    (W.weightWord as readonly string[]).includes(a) ||
    (W.thresholdWord as readonly string[]).includes(a) ||
    (W.otherWord as readonly string[]).includes(a)
  const word = sectioned ? b : a
  const num = sectioned ? c : b
  let key: SettingKey | null = null
  const part = find(W.weights, word)
  const threshold = find(W.thresholds, word)
  const other = find(W.other, word)
  if (part && !(W.thresholdWord as readonly string[]).includes(a)) key = { kind: 'weight', part }
  else if (threshold) key = { kind: 'threshold', name: threshold }
  else if (other) key = { kind: 'other', name: other }
  if (!key) return { op: 'error', code: 'UNKNOWN_KEY', word }
  const value = Number(num.replace(/[%分]$/, ''))
  if (num === '' || !Number.isFinite(value)) return { op: 'error', code: 'BAD_NUMBER', word: num }
  return { op: 'set', key, value }
}

/** The override with one value changed. */
export function withSetting(o: AssessmentOverride, key: SettingKey, value: number): AssessmentOverride {
  if (key.kind === 'weight') return { ...o, weights: { ...o.weights, [key.part]: value } }
  if (key.kind === 'threshold') return { ...o, thresholds: { ...o.thresholds, [key.name]: value } }
  return { ...o, [key.name]: value }
}

/** The override after the command, or the problem the settings would have. */
export function applySettingsCommand(
  o: AssessmentOverride,
  key: SettingKey,
  value: number,
): { ok: true; override: AssessmentOverride; settings: AssessmentSettings } | { ok: false; problem: string } {
  const next = withSetting(o, key, value)
  const r = resolveAssessmentSettings(next)
  return r.ok ? { ok: true, override: next, settings: r.settings } : r
}

/** `weights.reporting`, `thresholds.excellent`, `lateCredit`: the key as the audit trail names it. */
export const settingPath = (key: SettingKey): string =>
  key.kind === 'weight'
    ? `weights.${key.part}`
    : key.kind === 'threshold'
      ? `thresholds.${key.name}`
      : key.name
