/**
 * Why a #考核设置 change cannot be saved, in the admin's words: which value breaks which rule,
 * worked out from the settings in force and the one value asked for (never the schema's English).
 */
import type { AssessmentSettings } from '../../src/domain/assessment.js'
import type { SettingKey } from '../../src/domain/assessment-settings-input.js'
import { settingPath } from '../../src/domain/assessment-settings-input.js'
import { SETTING_LABEL } from '../../src/messages/assessment.js'
import { SETTINGS } from './sentences.js'

const L = (path: string) => SETTING_LABEL[path] ?? ''
const label = (key: SettingKey) => L(settingPath(key))

/** The rule the value breaks: a range, an order, or the one weight that must stay above 0. */
export function settingProblem(current: AssessmentSettings, key: SettingKey, value: number): string {
  const name = label(key)
  if (key.kind === 'weight') {
    if (value < 0 || value > 100) return SETTINGS.outOfRange(name, value, '0–100')
    return SETTINGS.allWeightsZero
  }
  if (key.kind === 'threshold') {
    const t = { ...current.thresholds, [key.name]: value }
    if (t.excellent < t.pass)
      return SETTINGS.order(L('thresholds.excellent'), t.excellent, L('thresholds.pass'), t.pass)
    return SETTINGS.order(L('thresholds.pass'), t.pass, L('thresholds.warning'), t.warning)
  }
  if (key.name === 'lateCredit') return SETTINGS.outOfRange(name, value, '0–1')
  if (!Number.isInteger(value) || value < 1) return SETTINGS.notPositive(name, value)
  const gaps = { warnGap: current.warnGap, adjustGap: current.adjustGap, [key.name]: value }
  return SETTINGS.order(L('adjustGap'), gaps.adjustGap, L('warnGap'), gaps.warnGap)
}
