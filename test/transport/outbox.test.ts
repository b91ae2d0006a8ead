import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import { Outbox, type OutgoingPart } from '../../src/transport/outbox.js'
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
      async (to, part) => {
        if (part.kind === 'text')
          sent.push({ to: to.id, text: part.text, mentions: part.mentionIds, at: time.now() })
      },
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

  const text = (part: OutgoingPart) => (part.kind === 'text' ? part.text : `[${part.file.name}]`)

  it('retries a failed send with growing pauses, then reports the failure and goes on with the queue', async () => {
    const time = fakeTime()
    const logger = memoryLogger()
    const sent: string[] = []
    const tries: number[] = []
    const outbox = new Outbox(
      async (_to, part) => {
        if (text(part) === 'bad') {
          tries.push(time.now())
          throw new Error('network')
        }
        sent.push(text(part))
      },
      { intervalMs: 0, maxLength: 1500, logger, retries: 2, retryDelayMs: 500, ...time },
    )
    const bad = outbox.enqueue(room, { text: 'bad' })
    const good = outbox.enqueue(room, { text: 'good' })
    expect(await bad).toMatchObject({ ok: false, reason: 'send-failed', attempts: 3 })
    expect(await good).toEqual({ ok: true })
    expect(tries).toEqual([0, 500, 1500])
    expect(sent).toEqual(['good'])
    expect(logger.lines.some((l) => l.includes('send failed'))).toBe(true)
  })

  it('succeeds on a retry without sending twice', async () => {
    const time = fakeTime()
    let calls = 0
    const outbox = new Outbox(
      async () => {
        if (++calls === 1) throw new Error('blip')
      },
      { intervalMs: 1000, maxLength: 1500, logger: memoryLogger(), ...time },
    )
    expect(await outbox.enqueue(room, { text: 'x' })).toEqual({ ok: true })
    expect(calls).toBe(2)
  })

  it('sends the text, then the file, spaced; a file alone when the text is empty', async () => {
    const time = fakeTime()
    const sent: { to: string; what: string; at: number }[] = []
    const outbox = new Outbox(
      async (to, part) => void sent.push({ to: to.id, what: text(part), at: time.now() }),
      {
        intervalMs: 1000,
        maxLength: 1500,
        logger: memoryLogger(),
        ...time,
      },
    )
    const file = { name: '11月.xlsx', data: Buffer.from('xlsx'), kind: 'file' as const }
    const a = outbox.enqueue(room, { text: '导出如下', file })
    const b = outbox.enqueue(room, { text: '', file: { ...file, name: '图.png', kind: 'image' } })
    expect([await a, await b]).toEqual([{ ok: true }, { ok: true }])
    expect(sent).toEqual([
      { to: room.id, what: '导出如下', at: 0 },
      { to: room.id, what: '[11月.xlsx]', at: 1000 },
      { to: room.id, what: '[图.png]', at: 2000 },
    ])
  })

  it('does not send a file over the maximum size, sends its text, and says so', async () => {
    const sent: string[] = []
    const outbox = new Outbox(async (_to, part) => void sent.push(text(part)), {
      intervalMs: 0,
      maxLength: 1500,
      logger: memoryLogger(),
      maxFileBytes: 10,
    })
    const big = { name: 'big.docx', data: Buffer.alloc(11), kind: 'file' as const }
    const small = { name: 'ok.docx', data: Buffer.alloc(10), kind: 'file' as const }
    expect(await outbox.enqueue(room, { text: '汇编', file: big })).toEqual({
      ok: false,
      reason: 'file-too-large',
      size: 11,
      maxBytes: 10,
    })
    expect(await outbox.enqueue(room, { text: '', file: small })).toEqual({ ok: true })
    expect(sent).toEqual(['汇编', '[ok.docx]'])
  })

  it('does not send the file when its text failed', async () => {
    const sent: string[] = []
    const outbox = new Outbox(
      async (_to, part) => {
        if (part.kind === 'text') throw new Error('down')
        sent.push(text(part))
      },
      { intervalMs: 0, maxLength: 1500, logger: memoryLogger(), retries: 0 },
    )
    const file = { name: 'a.xlsx', data: Buffer.from('a'), kind: 'file' as const }
    expect(await outbox.enqueue(room, { text: 't', file })).toMatchObject({
      ok: false,
      reason: 'send-failed',
    })
    expect(sent).toEqual([])
  })

  it('reports replies still waiting when it is stopped', async () => {
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const outbox = new Outbox(() => gate, { intervalMs: 0, maxLength: 1500, logger: memoryLogger() })
    const first = outbox.enqueue(room, { text: '1' })
    const second = outbox.enqueue(room, { text: '2' })
    outbox.stop()
    release()
    expect(await first).toEqual({ ok: true })
    expect(await second).toEqual({ ok: false, reason: 'stopped' })
  })
})

describe('Outbox coalescing receipts', () => {
  it('merges receipts that wait in the queue into one message, with the latest progress', async () => {
    let now = 0
    const sent: string[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const outbox = new Outbox(
      async (_to, part) => {
        if (part.kind === 'text') sent.push(part.text)
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
    const second = outbox.enqueue(room, receipt('大连大学', 2, 2))
    void outbox.enqueue(room, { text: '一条别的消息' })
    const third = outbox.enqueue(room, receipt('三家社区', 3, 3))
    void outbox.enqueue(room, receipt('大船', 4, 4))
    release()
    await outbox.idle()
    // Merged receipts share one message, so one outcome.
    expect(third).toBe(second)
    expect(sent).toEqual([
      '已收到日新街道的11月创建信息（编号1），本月全市已报 1/30。',
      '已收到：大连大学（2）、三家社区（3）、大船（4） 的11月创建信息（本月全市已报 4/30）',
      '一条别的消息',
    ])
  })
})
