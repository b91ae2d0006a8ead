/** The console group's contacts, mentions and saved files: what the session and its tests share. */
import { createHash } from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { FileBox } from 'file-box'
import type { mock } from 'wechaty-puppet-mock'
import { safeFileName } from '../../storage/report-store.js'
import { CONSOLE } from '../messages/console.js'

export type MockPayload = { payload: { id?: string; talkerId?: string; text?: string } }
/** The mock's rooms and contacts are event emitters whose typings do not resolve here. */
export function onMockMessage(target: object, listener: (m: MockPayload) => void): void {
  ;(target as EventEmitter).on('message', listener)
}
const ID_PREFIX = 'console-'

/** Stable ids, so a registration made in the console is still there after a restart. */
export const contactId = (name: string) =>
  ID_PREFIX + createHash('sha1').update(name).digest('hex').slice(0, 12)

/** A contact id the console group made (the bot's own excepted). */
export const isConsoleId = (id: string) =>
  id.startsWith(ID_PREFIX) && /^[0-9a-f]{12}$/.test(id.slice(ID_PREFIX.length))

export const CONSOLE_HELP = CONSOLE.help

/**
 * `@名字` in typed text, as WeChat sends a mention: each known name (longest first, so @张三丰 is
 * not @张三) becomes `@名字` + U+2005 and is listed; other `@words` stay plain text.
 */
export function mentionsIn(
  text: string,
  known: readonly string[],
): { text: string; names: string[]; unknown: string[] } {
  const names: string[] = []
  const unknown: string[] = []
  const byLength = [...known].sort((a, b) => [...b].length - [...a].length)
  const out = text.replace(/@([^\s@\u2005]+)[ \u2005]?/g, (whole, word: string) => {
    const name = byLength.find((n) => word.startsWith(n))
    if (!name) {
      unknown.push(word)
      return whole
    }
    if (!names.includes(name)) names.push(name)
    const tail = word.slice(name.length)
    return `@${name}\u2005${tail}${tail && whole.endsWith(' ') ? ' ' : ''}`
  })
  return { text: out.trimEnd(), names, unknown }
}

/** A free file name in `dir` for `name`: name, name-2, name-3… */
function freePath(dir: string, name: string): string {
  const safe = safeFileName(name)
  const ext = extname(safe)
  const stem = safe.slice(0, safe.length - ext.length)
  let path = join(dir, safe)
  for (let i = 2; existsSync(path); i++) path = join(dir, `${stem}-${i}${ext}`)
  return path
}

/**
 * Saves the file a mock message carries (what the bot sent with `OutgoingFile`) under `dir`, with
 * its own name made safe and not overwriting an earlier one; null when the message has no file.
 */
export async function saveSentFile(
  mocker: InstanceType<typeof mock.Mocker>,
  messageId: string,
  dir: string,
): Promise<{ name: string; path: string } | null> {
  const json = mocker.cacheFileBoxPayload.get(messageId)
  if (!json) return null
  const box = FileBox.fromJSON(json)
  mkdirSync(dir, { recursive: true })
  const path = freePath(dir, box.name)
  writeFileSync(path, await box.toBuffer())
  return { name: box.name, path }
}

export interface ConsoleIO {
  input: NodeJS.ReadableStream & { isTTY?: boolean }
  output: NodeJS.WritableStream
}
