/** Feature assessment: the half-year assessment, scores and recommendations. */
import type { Feature } from '../../src/core/feature.js'
import { assessment } from './assessment.js'
import { assessmentSettings } from './assessment-settings.js'
import { recommend } from './recommend.js'
import { score } from './score.js'

export const assessmentFeature: Feature = {
  name: 'assessment',
  commands: [assessment, score, recommend, assessmentSettings],
}
