import type { Wechaty } from 'wechaty'
import type { Logger } from '../logger.js'

export interface ConnectInfo {
  endpoint: string | undefined
  timeoutMs: number
}

/** Login did not happen in time: the message says what to check. */
export class ConnectError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConnectError'
  }
}

export function connectFailureMessage(info: ConnectInfo, lastError: string | undefined): string {
  return [
    `在 ${Math.round(info.timeoutMs / 1000)} 秒内没有连上微信服务，机器人已停止。` +
      (lastError ? `最后的错误：${lastError}` : ''),
    '请检查：',
    `- WECHATY_PUPPET_SERVICE_ENDPOINT（当前：${info.endpoint ?? '未设置，将通过公网服务发现，离线环境下会失败'}）是否正确，服务是否在运行；`,
    '- WECHATY_PUPPET_SERVICE_TOKEN 是否与服务端一致；',
    '- TLS：服务端关闭了 TLS 时，设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true；token 前缀不是 insecure_ 时，通常需要双方都关闭 TLS。',
  ].join('\n')
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
      logger.info('请用微信扫码登录', {
        qrcode: `https://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}`,
      })
    }
    const cleanup = () => {
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
