/** Feature records: site records: 档案, 六有, projects, plans, guidance. */
import type { Feature } from '../../src/core/feature.js'
import { guidance } from './guidance.js'
import { plan } from './plan.js'
import { projects } from './projects.js'
import { siteFile } from './site-file.js'
import { sixHave } from './six-have.js'
import { recordShares } from './record-shares.js'

export const recordsFeature: Feature = {
  name: 'records',
  commands: [siteFile, sixHave, projects, plan, guidance],
  shares: [recordShares],
}
