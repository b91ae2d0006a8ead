/** Every feature, installed as one list: adding a command is one file in its feature (listed in its index.ts) and one test. */
import type { Feature } from '../src/core/feature.js'
import type { ShareClaimant } from '../src/core/share-window.js'
import type { AnyCommand } from '../src/core/types.js'
import { operationsFeature } from './operations/index.js'
import { peopleFeature } from './people/index.js'
import { reportingFeature } from './reporting/index.js'
import { talliesFeature } from './tallies/index.js'
import { rosterFeature } from './roster/index.js'
import { remindersFeature } from './reminders/index.js'
import { filesFeature } from './files/index.js'
import { recordsFeature } from './records/index.js'
import { assessmentFeature } from './assessment/index.js'
import { importsFeature } from './imports/index.js'

export const FEATURES: readonly Feature[] = [
  operationsFeature,
  peopleFeature,
  reportingFeature,
  talliesFeature,
  rosterFeature,
  remindersFeature,
  filesFeature,
  recordsFeature,
  assessmentFeature,
  importsFeature,
]

/** Every command, in the order #帮助 lists them (by category, then feature). */
export const COMMANDS: readonly AnyCommand[] = FEATURES.flatMap((f) => f.commands)

/** What claims shared articles, files and pictures (core's share window picks the claimant). */
export const SHARE_CLAIMANTS: readonly ShareClaimant[] = FEATURES.flatMap((f) => f.shares ?? [])

/** The commands of one bot (kept as a function: the composition root and tests call it). */
export function builtinCommands(): AnyCommand[] {
  return [...COMMANDS]
}
