/**
 * One bot as its own process, for honest start-to-ready time and RSS:
 * `tsx bench/child.ts gqf|echo <endpoint> <token> [dataDir]`. Prints one JSON line when ready.
 */
import { performance } from 'node:perf_hooks'
import { log, WechatyBuilder } from 'wechaty'
import { PuppetService } from 'wechaty-puppet-service'
import { createLogger } from '../src/logger.js'
import { GqfBot } from '../src/plugin.js'
import { openRepository } from '../storage/repository.js'
import { EchoBot } from './echo.js'
import { ROOM_TOPIC } from './synthetic.js'

const [mode, endpoint, token, dataDir] = process.argv.slice(2)
log.level('silent')
const bot = WechatyBuilder.build({ puppet: new PuppetService({ token, endpoint }) })
bot.on('error', () => undefined)
let ready: () => boolean = () => true
if (mode === 'gqf') {
  const repo = await openRepository(dataDir!)
  bot.use(
    GqfBot({
      repo,
      roomTopic: ROOM_TOPIC,
      sendIntervalMs: 0,
      reminders: false,
      logger: createLogger('error'),
    }),
  )
  ready = () => repo.room() !== null
} else {
  bot.use(EchoBot())
}
const loggedIn = new Promise<void>((r) => bot.once('login', () => r()))
await bot.start()
await loggedIn
while (!ready()) await new Promise((r) => setTimeout(r, 5))
const readyMs = performance.now()
// Let the start-up settle (room lookup, timers) before reading memory.
await new Promise((r) => setTimeout(r, 1000))
process.stdout.write(JSON.stringify({ readyMs, rssMiB: process.memoryUsage().rss / 1024 / 1024 }) + '\n')
setInterval(() => undefined, 60_000)
