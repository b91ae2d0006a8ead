/** A shared article nothing counted gets a one-line hint, once per member per day (memory only). */
import { localKey } from '../../src/core/types.js'
import { shanghaiDate } from '../../src/domain/calendar.js'

class ShareHints {
  private readonly given = new Map<string, string>()
  /** True the first time a member is hinted on the Shanghai day of `at`. */
  take(senderId: string, at: Date): boolean {
    const day = shanghaiDate(at)
    if (this.given.get(senderId) === day) return false
    this.given.set(senderId, day)
    return true
  }
}

export const SHARE_HINTS = localKey('share-hints', () => new ShareHints())
