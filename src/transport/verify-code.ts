/**
 * The verify-code login step of WorkPro (Juzi client): the service asks for the 6-digit code sent to
 * the account's phone with a `verify-code` event; the bot tells the operator through the alert
 * channel and waits. The code comes back by one of two roads, both ending in `enterVerifyCode(id, code)`:
 *
 * - `npm run verify-code -- 123456` writes DATA_DIR/verify-code (atomically: temp file + rename); the
 *   running bot looks for that file every `pollMs`, takes it (deletes it) and enters the code. A file
 *   survives a restart of either side, and needs nothing but the data folder both already share.
 * - an admin's private `#验证码 123456` (the VerifyCodePort), while the bot is logged in.
 *
 * A code that arrives while none is asked for stays in the file until one is (at most `keepMs`).
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { VerifyCodePort } from '../core/verify-code-port.js'
import type { Logger } from '../logger.js'
import { VERIFY } from '../messages/verify-code.js'
import type { Notifier } from './flavour.js'

export const VERIFY_CODE_FILE = 'verify-code'
export const VERIFY_CODE = /^\d{6}$/

/** Hands a code to the running bot (the script's side). */
export function submitVerifyCode(dataDir: string, code: string): string {
  const path = join(dataDir, VERIFY_CODE_FILE)
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, code + '\n', { mode: 0o600 })
  renameSync(tmp, path)
  return path
}

/** The verify-code event as both Juzi payload versions carry it. */
export interface VerifyCodeRequest {
  id: string
  /** 1 waiting, 2 expired, 3 wrong code (Juzi's VerifyCodeStatus). */
  status?: number
}

/** What the handoff needs of the puppet. */
export interface VerifyCodePuppet {
  on(event: 'verify-code', listener: (payload: VerifyCodeRequest) => void): unknown
  off(event: 'verify-code', listener: (payload: VerifyCodeRequest) => void): unknown
  enterVerifyCode(id: string, code: string): Promise<void>
}

export interface VerifyCodeOptions {
  puppet: VerifyCodePuppet
  dataDir: string
  logger: Logger
  /** The alert channel; default: a warning in the log. */
  notify?: Notifier
  /** How often to look for the script's file. Default 1 s. */
  pollMs?: number
  /** A code waiting with no request is dropped after this long. Default 10 min. */
  keepMs?: number
  clock?: () => Date
}

/** The operator is told through the log when no alert channel is given. */
export const logNotifier = (logger: Logger): Notifier => ({
  notify: (event, text) => logger.warn(text, { event }),
})

export class VerifyCodeHandoff implements VerifyCodePort {
  private pending: string | undefined
  private timer: NodeJS.Timeout | undefined
  private readonly file: string
  private readonly notifier: Notifier
  private readonly listener = (p: VerifyCodeRequest) => this.onRequest(p)

  constructor(private readonly o: VerifyCodeOptions) {
    this.file = join(o.dataDir, VERIFY_CODE_FILE)
    this.notifier = o.notify ?? logNotifier(o.logger)
  }

  /** Whether a code is awaited now. */
  get asked(): boolean {
    return this.pending !== undefined
  }

  start(): this {
    this.o.puppet.on('verify-code', this.listener)
    this.timer = setInterval(() => this.poll(), this.o.pollMs ?? 1000)
    this.timer.unref()
    return this
  }

  stop(): void {
    clearInterval(this.timer)
    this.o.puppet.off('verify-code', this.listener)
  }

  submit(code: string): 'submitted' | 'not-asked' {
    const id = this.pending
    if (id === undefined) return 'not-asked'
    this.enter(id, code)
    return 'submitted'
  }

  private onRequest(p: VerifyCodeRequest): void {
    if (!p || typeof p.id !== 'string') return
    if (p.status === 2) {
      this.pending = undefined
      this.notifier.notify('verify-code', VERIFY.expired)
      return
    }
    this.pending = p.id
    this.notifier.notify('verify-code', VERIFY.needed(p.status === 3))
    this.poll()
  }

  private poll(): void {
    if (!existsSync(this.file)) return
    try {
      const now = (this.o.clock ?? (() => new Date()))().getTime()
      if (this.pending === undefined) {
        if (now - statSync(this.file).mtimeMs > (this.o.keepMs ?? 10 * 60_000))
          rmSync(this.file, { force: true })
        return
      }
      const code = readFileSync(this.file, 'utf8').trim()
      rmSync(this.file, { force: true })
      if (VERIFY_CODE.test(code)) this.enter(this.pending, code)
      else this.o.logger.warn(VERIFY.badCode)
    } catch (e) {
      this.o.logger.warn(VERIFY.enterFailed, { error: e instanceof Error ? e.message : String(e) })
    }
  }

  private enter(id: string, code: string): void {
    this.pending = undefined
    this.o.puppet.enterVerifyCode(id, code).then(
      () => this.o.logger.info(VERIFY.entered, { id }),
      (e: unknown) =>
        this.o.logger.warn(VERIFY.enterFailed, {
          id,
          error: (e instanceof Error ? e.message : String(e)).split('\n')[0],
        }),
    )
  }
}
