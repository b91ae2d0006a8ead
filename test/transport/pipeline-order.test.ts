/**
 * The pipeline handles different people's messages side by side and keeps order where it matters:
 * one person's messages in the order sent, replies into a conversation in the order the messages
 * arrived, and receipt figures (全市已报 N/30) that never go backwards, merged receipts included.
 * Conversion delays (a share's link or file fetched from WeChat) are chosen so that messages reach
 * the handler in another order than they arrived.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { composeApp } from '../../src/compose.js'
import type { Conversation, Incoming } from '../../src/core/types.js'
import { memoryLogger } from '../../src/logger.js'
import type { OutgoingPart, SendFn } from '../../src/transport/outbox.js'
import type { MessageSource } from '../../src/transport/source.js'
import { HandledStore } from '../../storage/handled-store.js'
import { openRepository } from '../../storage/repository.js'

const NOW = new Date('2026-11-24T02:00:00Z')
const ROOM: Conversation = { kind: 'room', id: 'coord@chatroom' }

/** A raw message: the plain message and how long its conversion takes. */
interface Raw {
  incoming: Incoming
  delayMs: number
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const slowSource: MessageSource<Raw> = {
  envelope: ({ incoming: m }) => ({
    id: m.id,
    sentAt: m.at,
    self: false,
    conversation: m.conversation,
    senderId: m.senderId,
  }),
  serves: async () => true,
  toIncoming: async ({ incoming, delayMs }) => {
    await sleep(delayMs)
    return incoming
  },
}

/** A deterministic shuffle of delays. */
function delays(n: number, seed = 7): number[] {
  let s = seed
  return Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31
    return s % 25
  })
}

async function makeBot(sites: number) {
  const repo = await openRepository(null, NOW)
  const handled = await HandledStore.open(mkdtempSync(join(tmpdir(), 'gqf-order-')), NOW)
  const sent: { to: Conversation; text: string }[] = []
  // WeChat takes a moment per message, so receipts queue up and merge.
  const sender: SendFn = async (to, part: OutgoingPart) => {
    await sleep(1)
    if (part.kind === 'text') sent.push({ to, text: part.text })
  }
  const app = composeApp(
    { repo, handled, sendIntervalMs: 0, retryDelayMs: 0, reminders: false },
    {
      clock: () => NOW,
      logger: memoryLogger(),
      sender,
      directory: { roomMembers: async () => [] },
      account: () => 'bot',
      source: slowSource,
    },
  )
  const siteList = repo.roster().sites().slice(0, sites)
  await Promise.all(
    siteList.map((s, i) =>
      repo.register(`wx-${i}`, { name: `成员${i}`, orgId: s.id, line: '工会', wechatName: `微信${i}` }, NOW),
    ),
  )
  let n = 0
  const message = (who: number, text: string, extra: Partial<Incoming> = {}): Incoming => ({
    id: `m${++n}`,
    conversation: ROOM,
    senderId: `wx-${who}`,
    senderName: `微信${who}`,
    text,
    kind: 'text',
    mentionSelf: false,
    mentions: [],
    at: NOW,
    ...extra,
  })
  const roomTexts = () => sent.filter((s) => s.to.kind === 'room' && s.to.id === ROOM.id).map((s) => s.text)
  return { app, repo, handled, sent, roomTexts, message, sites: siteList }
}

/** Every “全市已报 N/…” figure in the texts, in order. */
const figures = (texts: string[]) =>
  texts.flatMap((t) => [...t.matchAll(/全市已报 (\d+)\//g)].map((m) => Number(m[1])))

describe('the pipeline under a burst', () => {
  it("keeps one person's share and #上报 in order while 28 others report at once", async () => {
    const bot = await makeBot(29)
    const me = 28
    const link = { title: '社区读书会', url: 'https://mp.weixin.qq.com/s/order', description: '' }
    const share = bot.message(me, '', { kind: 'url', share: { kind: 'url', link } })
    const raws: Raw[] = []
    for (let i = 0; i < 28; i++) {
      raws.push({ incoming: bot.message(i, `#上报 第${i}家的活动：组织职工读书分享会`), delayMs: i % 5 })
      // The share's link takes long to fetch; its #上报 right after it is quick.
      if (i === 10) raws.push({ incoming: share, delayMs: 30 })
      // A bare #上报 claims the share just made (a #上报 with its own text would not).
      if (i === 10) raws.push({ incoming: bot.message(me, '#上报'), delayMs: 0 })
    }
    await Promise.all(raws.map((r) => bot.app.pipeline.receive(r)))
    await bot.app.idle()
    const mine = bot.repo.reports.all().filter((r) => r.submitterId === `wx-${me}`)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ via: 'share' })
    expect(mine[0]!.links.map((l) => l.url)).toEqual([link.url])
    expect(bot.repo.reports.all()).toHaveLength(29)
  })

  it('sends replies into a conversation in the order the messages arrived', async () => {
    const bot = await makeBot(20)
    // Later messages convert faster: without order, their replies would go first.
    const raws = Array.from({ length: 20 }, (_, i) => ({
      incoming: bot.message(i, '#我的信息'),
      delayMs: 40 - 2 * i,
    }))
    await Promise.all(raws.map((r) => bot.app.pipeline.receive(r)))
    await bot.app.idle()
    const names = bot.roomTexts().map((t) => /成员(\d+)/.exec(t)?.[1])
    expect(names).toEqual(raws.map((_, i) => String(i)))
  })

  it('never lets “全市已报 N/30” go backwards between receipts, merged ones included; nothing stays owed', async () => {
    const bot = await makeBot(30)
    const wait = delays(30)
    const raws = wait.map((delayMs, i) => ({
      incoming: bot.message(i, `#上报 第${i}家本月开展志愿服务，走访困难家庭`),
      delayMs,
    }))
    await Promise.all(raws.map((r) => bot.app.pipeline.receive(r)))
    await bot.app.idle()
    const texts = bot.roomTexts()
    const seen = figures(texts)
    expect(seen.length).toBeGreaterThan(1)
    expect(texts.some((t) => t.startsWith('已收到：'))).toBe(true) // some receipts were merged
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!)
    expect(seen.at(-1)).toBe(30)
    // Exactly once: every report stored once, every message marked handled, nothing owed.
    expect(bot.repo.reports.all()).toHaveLength(30)
    expect(raws.every((r) => bot.handled.has(r.incoming.id))).toBe(true)
    expect(bot.handled.owed()).toEqual([])
  })

  it('keeps the bookkeeping to shared writes: far fewer durable writes than messages', async () => {
    const bot = await makeBot(30)
    const before = bot.handled.writes()
    const raws = Array.from({ length: 30 }, (_, i) => ({
      incoming: bot.message(i, `#上报 第${i}家开展安全生产知识竞赛`),
      delayMs: 0,
    }))
    await Promise.all(raws.map((r) => bot.app.pipeline.receive(r)))
    await bot.app.idle()
    const writes = bot.handled.writes() - before
    // Each message: one handled-and-owed change and one paid change, group-committed.
    expect(writes).toBeLessThan(15)
    expect(bot.handled.owed()).toEqual([])
  })
})
