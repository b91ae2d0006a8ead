import { afterEach, describe, expect, it } from 'vitest'
import { connectBot, World } from '../support/world.js'

describe('the mock WeChat world over the real transport', () => {
  const warnings: string[] = []
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`)
  afterEach(() => {
    process.off('warning', onWarning)
  })

  it('serves a client without the gRPC "Calling start() is no longer necessary" deprecation', async () => {
    process.on('warning', onWarning)
    const world = await new World().start()
    const client = await connectBot(world)
    try {
      const a = world.person('dep-a', '小甲')
      world.say(a, '#帮助')
      await world.puppet.whenSent(() => world.roomLog.length > 0, 'a reply')
      expect(world.roomLog.length).toBeGreaterThan(0)
    } finally {
      await client.stop()
      await world.stop()
    }
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r))
    expect(warnings.filter((w) => w.includes('start() is no longer necessary'))).toEqual([])
  })
})
