/** Feature imports: the coordinator's history (sites × months) from a spreadsheet, #导入. */
import type { Feature } from '../../src/core/feature.js'
import { importHistory } from './import.js'
import { importShares } from './import-share.js'

export const importsFeature: Feature = {
  name: 'imports',
  commands: [importHistory],
  shares: [importShares],
}
