/**
 * Measurements through the real transport: the mock world (a PuppetServer on 127.0.0.1 wrapping
 * the mock, and the people sending the load) runs in its own process (bench/world-child.ts); the
 * bot, or the echo floor, runs here as a gRPC client, as deployed against a remote service. So the
 * event-loop stalls and CPU measured here are the bot's alone.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { createLogger } from '../src/logger.js'
import { monthOf } from '../src/domain/calendar.js'
import type { Repository } from '../src/core/ports.js'
import { GqfBot, type GqfBotHandle } from '../src/plugin.js'
import { HandledStore } from '../storage/handled-store.js'
import { openRepository } from '../storage/repository.js'
import { EchoBot } from './echo.js'
import { profiled } from './profile.js'
import { ADMIN_ID, BURST, burstId, burstText, MEMBER_ID, ROOM_TOPIC } from './synthetic.js'
import type { WorldEvent, WorldRequest } from './world-protocol.js'

const ROOT = resolve(import.meta.dirname, '..')

/**
 * Every child process the bench starts, stopped however the bench ends: normal exit, a failed
 * target, a thrown error or Ctrl+C. A `tsx` child runs the program in a process of its own and
 * cannot relay SIGKILL, so those are started as process groups and the group is killed.
 */
const children = new Map<ChildProcess, 'group' | 'one'>()
function own<C extends ChildProcess>(child: C, kind: 'group' | 'one'): C {
  children.set(child, kind)
  child.once('exit', () => children.delete(child))
  return child
}
function kill(child: ChildProcess): void {
  try {
    if (children.get(child) === 'group' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    else child.kill('SIGKILL')
  } catch {
    // already gone
  }
  children.delete(child)
}
export function killChildren(): void {
  for (const child of [...children.keys()]) kill(child)
}
process.on('exit', killChildren)
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    killChildren()
    process.exit(code)
  })
}
process.on('uncaughtException', (error) => {
  console.error(error)
  killChildren()
  process.exit(1)
})
process.on('unhandledRejection', (error) => {
  console.error(error)
  killChildren()
  process.exit(1)
})

type Req = WorldRequest extends infer R ? (R extends { reqId: number } ? Omit<R, 'reqId'> : never) : never

/** The mock world in its child process. */
export class RemoteWorld {
  private next = 0
  private readonly waiting = new Map<string, (e: WorldEvent) => void>()
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
    readonly token: string,
  ) {
    child.on('message', (raw) => {
      const e = raw as WorldEvent
      if (!('reqId' in e)) return
      const key = `${e.reqId}:${e.type}`
      this.waiting.get(key)?.(e)
      this.waiting.delete(key)
    })
  }

  static async start(): Promise<RemoteWorld> {
    const child = own(
      fork(join(ROOT, 'bench/world-child.ts'), [], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
      'one',
    )
    const ready = await new Promise<WorldEvent & { type: 'ready' }>((res, rej) => {
      child.once('message', (e: WorldEvent) => (e.type === 'ready' ? res(e) : rej(new Error('bad world'))))
      child.once('exit', (code) => rej(new Error(`world exited ${code}`)))
    })
    return new RemoteWorld(child, ready.endpoint, ready.token)
  }

  /** Sends a request; resolves with the events of the given types, in the order they arrive. */
  request<T extends WorldEvent['type']>(
    req: Req,
    ...types: T[]
  ): Promise<Extract<WorldEvent, { type: T }>>[] {
    const reqId = ++this.next
    const out = types.map(
      (t) =>
        new Promise<Extract<WorldEvent, { type: T }>>((r) =>
          this.waiting.set(`${reqId}:${t}`, (e) => r(e as Extract<WorldEvent, { type: T }>)),
        ),
    )
    this.child.send({ ...req, reqId })
    return out
  }

  async people(keys: string[]): Promise<void> {
    await this.request({ cmd: 'people', keys }, 'done')[0]
  }
  async roomMessages(): Promise<number> {
    return (await this.request({ cmd: 'count' }, 'count')[0]!).room
  }
  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once('exit', r))
    this.child.send({ cmd: 'stop', reqId: 0 })
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
    kill(this.child)
  }
  async texts(from: number): Promise<string[]> {
    return (await this.request({ cmd: 'texts', from }, 'texts')[0]!).texts
  }
}

export interface Running {
  world: RemoteWorld
  bot: Wechaty
  repo?: Repository
  handled?: HandledStore
  handle?: GqfBotHandle
  stop(): Promise<void>
}

async function connect(world: RemoteWorld, use: (bot: Wechaty) => void): Promise<Wechaty> {
  const bot = WechatyBuilder.build({
    puppet: new PuppetService({ token: world.token, endpoint: world.endpoint }),
  })
  bot.on('error', () => undefined)
  use(bot)
  const loggedIn = new Promise<void>((r) => bot.once('login', () => r()))
  const ready = new Promise<void>((r) => bot.once('ready', () => r()))
  await bot.start()
  await loggedIn
  await ready
  return bot
}

