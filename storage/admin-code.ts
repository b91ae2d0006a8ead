/**
 * A new one-time admin code for the operator on the server (`npm run admin-code`).
 *
 * A running bot keeps the store in memory and writes it whole: a code written beside it would be
 * lost at its next write, or would overwrite what it just wrote. So the code is issued only while
 * no bot holds the data folder, under the folder's lock so none starts meanwhile.
 */
import { acquireLock, liveHolder, type LockInfo } from './lock.js'
import { reissueAdminCode as reissue } from './core-repository.js'
import { openRepositoryFiles } from './repository.js'

export type ReissueResult = { ok: true; code: string } | { ok: false; holder: LockInfo }

export async function reissueAdminCode(
  dataDir: string,
  now: Date,
  isAlive?: (pid: number) => boolean,
): Promise<ReissueResult> {
  const holder = liveHolder(dataDir, isAlive)
  if (holder) return { ok: false, holder }
  const lock = acquireLock(dataDir, { now, ...(isAlive ? { isAlive } : {}) })
  try {
    const { files } = await openRepositoryFiles(dataDir, now)
    return { ok: true, code: await reissue(files.core, now) }
  } finally {
    lock.release()
  }
}
