import { readFileSync } from 'node:fs'
import { z } from 'zod'

/** The program's version, from package.json ('' when it cannot be read). */
export function programVersion(): string {
  const pkg = z
    .object({ version: z.string() })
    .safeParse(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')))
  return pkg.success ? pkg.data.version : ''
}
