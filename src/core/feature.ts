import type { ShareClaimant } from './share-window.js'
import type { AnyCommand } from './types.js'

/**
 * One feature slice (commands/<feature>/index.ts): its commands in the order #帮助 lists them,
 * and its claims on shared articles, files and pictures. Features are installed as one list
 * (commands/index.ts).
 */
export interface Feature {
  name: string
  commands: readonly AnyCommand[]
  shares?: readonly ShareClaimant[]
}
