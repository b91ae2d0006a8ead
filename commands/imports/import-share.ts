/**
 * A spreadsheet shared by an admin or a leader: claimed outright when `#导入` is waiting for it,
 * else (least of all claims) kept for a `#导入` that follows.
 */
import type { ShareClaimant } from '../../src/core/share-window.js'
import type { CommandContext } from '../../src/core/types.js'
import { isAdmin, leaderGroups } from '../../src/domain/authority.js'
import { IMPORT_SHARES, previewImport } from './import-flow.js'
import { isSpreadsheetName } from './read-file.js'

const mayImport = ({ incoming, sender }: CommandContext) =>
  incoming.share?.kind === 'file' &&
  isSpreadsheetName(incoming.share.name) &&
  (isAdmin(sender.roles) || leaderGroups(sender.roles).length > 0)

export const importShares: ShareClaimant = {
  name: 'import',
  kinds: ['file'],
  claim(ctx) {
    if (!mayImport(ctx)) return null
    const now = ctx.incoming.at.getTime()
    const asked = ctx.deps.local(IMPORT_SHARES).intentAt(ctx.sender.id, now)
    return asked !== undefined ? { at: asked, explicit: true } : { at: 0, explicit: false }
  },
  async take({ incoming, sender, deps }) {
    const share = incoming.share
    if (share?.kind !== 'file') return []
    const shares = deps.local(IMPORT_SHARES)
    const now = incoming.at.getTime()
    const data = await share.load()
    if (!shares.takeIntent(sender.id, now)) {
      shares.keepFile(sender.id, now, share.name, data)
      return []
    }
    return previewImport(deps, sender, share.name, data)
  },
}
