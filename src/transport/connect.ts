import type { Wechaty } from 'wechaty'
import type { Logger } from '../logger.js'
import { OPS } from '../messages/operations.js'

export interface ConnectInfo {
  endpoint: string | undefined
  timeoutMs: number
  /**
   * Subscribes to the service asking the operator for something (a verify code): like a QR code,
   * it means the service answered, and the wait goes on for the person. Returns the unsubscribe.
   */
  waiting?: (listener: () => void) => () => void
}

/** Login did not happen in time: the message says what to check. */
export class ConnectError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConnectError'
  }
}

export function connectFailureMessage(info: ConnectInfo, lastError: string | undefined): string {
  return OPS.connectFailure(Math.round(info.timeoutMs / 1000), info.endpoint, lastError)
}

/**
 * `bot.start()` resolves even when the token, endpoint or TLS is wrong: failures arrive as `error`
 * events and `login` never fires. This waits for `login`; a QR code to scan means the service
 * answered, so the wait then goes on for the person scanning.
 */
export function waitForLogin(bot: Wechaty, info: ConnectInfo, logger: Logger): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let lastError: string | undefined
    const onError = (e: Error) => {
      lastError = e.message.split('\n')[0]
    }
    const onScan = (qrcode: string) => {
      clearTimeout(timer)
      logger.info(OPS.scanToLogin, {
        qrcode: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`,
      })
    }
    const unwait = info.waiting?.(() => clearTimeout(timer))
    const cleanup = () => {
      unwait?.()
      clearTimeout(timer)
      bot.off('error', onError)
      bot.off('scan', onScan)
      bot.off('login', onLogin)
    }
    const onLogin = () => {
      cleanup()
      resolve()
    }
    const timer = setTimeout(() => {
      cleanup()
      reject(new ConnectError(connectFailureMessage(info, lastError)))
    }, info.timeoutMs)
    bot.on('error', onError)
    bot.on('scan', onScan)
    bot.on('login', onLogin)
  })
}
