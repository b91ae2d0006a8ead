/**
 * Juzi's client starts an upload with an empty request (WorkPro's protocol); open-source servers answer
 * NOCHUNK. `retryOnNoChunk` wraps a file send: the first NOCHUNK switches the client to plain uploads
 * (`switchToPlain`) and the send is tried once more; every later send goes the plain way.
 */
import type { Logger } from '../logger.js'

export function retryOnNoChunk<A extends unknown[], R>(
  send: (...args: A) => Promise<R>,
  switchToPlain: () => void,
  logger: Logger,
): (...args: A) => Promise<R> {
  let switched = false
  return async (...args: A) => {
    try {
      return await send(...args)
    } catch (e) {
      if (switched || !/NOCHUNK/.test(e instanceof Error ? e.message : String(e))) throw e
      switched = true
      logger.warn('puppet service refused the empty first upload chunk (NOCHUNK); uploading without it')
      switchToPlain()
      return send(...args)
    }
  }
}
