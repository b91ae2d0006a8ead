/**
 * The one share window: a shared article, file or picture goes to the feature that explicitly
 * claims it, never by list order. A claimant claims a share when the same sender asked for one a
 * moment ago. An explicit ask (a bare #上报, a #计划 年份, a #六有 item waiting for its files)
 * beats an implicit one (a report just filed, which shares right after it join); among equals the
 * most recent ask wins. A share nobody claims goes to the claimants' `unclaimed` step (reporting keeps it for a
 * later #上报, or counts an article by its title).
 */
import type { CommandContext, Incoming, Reply } from './types.js'

export type ShareKind = Exclude<Incoming['kind'], 'text'>

/** When the ask was made (ms since epoch), and whether it asked for a share outright. */
export interface ShareClaim {
  at: number
  explicit: boolean
}

const beats = (a: ShareClaim, b: ShareClaim) => (a.explicit !== b.explicit ? a.explicit : a.at > b.at)

export interface ShareClaimant {
  name: string
  kinds: readonly ShareKind[]
  /** The sender's waiting ask this share answers; null: no claim. */
  claim(ctx: CommandContext): ShareClaim | null
  /** Takes the claimed share. */
  take(ctx: CommandContext): Promise<Reply[]> | Reply[]
  /** What happens to a share nobody claimed (at most one claimant per kind should have it). */
  unclaimed?(ctx: CommandContext): Promise<Reply[]> | Reply[]
}

export class ShareWindow {
  constructor(private readonly claimants: readonly ShareClaimant[]) {}

  /** The claimant of a share: explicit asks first, then the most recent. */
  claimantOf(ctx: CommandContext, kind: ShareKind): ShareClaimant | undefined {
    let best: { c: ShareClaimant; claim: ShareClaim } | undefined
    for (const c of this.claimants) {
      if (!c.kinds.includes(kind)) continue
      const claim = c.claim(ctx)
      if (claim && (!best || beats(claim, best.claim))) best = { c, claim }
    }
    return best?.c
  }

  async receive(ctx: CommandContext, kind: ShareKind): Promise<Reply[]> {
    if (!ctx.incoming.share) return []
    const claimant = this.claimantOf(ctx, kind)
    if (claimant) return claimant.take(ctx)
    const rest = this.claimants.find((c) => c.kinds.includes(kind) && c.unclaimed)
    return rest?.unclaimed ? rest.unclaimed(ctx) : []
  }
}
