import { describe, expect, it } from 'vitest'
import { HandledStore } from '../storage/handled-store.js'
import { openRepository } from '../storage/repository.js'
import { composeApp } from '../src/compose.js'
import type { Conversation, Incoming } from '../src/core/types.js'
import { memoryLogger } from '../src/logger.js'
import { PEOPLE } from '../commands/people/sentences.js'
import type { OutgoingPart, SendFn } from '../src/transport/outbox.js'
import { plainSource } from '../src/transport/source.js'

const NOW = new Date('2026-11-24T02:00:00Z')
const HOUR = 3_600_000
const asker: Conversation = { kind: 'private', id: 'u1' }

/** The bot's parts without Wechaty: an in-memory store, a fixed clock, a sender that records or fails. */
async function makeApp(opts: { handled?: HandledStore; failing?: boolean } = {}) {
  const repo = await openRepository(null, NOW)
  const handled = opts.handled ?? (await HandledStore.open(null, NOW))
  const sent: { to: Conversation; part: OutgoingPart }[] = []
  const sender: SendFn = async (to, part) => {
    if (opts.failing) throw new Error('WeChat said no')
    sent.push({ to, part })
  }
  const app = composeApp(
    { repo, handled, sendIntervalMs: 0, retryDelayMs: 0, reminders: false },
    {
      clock: () => NOW,
      logger: memoryLogger(),
      sender,
      directory: { roomMembers: async () => [] },
      account: () => 'bot',
      source: plainSource,
    },
  )
  return { app, handled, sent }
}

let n = 0
const incoming = (text: string): Incoming => ({
  id: `msg-${++n}`,
  conversation: asker,
  senderId: asker.id,
  senderName: 'someone',
  text,
  kind: 'text',
  mentionSelf: false,
  mentions: [],
  at: NOW,
})
const textOf = (p: OutgoingPart | undefined) => (p?.kind === 'text' ? p.text : null)

describe('the composed bot, without Wechaty', () => {
  it('answers a message through the sender; the message is marked handled and nothing stays owed', async () => {
    const { app, handled, sent } = await makeApp()
    const msg = incoming('#我的信息')
    await app.pipeline.receive(msg)
    await app.idle()
    expect(sent.map((s) => [s.to, textOf(s.part)])).toEqual([[asker, PEOPLE.notRegistered]])
    expect(handled.has(msg.id)).toBe(true)
    expect(await handled.takeOwed(NOW)).toEqual([])
  })

  it('admits a message once, never one handled before a restart, and never one older than a day', async () => {
    const { app, handled, sent } = await makeApp()
    const at = (id: string, when: Date) => ({ ...incoming('#我的信息'), id, at: when })
    await app.pipeline.receive(at('a', NOW))
    await app.pipeline.receive(at('a', NOW))
    await handled.mark('b', NOW)
    await app.pipeline.receive(at('b', NOW))
    await app.pipeline.receive(at('c', new Date(NOW.getTime() - 25 * HOUR)))
    await app.pipeline.receive(at('d', new Date(NOW.getTime() - 23 * HOUR)))
    await app.idle()
    expect(sent).toHaveLength(2)
    expect(['a', 'b', 'c', 'd'].map((id) => handled.has(id))).toEqual([true, true, false, true])
  })

  it('keeps a refused reply owed and names the failure for #状态; the next process pays it once, on its first login', async () => {
    const first = await makeApp({ failing: true })
    await first.app.pipeline.receive(incoming('#我的信息'))
    await first.app.idle()
    expect(first.app.core.deps.status?.lastSendFailure()).toMatchObject({
      to: 'private:u1',
      reason: 'send-failed',
    })

    const second = await makeApp({ handled: first.handled })
    const owed = second.app.pipeline.takeOwed()
    expect(owed).not.toBeNull()
    expect(second.app.pipeline.takeOwed()).toBeNull()
    await second.app.pipeline.payOwed(owed!)
    await second.app.idle()
    expect(second.sent).toHaveLength(1)
    expect(second.sent[0]!.to).toEqual(asker)
    expect(textOf(second.sent[0]!.part)).toContain(PEOPLE.notRegistered)
    expect(await first.handled.takeOwed(NOW)).toEqual([])
  })
})
