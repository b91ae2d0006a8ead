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
import { openRepository } from '../storage/repository.js'
import { EchoBot } from './echo.js'
import { ADMIN_ID, BURST, burstId, burstText, MEMBER_ID, ROOM_TOPIC } from './synthetic.js'
import type { WorldEvent, WorldRequest } from './world-protocol.js'

const ROOT = resolve(import.meta.dirname, '..')

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
    const child = fork(join(ROOT, 'bench/world-child.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
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
    this.child.kill('SIGKILL')
  }
}

export interface Running {
  world: RemoteWorld
  bot: Wechaty
  repo?: Repository
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
  // Quiet: the spaced run is cut off while its outbox still sends ("no grpc manager").
  const logger = sendIntervalMs > 0 ? createLogger('error', () => undefined) : createLogger('error')
  let handle: GqfBotHandle | undefined
  const bot = await connect(world, (b) =>
    b.use(
      GqfBot({ repo, roomTopic: ROOM_TOPIC, sendIntervalMs, reminders: false, logger }, (h) => (handle = h)),
    ),
  )
  await handle!.idle()
  if (!repo.room()) throw new Error('room not bound')
  // Registered people are in the room, as in the real group (the bot @-mentions them by name).
  await world.people(repo.members().map((m) => m.contactId.slice(3)))
  return {
    world,
    bot,
    repo,
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
}

/** Sends `text` from `who` n times, one after another; time (on the world's clock) until the first reply. */
export async function latency(
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
  return { p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) }
}

export interface Burst {
  drainMs: number
  stored: number
  sent: number
  roomMessages: number
  maxStallMs: number
}

const burstKeys = () => Array.from({ length: BURST }, (_, i) => burstId(i).slice(3))

/** BURST messages from different members at once; drained when all are stored and answered. */
export async function burst(run: Running, timeoutMs = 120_000): Promise<Burst> {
  const { world, repo, handle } = run
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
  return {
    drainMs,
    stored: repo ? repo.reports.ofMonth(month).length - storedBefore : 0,
    sent: BURST,
    roomMessages: (await world.roomMessages()) - roomBefore,
    maxStallMs: h.max / 1e6,
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
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'bench/child.ts'), mode, world.endpoint, world.token, ...(dataDir ? [dataDir] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] },
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
    child.kill('SIGKILL')
    await world.stop()
  }
}

export { ADMIN_ID, MEMBER_ID }
