/** A full disk under the audit trail only: every append to `<dir>/audit` fails until `heal()`. */
import fsp from 'node:fs/promises'
import { syncBuiltinESMExports } from 'node:module'
import { join } from 'node:path'

const realAppend = fsp.appendFile

export function breakAudit(dir: string): void {
  fsp.appendFile = (async (...args: Parameters<typeof realAppend>) => {
    if (String(args[0]).includes(join(dir, 'audit')))
      throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })
    return realAppend(...args)
  }) as typeof realAppend
  syncBuiltinESMExports()
}

export function heal(): void {
  fsp.appendFile = realAppend
  syncBuiltinESMExports()
}
