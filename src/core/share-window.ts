/**
 * The one share window: a shared article, file or picture goes to the feature that explicitly
 * claims it, never by list order. A claimant claims a share when the same sender asked for one a
 * moment ago (a bare #上报, a #计划 年份, a #六有 item, a report just filed); the most recent ask
 * wins. A share nobody claims goes to the claimants' `unclaimed` step (reporting keeps it for a
 * later #上报, or counts an article by its title).
 */
import type { CommandContext, Incoming, Reply } from './types.js'

export type ShareKind = Exclude<Incoming['kind'], 'text'>

export interface ShareClaimant {
  name: string
  kinds: readonly ShareKind[]
  /** When the sender's waiting ask (ms since epoch) this share answers was made; null: no claim. */
  claim(ctx: CommandContext): number | null
  /** Takes the claimed share. */
  take(ctx: CommandContext): Promise<Reply[]> | Reply[]
  /** What happens to a share nobody claimed (at most one claimant per kind should have it). */
  unclaimed?(ctx: CommandContext): Promise<Reply[]> | Reply[]
}

export class ShareWindow {
  constructor(private readonly claimants: readonly ShareClaimant[]) {}

  /** The claimant of a share: the one whose ask is the most recent; ties go to none but the first. */
  claimantOf(ctx: CommandContext, kind: ShareKind): ShareClaimant | undefined {
    let best: { c: ShareClaimant; at: number } | undefined
    for (const c of this.claimants) {
      if (!c.kinds.includes(kind)) continue
      const at = c.claim(ctx)
      if (at !== null && (!best || at > best.at)) best = { c, at }
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
