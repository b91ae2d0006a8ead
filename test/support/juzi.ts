/** Drives test/support/juzi-server.ts (a Juzi puppet service in its own process) over JSON lines. */
import { spawn } from 'node:child_process'
import { pinnedClockEnv } from './pinned-clock.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { ROOT, watch, type Run } from './child.js'

export interface JuziEvent {
  ready?: { endpoint: string; token: string }
  sent?: { to: string; text: string; mentions: string[] }
  file?: { to: string; name: string; size: number }
  entered?: { id: string; code: string }
  login?: boolean
}

export interface JuziServer {
  run: Run
  endpoint: string
  token: string
  events: JuziEvent[]
  /** Resolves with the first event (from `from` on) that `match` accepts; rejects after `ms`. */
  next(match: (e: JuziEvent) => boolean, what: string, from?: number, ms?: number): Promise<JuziEvent>
  say(who: string, name: string, text: string, where?: { room?: boolean; mention?: boolean }): void
  /** The service asks for a verify code again. */
  askVerifyCode(id: string): void
  stop(): Promise<void>
}

export async function startJuziServer(env: Record<string, string> = {}): Promise<JuziServer> {
  const home = mkdtempSync(join(tmpdir(), 'gqf-juzi-'))
  // tsx's loader in one node process (not tsx's CLI, which would start a second one): a test fixture.
  const loader = join(ROOT, 'node_modules/tsx/dist/loader.mjs')
  const child = spawn(
    process.execPath,
    ['--import', pathToFileURL(loader).href, join(ROOT, 'test/support/juzi-server.ts')],
    {
      cwd: home,
      // The suite's pinned clock too: the messages it sends carry the date the bot believes it is.
      env: { PATH: process.env['PATH'] ?? '', HOME: home, ...pinnedClockEnv(), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    },
  )
  const run = watch(child)
  const events: JuziEvent[] = []
  const watchers = new Set<() => void>()
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return
    events.push(JSON.parse(line) as JuziEvent)
    for (const w of [...watchers]) w()
  })
  const next = (match: (e: JuziEvent) => boolean, what: string, from = 0, ms = 30_000) =>
    new Promise<JuziEvent>((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match)
        if (!found) return
        watchers.delete(check)
        clearTimeout(timer)
        resolve(found)
      }
      const timer = setTimeout(() => {
        watchers.delete(check)
        reject(new Error(`the Juzi server never saw ${what}; it saw ${JSON.stringify(events.slice(-5))}`))
      }, ms)
      watchers.add(check)
      check()
    })
  const ready = (await next((e) => !!e.ready, 'its start')).ready!
  const send = (o: unknown) => child.stdin.write(JSON.stringify(o) + '\n')
  return {
    run,
    ...ready,
    events,
    next,
    say: (who, name, text, where = {}) => send({ say: { who, name, text, ...where } }),
    askVerifyCode: (id) => send({ verify: { id } }),
    async stop() {
      child.stdin.end()
      await Promise.race([run.exited, new Promise((r) => setTimeout(r, 5000))])
      run.killHard()
    },
  }
}
