/**
 * Measurements through the real transport: a PuppetServer on 127.0.0.1 wrapping the mock, the bot
 * (or the echo floor) connected as a gRPC client. Bot and mock server share this process.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { WechatyBuilder, type Wechaty } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { createLogger } from '../src/logger.js'
import { monthOf } from '../src/domain/calendar.js'
import { openRepository } from '../storage/repository.js'
import { connectBot, World, type BotClient } from '../test/support/world.js'
import { EchoBot } from './echo.js'
import { ADMIN_ID, BURST, burstId, MEMBER_ID, reportText, ROOM_ID, ROOM_TOPIC } from './synthetic.js'

const ROOT = resolve(import.meta.dirname, '..')

/** A world whose room has the synthetic store's id and whose sends can be awaited exactly. */
export class BenchWorld extends World {
  private waiters: (() => void)[] = []
  constructor() {
    super(ROOM_TOPIC)
    const send = this.puppet.messageSendText.bind(this.puppet)
    this.puppet.messageSendText = async (id: string, text: string, mentions?: string[]) => {
      await send(id, text, mentions)
      for (const w of this.waiters.splice(0)) w()
    }
  }
  /** Resolves at the next message the bot sends. */
  nextSend(): Promise<void> {
    return new Promise((r) => this.waiters.push(r))
  }
}

export interface Running {
  world: BenchWorld
  client?: BotClient
  echo?: Wechaty
  stop(): Promise<void>
}

export async function runGqf(dataDir: string, sendIntervalMs = 0): Promise<Running> {
  const world = await new BenchWorld().start()
  if (world.room.id !== ROOM_ID) throw new Error('room id mismatch')
  const repo = await openRepository(dataDir)
  // Quiet: the spaced run is cut off while its outbox still sends ("no grpc manager").
  const logger = sendIntervalMs > 0 ? createLogger('error', () => undefined) : createLogger('error')
  const client = await connectBot(world, { repo, sendIntervalMs, logger })
  return {
    world,
    client,
    async stop() {
      await client.stop()
      await world.stop()
    },
  }
}

export async function runEcho(): Promise<Running> {
  const world = await new BenchWorld().start()
  const bot = WechatyBuilder.build({
    puppet: new PuppetService({ token: world.token, endpoint: world.endpoint }),
  })
  bot.on('error', () => undefined)
  bot.use(EchoBot())
  const loggedIn = new Promise<void>((r) => bot.once('login', () => r()))
  await bot.start()
  await loggedIn
  return {
    world,
    echo: bot,
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

/** Sends `text` from `who` n times, one after another; time until the first reply reaches the mock. */
export async function latency(
  run: Running,
  who: string,
  text: (i: number) => string,
  n: number,
): Promise<Latency> {
  const person = run.world.person(who)
  const xs: number[] = []
  for (let i = 0; i < n; i++) {
    const reply = run.world.nextSend()
    const t0 = performance.now()
    run.world.say(person, text(i))
    await Promise.race([
      reply,
      new Promise((_, rej) => setTimeout(() => rej(new Error(`no reply to ${text(i)}`)), 30_000)),
    ])
    xs.push(performance.now() - t0)
    await run.client?.handle.idle()
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

/** BURST messages from different members at once; drained when all are stored and answered. */
export async function burst(run: Running, timeoutMs = 120_000): Promise<Burst> {
  const { world, client } = run
  const people = Array.from({ length: BURST }, (_, i) => world.person(burstId(i).slice(3)))
  const month = monthOf(new Date())
  const storedBefore = client ? client.repo.reports.ofMonth(month).length : 0
  const sentBefore = world.roomLog.length
  const h = monitorEventLoopDelay({ resolution: 5 })
  h.enable()
  const t0 = performance.now()
  for (const [i, p] of people.entries()) world.say(p, client ? `#上报 ${reportText(i)}` : `回声 ${i}`)
  const end = Date.now() + timeoutMs
  const done = () =>
    client
      ? client.repo.reports.ofMonth(month).length - storedBefore >= BURST
      : world.roomLog.length - sentBefore >= BURST
  while (!done() && Date.now() < end) await new Promise((r) => setTimeout(r, 5))
  await client?.handle.idle()
  const drainMs = performance.now() - t0
  h.disable()
  return {
    drainMs,
    stored: client ? client.repo.reports.ofMonth(month).length - storedBefore : 0,
    sent: BURST,
    roomMessages: world.roomLog.length - sentBefore,
    maxStallMs: h.max / 1e6,
  }
}

/** The same burst with the deployed reply spacing, watched for `windowMs`. */
export async function spacedBurst(dataDir: string, intervalMs: number, windowMs: number) {
  const run = await runGqf(dataDir, intervalMs)
  try {
    const { world, client } = run
    const month = monthOf(new Date())
    const before = client!.repo.reports.ofMonth(month).length
    const sentBefore = world.roomLog.length
    for (let i = 0; i < BURST; i++) world.say(world.person(burstId(i).slice(3)), `#上报 ${reportText(i)}`)
    await new Promise((r) => setTimeout(r, windowMs))
    return {
      windowMs,
      stored: client!.repo.reports.ofMonth(month).length - before,
      roomMessages: world.roomLog.length - sentBefore,
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
  const world = await new BenchWorld().start()
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