export async function runGqf(dataDir: string, sendIntervalMs = 0): Promise<Running> {
  const world = await RemoteWorld.start()
  const repo = await openRepository(dataDir)
  // Exactly-once bookkeeping as deployed (src/main.ts): handled ids and owed replies on disk.
  const handled = await HandledStore.open(dataDir)
  // Quiet: the spaced run is cut off while its outbox still sends ("no grpc manager").
  const logger = sendIntervalMs > 0 ? createLogger('error', () => undefined) : createLogger('error')
  // Registered people are in the room before the bot starts, as in the real group (the bot
  // @-mentions them by name, and fetches their names at login).
  await world.people(repo.members().map((m) => m.contactId.slice(3)))
  let handle: GqfBotHandle | undefined
  const bot = await connect(world, (b) =>
    b.use(
      GqfBot(
        { repo, handled, roomTopic: ROOM_TOPIC, sendIntervalMs, reminders: false, logger },
        (h) => (handle = h),
      ),
    ),
  )
  await handle!.ready()
  await handle!.idle()
  if (!repo.room()) throw new Error('room not bound')
  return {
    world,
    bot,
    repo,
    handled,
    handle: handle!,
    async stop() {
      await bot.stop().catch(() => undefined)
      await world.stop()
    },
  }
}

