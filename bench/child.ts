/**
 * One bot as its own process, for honest start-to-ready time and RSS:
 * `tsx bench/child.ts gqf|echo <endpoint> <token> [dataDir]`. Prints one JSON line when ready.
 */
import { performance } from 'node:perf_hooks'
import { log, WechatyBuilder } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { createLogger } from '../src/logger.js'
import { GqfBot, type GqfBotHandle } from '../src/plugin.js'
import { HandledStore } from '../storage/handled-store.js'
import { openRepository } from '../storage/repository.js'
import { EchoBot } from './echo.js'
import { ROOM_TOPIC } from './synthetic.js'

const [mode, endpoint, token, dataDir] = process.argv.slice(2)
log.level('silent')
const bot = WechatyBuilder.build({ puppet: new PuppetService({ token, endpoint }) })
bot.on('error', () => undefined)
let ready: () => Promise<void> = async () => undefined
if (mode === 'gqf') {
  const repo = await openRepository(dataDir!)
  const handled = await HandledStore.open(dataDir!)
  let handle: GqfBotHandle | undefined
  bot.use(
    GqfBot(
      {
        repo,
        handled,
        roomTopic: ROOM_TOPIC,
        sendIntervalMs: 0,
        reminders: false,
        logger: createLogger('error'),
      },
      (h) => (handle = h),
    ),
  )
  // Ready: the room bound, the first command's paths warmed and the members' names fetched.
  ready = async () => {
    while (repo.room() === null) await new Promise((r) => setTimeout(r, 5))
    await handle?.ready()
  }
} else {
  bot.use(EchoBot())
}
const loggedIn = new Promise<void>((r) => bot.once('login', () => r()))
await bot.start()
await loggedIn
await ready()
const readyMs = performance.now()
// Let the start-up settle (room lookup, timers) before reading memory, and collect what start-up
// left behind (parsed store files, module sources): the memory read is what the bot keeps.
await new Promise((r) => setTimeout(r, 1000))
;(globalThis as { gc?: () => void }).gc?.()
await new Promise((r) => setTimeout(r, 100))
process.stdout.write(JSON.stringify({ readyMs, rssMiB: process.memoryUsage().rss / 1024 / 1024 }) + '\n')
setInterval(() => undefined, 60_000)
