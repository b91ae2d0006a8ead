/**
 * The plugin's wiring (src/plugin.ts `wire`): installing GqfBot puts one listener on each Wechaty
 * event it serves, and removing it takes exactly those off again (the bot's own listeners stay).
 */
import type { EventEmitter } from 'node:events'
import { WechatyBuilder } from 'wechaty'
import { PuppetMock } from 'wechaty-puppet-mock'
import { describe, expect, it } from 'vitest'
import { GqfBot } from '../src/plugin.js'
import { memoryLogger } from '../src/logger.js'
import { openRepository } from '../storage/repository.js'

const EVENTS = ['login', 'logout', 'stop', 'ready', 'message', 'room-join'] as const

describe('the GqfBot plugin', () => {
  it('listens to login, logout, stop, ready, message and room-join once each, and lets go on removal', async () => {
    const now = new Date('2026-11-24T02:00:00Z')
    const repo = await openRepository(null, now)
    const bot = WechatyBuilder.build({ puppet: new PuppetMock() })
    const events = bot as unknown as EventEmitter
    const own = () => undefined
    bot.on('message', own)
    const counts = () => EVENTS.map((e) => events.listenerCount(e))
    const before = counts()
    const uninstall = bot.use(
      GqfBot({ repo, roomTopic: '工作群', reminders: false, logger: memoryLogger(), clock: () => now }),
    )
    expect(counts()).toEqual(before.map((n) => n + 1))
    uninstall()
    expect(counts()).toEqual(before)
    expect(events.listeners('message')).toEqual([own])
  })
})
