import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import { Outbox } from '../../src/transport/outbox.js'
import { splitText } from '../../src/transport/split-text.js'

describe('splitText', () => {
  it('leaves a short text alone', () => {
    expect(splitText('你好', 1500)).toEqual(['你好'])
  })

  it('splits at line breaks, marks the parts, and keeps every part within the limit', () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}. 大连市西岗区日新街道 ✅ 2篇`)
    const parts = splitText(lines.join('\n'), 1500)
    expect(parts.length).toBe(2)
    for (const p of parts) expect([...p].length).toBeLessThanOrEqual(1500)
    expect(parts.map((p) => p.split('\n').pop())).toEqual(['（1/2）', '（2/2）'])
    expect(parts.map((p) => p.split('\n').slice(0, -1).join('\n')).join('\n')).toBe(lines.join('\n'))
  })

  it('cuts a line longer than the limit without breaking a character in two', () => {
    const text = '😀'.repeat(500)
    const parts = splitText(text, 200)
    for (const p of parts) {
      expect([...p].length).toBeLessThanOrEqual(200)
      expect(p).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    }
    expect(parts.map((p) => p.split('\n')[0]).join('')).toBe(text)
  })
})

describe('Outbox', () => {
  function fakeTime() {
    let now = 0
    return { now: () => now, sleep: async (ms: number) => void (now += ms) }
  }
  const room: Conversation = { kind: 'room', id: 'r@chatroom' }
  const other: Conversation = { kind: 'private', id: 'u1' }

  it('sends in order, spaced by the interval per conversation, mentions with the first part only', async () => {
    const time = fakeTime()
    const sent: { to: string; text: string; mentions: string[]; at: number }[] = []
    const outbox = new Outbox(
      async (to, text, mentions) => void sent.push({ to: to.id, text, mentions, at: time.now() }),
      { intervalMs: 1000, maxLength: 200, logger: memoryLogger(), ...time },
    )
    const long = Array.from({ length: 60 }, (_, i) => `第${i}行内容`).join('\n')
    void outbox.enqueue(room, { text: '一', mentionIds: ['a'] })
    void outbox.enqueue(room, { text: long, mentionIds: ['b'] })
    void outbox.enqueue(other, { text: '私聊' })
    await outbox.idle()
    const inRoom = sent.filter((s) => s.to === room.id)
    expect(inRoom[0]).toMatchObject({ text: '一', mentions: ['a'] })
    expect(inRoom[1]!.mentions).toEqual(['b'])
    expect(inRoom.slice(2).every((s) => s.mentions.length === 0)).toBe(true)
    expect(inRoom.length).toBeGreaterThan(2)
    for (let i = 1; i < inRoom.length; i++)
      expect(inRoom[i]!.at - inRoom[i - 1]!.at).toBeGreaterThanOrEqual(1000)
    expect(sent.find((s) => s.to === 'u1')?.at).toBe(0)
  })

  it('logs a failed send and goes on with the queue', async () => {
    const logger = memoryLogger()
    const sent: string[] = []
    const outbox = new Outbox(
      async (_to, text) => {
        if (text === 'bad') throw new Error('network')
        sent.push(text)
      },
      { intervalMs: 0, maxLength: 1500, logger },
    )
    void outbox.enqueue(room, { text: 'bad' })
    void outbox.enqueue(room, { text: 'good' })
    await outbox.idle()
    expect(sent).toEqual(['good'])
    expect(logger.lines.some((l) => l.includes('send failed'))).toBe(true)
  })
})

describe('Outbox coalescing receipts', () => {
  it('merges receipts that wait in the queue into one message, with the latest progress', async () => {
    let now = 0
    const sent: string[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const outbox = new Outbox(
      async (_to, text) => {
        sent.push(text)
        if (sent.length === 1) await gate
      },
      {
        intervalMs: 1000,
        maxLength: 1500,
        logger: memoryLogger(),
        now: () => now,
        sleep: async (ms) => void (now += ms),
      },
    )
    const room: Conversation = { kind: 'room', id: 'r@chatroom' }
    const receipt = (site: string, no: number, n: number) => ({
      text: `已收到${site}的11月创建信息（编号${no}），本月全市已报 ${n}/30。`,
      merge: {
        key: 'receipt:2026-11',
        part: `${site}（${no}）`,
        suffix: `11月创建信息（本月全市已报 ${n}/30）`,
      },
    })
    void outbox.enqueue(room, receipt('日新街道', 1, 1))
    void outbox.enqueue(room, receipt('大连大学', 2, 2))
    void outbox.enqueue(room, { text: '一条别的消息' })
    void outbox.enqueue(room, receipt('三家社区', 3, 3))
    void outbox.enqueue(room, receipt('大船', 4, 4))
    release()
    await outbox.idle()
    expect(sent).toEqual([
      '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
      '已收到：大连大学（2）、三家社区（3）、大船（4） 的11月创建信息（本月全市已报 4/30）',
      '一条别的消息',
    ])
  })
})
