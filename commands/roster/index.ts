/** Feature roster: the demonstration sites and their changes. */
import type { Feature } from '../../src/core/feature.js'
import { addSite } from './add-site.js'
import { moveSite } from './move-site.js'
import { renameSite } from './rename-site.js'
import { restoreSite } from './restore-site.js'
import { retireSite } from './retire-site.js'
import { sites } from './sites.js'

export const rosterFeature: Feature = {
  name: 'roster',
  commands: [sites, retireSite, restoreSite, addSite, moveSite, renameSite],
}
