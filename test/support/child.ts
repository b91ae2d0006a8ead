/** The real entry point as a child process, started as `npm start` starts it (tsx src/main.ts). */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pinnedClockEnv } from './pinned-clock.js'

export const ROOT = resolve(import.meta.dirname, '../..')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

export interface Run {
  child: ChildProcess
  output: () => string
  /** Resolves once the output contains `text` (rejects after `ms`: a safety net, not a timing). */
  printed: (text: string, ms?: number) => Promise<void>
  exited: Promise<number | null>
  /**
   * kill -9 of the bot itself: tsx runs the program in a child process of its own, and a SIGKILL
   * cannot be relayed, so the whole process group is killed.
   */
  killHard: () => void
}

/**
 * Starts the bot from an empty folder (so a developer's own .env cannot change the outcome), with
 * only PATH, HOME, DATA_DIR and the pinned test clock from here; `env` adds or overrides.
 */
export function startBot(env: Record<string, string>): Run {
  const home = mkdtempSync(join(tmpdir(), 'gqf-proc-'))
  const child = spawn(TSX, [join(ROOT, 'src/main.ts')], {
    cwd: home,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      DATA_DIR: join(home, 'data'),
      ...pinnedClockEnv(),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group, so killHard reaches tsx's child too.
    detached: true,
  })
  return watch(child)
}

/** Output, exit and a hard kill of a started child process (started in its own process group). */
export function watch(child: ChildProcess): Run {
  let out = ''
  const watchers = new Set<() => void>()
  const append = (d: Buffer) => {
    out += d.toString()
    for (const w of [...watchers]) w()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  const printed = (text: string, ms = 30_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!out.includes(text)) return
        watchers.delete(check)
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        watchers.delete(check)
        reject(new Error(`never printed “${text}”; output:\n${out.slice(-2000)}`))
      }, ms)
      watchers.add(check)
      check()
    })
  const killHard = () => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }
  return { child, output: () => out, printed, exited, killHard }
}
