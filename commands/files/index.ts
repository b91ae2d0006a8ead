/** Feature files: Excel, the heatmap picture and the Word compilation. */
import type { Feature } from '../../src/core/feature.js'
import { chart } from './chart.js'
import { compilation } from './compilation.js'
import { exportFile } from './export.js'

export const filesFeature: Feature = {
  name: 'files',
  commands: [exportFile, chart, compilation],
}