export async function runEcho(): Promise<Running> {
  const world = await RemoteWorld.start()
  const bot = await connect(world, (b) => b.use(EchoBot()))
  return {
    world,
    bot,
    async stop() {
      await bot.stop().catch(() => undefined)
      await world.stop()
    },
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

export interface Latency {
  p50: number
  p99: number
  /** The first sample: the first such command after the bot said it was ready. */
  first: number
}

/** Sends `text` from `who` n times, one after another; time (on the world's clock) until the first reply. */
export async function latency(
  run: Running,
  who: string,
  text: (i: number) => string,
  n: number,
  label?: string,
): Promise<Latency> {
  return label
    ? profiled(`latency-${label}`, () => latencyOnce(run, who, text, n))
    : latencyOnce(run, who, text, n)
}

async function latencyOnce(
  run: Running,
  who: string,
  text: (i: number) => string,
  n: number,
): Promise<Latency> {
  const xs: number[] = []
  for (let i = 0; i < n; i++) {
    const [replied] = run.world.request({ cmd: 'say', who, text: text(i) }, 'replied')
    const e = await Promise.race([
      replied!,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no reply to ${text(i)}`)), 30_000)),
    ])
    xs.push(e.ms)
    await run.handle?.idle()
  }
  return { p50: quantile(xs, 0.5), p99: quantile(xs, 0.99), first: xs[0]! }
}

export interface Burst {
  drainMs: number
  stored: number
  sent: number
  roomMessages: number
  maxStallMs: number
  /** Receipts in the room, merged ones counted by their parts. */
  receipts: Receipts
  /** Durable bookkeeping writes (handled ids, owed replies) for the whole burst. */
  bookkeepingWrites: number
}

export interface Receipts {
  /** Report numbers acknowledged. */
  acked: number
  /** Numbers acknowledged more than once. */
  doubled: number
  /** Sites whose numbers did not increase in the order the receipts came. */
  unordered: number
  /** Consecutive receipts whose 全市已报 figure went down. */
  backwards: number
}

/** Puts a long text the outbox split into parts (each marked `\n（i/n）`) back together. */
function rejoin(sent: string[]): string[] {
  const out: string[] = []
  let acc = ''
  for (const t of sent) {
    const mark = /\n（(\d+)\/(\d+)）$/.exec(t)
    if (!mark) {
      out.push(t)
      continue
    }
    acc += t.slice(0, mark.index)
    if (mark[1] === mark[2]) {
      out.push(acc)
      acc = ''
    }
  }
  return out
}

/** Reads the receipts the room saw: `已收到X的…（编号N…` and merged `已收到：X（N）、Y（M） 的…`. */
export function readReceipts(sent: string[]): Receipts {
  const texts = rejoin(sent)
  const seen = new Map<number, number>()
  const lastBySite = new Map<string, number>()
  let unordered = 0
  let backwards = 0
  let figure = -1
  for (const t of texts) {
    const parts = t.startsWith('已收到：')
      ? [
          ...t
            .slice(4)
            .split(' 的')[0]!
            .matchAll(/([^、]+?)（(\d+)）/g),
        ].map((m) => [m[1]!, Number(m[2])] as const)
      : [...t.matchAll(/^已收到(.+?)的.*?编号(\d+)/g)].map((m) => [m[1]!, Number(m[2])] as const)
    for (const [site, no] of parts) {
      seen.set(no, (seen.get(no) ?? 0) + 1)
      if ((lastBySite.get(site) ?? -1) >= no) unordered++
      lastBySite.set(site, no)
    }
    const f = /全市已报 (\d+)\//.exec(t)
    if (f && parts.length > 0) {
      if (Number(f[1]) < figure) backwards++
      figure = Number(f[1])
    }
  }
  return {
    acked: seen.size,
    doubled: [...seen.values()].filter((n) => n > 1).length,
    unordered,
    backwards,
  }
}

const burstKeys = () => Array.from({ length: BURST }, (_, i) => burstId(i).slice(3))

/** BURST messages from different members at once; drained when all are stored and answered. */
export async function burst(run: Running, label = 'echo', timeoutMs = 120_000): Promise<Burst> {
  return profiled(`burst-${label}`, () => burstOnce(run, timeoutMs))
}

async function burstOnce(run: Running, timeoutMs: number): Promise<Burst> {
  const { world, repo, handle, handled } = run
  const writesBefore = handled?.writes() ?? 0
  const keys = burstKeys()
  await world.people(keys)
  const month = monthOf(new Date())
  const storedBefore = repo ? repo.reports.ofMonth(month).length : 0
  const roomBefore = await world.roomMessages()
  const texts = keys.map((_, i) => (repo ? `#上报 ${burstText(i)}` : `回声 ${i}`))
  const h = monitorEventLoopDelay({ resolution: 5 })
  h.enable()
  const t0 = performance.now()
  const [, reached] = world.request(
    { cmd: 'burst', keys, texts, awaitRoom: repo ? undefined : BURST },
    'sent',
    'room-reached',
  )
  const end = Date.now() + timeoutMs
  if (repo) {
    while (repo.reports.ofMonth(month).length - storedBefore < BURST && Date.now() < end)
      await new Promise((r) => setTimeout(r, 5))
    await handle?.idle()
  } else {
    await Promise.race([reached!, new Promise((r) => setTimeout(r, timeoutMs))])
  }
  const drainMs = performance.now() - t0
  h.disable()
  await handle?.idle()
  return {
    drainMs,
    stored: repo ? repo.reports.ofMonth(month).length - storedBefore : 0,
    sent: BURST,
    roomMessages: (await world.roomMessages()) - roomBefore,
    maxStallMs: h.max / 1e6,
    receipts: readReceipts(repo ? await world.texts(roomBefore) : []),
    bookkeepingWrites: (handled?.writes() ?? 0) - writesBefore,
  }
}

/** The same burst with the deployed reply spacing, watched for `windowMs`. */
export async function spacedBurst(dataDir: string, intervalMs: number, windowMs: number) {
  const run = await runGqf(dataDir, intervalMs)
  try {
    const { world, repo } = run
    const keys = burstKeys()
    await world.people(keys)
    const month = monthOf(new Date())
    const before = repo!.reports.ofMonth(month).length
    const roomBefore = await world.roomMessages()
    await world.request({ cmd: 'burst', keys, texts: keys.map((_, i) => `#上报 ${burstText(i)}`) }, 'sent')[0]
    await new Promise((r) => setTimeout(r, windowMs))
    return {
      windowMs,
      stored: repo!.reports.ofMonth(month).length - before,
      roomMessages: (await world.roomMessages()) - roomBefore,
    }
  } finally {
    await run.stop()
  }
}

export interface ChildFigures {
  readyMs: number
  rssMiB: number
}

/** Starts the bot (or the echo floor) as its own process against a fresh world. */
export async function childStart(mode: 'gqf' | 'echo', dataDir?: string): Promise<ChildFigures> {
  const world = await RemoteWorld.start()
  const child = own(
    spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'bench/child.ts'), mode, world.endpoint, world.token, ...(dataDir ? [dataDir] : [])],
      // Its own process group: tsx runs the program in a child process that a SIGKILL would orphan.
      // --expose-gc: memory is read after a full collection, in the bot and the echo alike.
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true,
        env: { ...process.env, NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --expose-gc`.trim() },
      },
    ),
    'group',
  )
  try {
    const line = await new Promise<string>((resolveLine, reject) => {
      let out = ''
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString()
        if (out.includes('\n')) resolveLine(out.split('\n')[0]!)
      })
      child.once('exit', (code) => reject(new Error(`child ${mode} exited ${code}`)))
      setTimeout(() => reject(new Error(`child ${mode} not ready in 60 s`)), 60_000)
    })
    const parsed: unknown = JSON.parse(line)
    if (typeof parsed !== 'object' || parsed === null || !('readyMs' in parsed) || !('rssMiB' in parsed))
      throw new Error(`bad child output: ${line}`)
    return { readyMs: Number(parsed.readyMs), rssMiB: Number(parsed.rssMiB) }
  } finally {
    kill(child)
    await world.stop()
  }
}

export { ADMIN_ID, MEMBER_ID }
