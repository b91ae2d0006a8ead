/** A burst of photos added to a report: the outbox sends one note with the latest state, not nine. */
import { describe, expect, it } from 'vitest'
import type { Conversation } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import { Outbox } from '../../src/transport/outbox.js'

describe('Outbox replace-merge', () => {
  it('nine notes of one report waiting behind its receipt go out as one, the latest', async () => {
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
    void outbox.enqueue(room, { text: '已收到日新街道的11月创建信息（编号7），本月全市已报 1/30。' })
    const note = (n: number) => ({
      text: `已加入编号7，现含 ${n} 张图片。`,
      merge: { key: 'attached:7', part: '', suffix: '', replace: true },
    })
    const outcomes = []
    for (let n = 1; n <= 9; n++) outcomes.push(outbox.enqueue(room, note(n)))
    // Another report's notes keep their own message.
    void outbox.enqueue(room, {
      ...note(1),
      text: '已加入编号8，现含 1 张图片。',
      merge: { ...note(1).merge, key: 'attached:8' },
    })
    release()
    await outbox.idle()
    expect(sent).toEqual([
      '已收到日新街道的11月创建信息（编号7），本月全市已报 1/30。',
      '已加入编号7，现含 9 张图片。',
      '已加入编号8，现含 1 张图片。',
    ])
    expect(new Set(outcomes).size).toBe(1)
  })
})
