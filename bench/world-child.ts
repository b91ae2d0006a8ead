/**
 * The mock WeChat side of the benchmark as its own process (`fork` with `--import tsx`): a
 * PuppetServer on 127.0.0.1 wrapping the mock, and the people who send the load. The bot (or the
 * echo floor) runs in the parent and connects to it over gRPC, as deployed against a remote
 * service, so the parent's event loop and CPU carry the bot's work alone.
 *
 * Protocol (IPC messages, see `WorldRequest` / `WorldEvent` in ./world-protocol.ts).
 */
import { performance } from 'node:perf_hooks'
import { log } from 'wechaty'
import { World } from '../test/support/world.js'
import { ROOM_ID, ROOM_TOPIC } from './synthetic.js'
import type { WorldEvent, WorldRequest } from './world-protocol.js'

log.level('silent')

class BenchWorld extends World {
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
  /** Resolves once the room has seen `n` messages from the bot. */
  async roomReaches(n: number): Promise<void> {
    while (this.roomLog.length < n) await this.nextSend()
  }
}

const emit = (e: WorldEvent) => process.send?.(e)

const world = await new BenchWorld().start()
if (world.room.id !== ROOM_ID) throw new Error('room id mismatch')

process.on('message', (raw: unknown) => {
  const req = raw as WorldRequest
  void (async () => {
    switch (req.cmd) {
      case 'people':
        for (const key of req.keys) world.person(key)
        emit({ type: 'done', reqId: req.reqId })
        return
      case 'say': {
        // Time from the person's message to the bot's first reply, on the world's clock.
        const reply = world.nextSend()
        const t0 = performance.now()
        world.say(world.person(req.who), req.text)
        await reply
        emit({ type: 'replied', reqId: req.reqId, ms: performance.now() - t0 })
        return
      }
      case 'burst': {
        const before = world.roomLog.length
        for (const [i, key] of req.keys.entries()) world.say(world.person(key), req.texts[i]!)
        emit({ type: 'sent', reqId: req.reqId })
        if (req.awaitRoom) {
          await world.roomReaches(before + req.awaitRoom)
          emit({ type: 'room-reached', reqId: req.reqId })
        }
        return
      }
      case 'texts':
        emit({ type: 'texts', reqId: req.reqId, texts: world.roomLog.slice(req.from).map((s) => s.text) })
        return
      case 'count':
        emit({ type: 'count', reqId: req.reqId, room: world.roomLog.length })
        return
      case 'stop':
        await world.stop()
        process.exit(0)
    }
  })()
})

// Gone with the parent, however it ended.
process.on('disconnect', () => process.exit(0))

emit({ type: 'ready', endpoint: world.endpoint, token: world.token })
