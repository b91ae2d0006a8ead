import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import { ARGS, COMMAND_WORDS, rng } from '../support/fuzz.js'

/** Pieces a message is made of: punctuation, every command word, arguments. */
const PIECES = ['#', '＃', ' ', '「', '」', '“', '”', ...COMMAND_WORDS, ...ARGS]

describe('no message, however malformed, breaks the bot', () => {
  it('answers 2,000 random messages without an unexpected error, each reply plain text within reason', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('FUZZ-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 FUZZ-ADMIN')
    // Two members, so a fuzzed #上报 from them is stored (the last check).
    await t.ask('u1', '#注册 张三 日新街道 妇联')
    await t.ask('u2', '#注册 李四 大船 工会')
    const next = rng(20261124)
    const senders = ['admin', 'u1', 'u2', 'stranger']
    let answered = 0
    for (let i = 0; i < 2000; i++) {
      const n = 1 + Math.floor(next() * 6)
      const body = Array.from({ length: n }, () => PIECES[Math.floor(next() * PIECES.length)]).join(' ')
      const text = (next() < 0.7 ? '#' : '') + body
      const sender = senders[Math.floor(next() * senders.length)]!
      const kind = next() < 0.9 ? 'text' : 'url'
      const share =
        kind === 'url'
          ? { kind: 'url' as const, link: { title: text, url: 'https://example.org', description: '' } }
          : undefined
      const replies = await t.core.handle(
        t.incoming(sender, text, {
          kind,
          share,
          mentionSelf: next() < 0.1,
          mentions: next() < 0.1 ? [{ id: 'u1', name: 'x' }] : [],
        }),
      )
      answered += replies.length
      for (const r of replies) {
        expect(r.text, text).not.toBe('系统繁忙，请稍后再试。')
        expect(r.text.length).toBeGreaterThan(0)
      }
    }
    expect(t.logger.lines.filter((l) => l.includes('handler failed'))).toEqual([])
    expect(answered).toBeGreaterThan(1000)
    expect(t.repo.reports.all().length).toBeGreaterThan(0)
  }, 120_000) // a safety net for a loaded machine, not a speed target
})
