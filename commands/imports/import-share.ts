/**
 * A spreadsheet shared by an admin or a leader: read at once when `#导入` was waiting for it,
 * else kept for a `#导入` that follows. Other files go on to the report handlers.
 */
import type { ShareHandler } from '../../src/core/types.js'
import { isAdmin, leaderGroups } from '../../src/domain/authority.js'
import { RECORD_SHARES } from '../records/records-share.js'
import { IMPORT_SHARES, previewImport } from './import-flow.js'
import { isSpreadsheetName } from './read-file.js'

export const shareToImport: ShareHandler = {
  name: 'import',
  kinds: ['file'],
  async run({ incoming, sender, deps }) {
    const share = incoming.share
    if (share?.kind !== 'file' || !isSpreadsheetName(share.name)) return []
    if (!isAdmin(sender.roles) && leaderGroups(sender.roles).length === 0) return []
    const shares = deps.local(IMPORT_SHARES)
    const now = incoming.at.getTime()
    const data = await share.load()
    if (!shares.takeIntent(sender.id, now)) {
      shares.keepFile(sender.id, now, share.name, data)
      return []
    }
    // Taken here: the report handler leaves it alone.
    deps.local(RECORD_SHARES).claim(incoming.id)
    return previewImport(deps, sender, share.name, data)
  },
}
