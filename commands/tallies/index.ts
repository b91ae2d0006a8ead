/** Feature tallies: the numbers: #统计, #进度, #未报, #汇总. */
import type { Feature } from '../../src/core/feature.js'
import { missing } from './missing.js'
import { progress } from './progress.js'
import { summary } from './summary.js'
import { tally } from './tally.js'

export const talliesFeature: Feature = {
  name: 'tallies',
  commands: [tally, progress, missing, summary],
}
