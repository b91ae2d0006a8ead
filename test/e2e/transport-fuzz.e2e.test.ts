/** Fuzzed messages through the transport (puppet service → plugin → core → outbox). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import { connectBot, World, type BotClient } from '../support/world.js'
import { CHATTER, COMMAND_WORDS, rng, storeSnapshot } from '../support/fuzz.js'
import { DEFAULT_REMINDER_SETTINGS } from '../../src/domain/reminders.js'

/** A few light commands (no files: this runs through the real transport), checked against the registry. */
const WORDS = ['注册', '上报', '统计', '帮助', '单位', '任命', '提醒设置', '状态']
const PIECES = [...WORDS, '2026-13', '😀', '\u3000', '「', '啊'.repeat(2000), '-1', '日新街道', '@', '\t']

describe('a few hundred fuzzed messages through the transport', () => {
  let world: World
  let client: BotClient
  const logger = memoryLogger()
  beforeAll(async () => {
    world = await new World().start()
    client = await connectBot(world, { logger })
  })
  afterAll(async () => {
    await client?.stop()
    await world?.stop()
  })

  it('chatter changes nothing and gets no answer; every malformed command gets one; nothing crashes', async () => {
    expect(WORDS.filter((w) => !COMMAND_WORDS.includes(w))).toEqual([])
    const next = rng(7)
    const pick = next.pick
    const people = ['tf-a', 'tf-b', 'tf-c'].map((k) => world.person(k, k))
    const store = () => storeSnapshot(client.repo, DEFAULT_REMINDER_SETTINGS)
    const before = store()
    const quiet = await world.silence(client, () => {
      for (let i = 0; i < 200; i++) world.say(pick(people), `${pick(CHATTER)}${pick(PIECES)}`)
    })
    expect(quiet).toEqual([])
    expect(store()).toBe(before)

    const unanswered: string[] = []
    for (let i = 0; i < 150; i++) {
      const text = `#${pick(PIECES)}${pick(PIECES)} ${pick(PIECES)}`
      const from = world.sent
      world.say(pick(people), text)
      // A missing answer is counted (not thrown), so the list below says which commands went unanswered.
      const answered = await world.puppet
        .whenSent(() => world.sent > from, `an answer to ${text.slice(0, 20)}`, 10_000)
        .then(
          () => true,
          () => false,
        )
      await client.handle.idle()
      if (!answered || world.sent === from) unanswered.push(text)
      for (const s of world.puppet.sends.slice(from)) expect(s.text).not.toContain('啊'.repeat(30))
    }
    expect(unanswered).toEqual([])
    expect(client.errors).toEqual([])
    expect(logger.lines.filter((l) => /handler failed|ERROR/.test(l))).toEqual([])
  })
})
