/**
 * A puppet-service outage over the real transport: the PuppetServer goes away and comes back on the
 * same address; the bot, kept by a ConnectionSupervisor with short test timings, must answer again.
 */
import { memoryLogger } from '../../src/logger.js'
import { ConnectionSupervisor, puppetLink, type OutageInfo } from '../../src/transport/supervisor.js'
import { connectBot, World, type BotClient } from './world.js'

export interface OutageRun {
  answeredBefore: boolean
  answeredAfter: boolean
  recovered: OutageInfo[]
  gaveUp: boolean
  /** ms from the service's return to the bot's first answer (for the report, not asserted). */
  answerMs: number
  attemptLogs: number
}

export async function runOutage(outageMs: number): Promise<OutageRun> {
  const world = await new World().start()
  const port = Number(world.endpoint.split(':').pop())
  const logger = memoryLogger()
  let client: BotClient | undefined
  let supervisor: ConnectionSupervisor | undefined
  try {
    client = await connectBot(world)
    const recovered: OutageInfo[] = []
    let onceRecovered = () => {}
    const recoveredOnce = new Promise<void>((r) => (onceRecovered = r))
    let gaveUp = false
    /** True once the bot has sent more than `n` messages to the room, false after `ms` without. */
    const roomPast = (n: number, ms: number) =>
      world.puppet
        .whenSent(() => world.roomLog.length > n, 'a room message', ms)
        .then(
          () => true,
          () => false,
        )
    supervisor = new ConnectionSupervisor({
      link: puppetLink(client.bot.puppet, world.endpoint),
      logger,
      heartbeatIntervalMs: 500,
      heartbeatTimeoutMs: 3000,
      backoffInitialMs: 200,
      backoffMaxMs: 1000,
      attemptTimeoutMs: 10_000,
      giveUpMs: outageMs + 60_000,
      onRecovered: (info) => {
        recovered.push(info)
        onceRecovered()
      },
      onGiveUp: () => (gaveUp = true),
    })
    supervisor.start()
    const a = world.person('outage-a', '小周')
    world.say(a, '#注册 周敏 日新街道 妇联')
    const answeredBefore = await roomPast(0, 10_000)

    await world.stop()
    await new Promise((r) => setTimeout(r, outageMs))
    await world.start(port)
    const back = Date.now()
    // Ask until the bot answers: messages sent while it is still reconnecting are lost with the stream.
    const before = world.roomLog.length
    for (let i = 0; world.roomLog.length === before && Date.now() - back < 20_000; i++) {
      world.say(a, '#我的信息')
      await roomPast(before, 500)
    }
    const answerMs = Date.now() - back
    await Promise.race([recoveredOnce, new Promise((r) => setTimeout(r, 2000))])
    return {
      answeredBefore,
      answeredAfter: world.roomLog.length > before,
      recovered,
      gaveUp,
      answerMs,
      attemptLogs: logger.lines.filter((l) => l.includes('reconnect attempt attempt=')).length,
    }
  } finally {
    supervisor?.stop()
    await client?.stop()
    await world.stop()
  }
}
