/**
 * The real entry point as a child process: as `npm start` starts it (tsx src/main.ts), or the same
 * source compiled ahead by tsx's own compiler (esbuild, tsx's options) and run by plain node.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type * as Esbuild from 'esbuild'
import { pinnedClockEnv } from './pinned-clock.js'
import { knowHolidaysIn } from './known-holidays.js'

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
 * How a test starts the bot:
 * - `npm start`: the README's start line, `tsx src/main.ts` (tsx's CLI, which runs the program in a
 *   child node process with its loader compiling every .ts file as it is imported);
 * - `compiled` (the default): the same files compiled once per test process by the esbuild that tsx
 *   runs, with tsx's options (target this node, keepNames), run by this node. Same code, same
 *   dependencies, same environment; it starts in about a third of the CPU time, so tests of what the
 *   program does (not of how it is launched) use it. test/e2e/entry-point.e2e.test.ts keeps `npm start`.
 */
export type Launch = 'npm start' | 'compiled'

let compiled: string | undefined
const PREFIX = 'gqf-compiled-'

/**
 * Compiled folders of test processes that are gone. A test process removes its own on exit, but
 * vitest may end a worker without an exit event; the next build clears what such a worker left.
 */
function removeLeftovers(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.slice(PREFIX.length).split('-')[0])
    if (!name.startsWith(PREFIX) || !Number.isInteger(pid) || pid <= 0 || alive(pid)) continue
    rmSync(join(tmpdir(), name), { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The project's program compiled into a temporary folder (once per test process), beside node_modules. */
export function compiledMain(): string {
  if (compiled) return join(compiled, 'src/main.js')
  // The esbuild tsx itself resolves (tsx depends on it): tsx's compiler, at tsx's version.
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx'))('esbuild') as typeof Esbuild
  removeLeftovers()
  const out = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`))
  const entryPoints = ['src', 'commands', 'storage'].map((dir) => `${join(ROOT, dir)}/**/*.ts`)
  esbuild.buildSync({
    entryPoints,
    outdir: out,
    outbase: ROOT,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    keepNames: true,
    sourcemap: 'inline',
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
  })
  // package.json (the module type; src/version.ts reads the version from it) and the dependencies.
  cpSync(join(ROOT, 'package.json'), join(out, 'package.json'))
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir')
  process.once('exit', () => rmSync(out, { recursive: true, force: true }))
  compiled = out
  return join(out, 'src/main.js')
}

/** The command line of a launch: [executable, ...arguments]. */
export function botCommand(launch: Launch = 'compiled'): [string, string[]] {
  return launch === 'npm start' ? [TSX, [join(ROOT, 'src/main.ts')]] : [process.execPath, [compiledMain()]]
}

/**
 * Starts the bot from an empty folder (so a developer's own .env cannot change the outcome), with
 * only PATH, HOME, DATA_DIR and the pinned test clock from here; `env` adds or overrides.
 */
export function startBot(env: Record<string, string>, launch: Launch = 'compiled'): Run {
  const home = mkdtempSync(join(tmpdir(), 'gqf-proc-'))
  const [command, args] = botCommand(launch)
  // Next year's holidays known (test/support/known-holidays.ts): no notice among the replies in December.
  knowHolidaysIn(env['DATA_DIR'] ?? join(home, 'data'))
  const child = spawn(command, args, {
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
