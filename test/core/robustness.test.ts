import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const PIECES = [
  '#',
  '＃',
  ' ',
  '\u3000',
  '\u2005',
  '\n',
  '\t',
  '：',
  ':',
  '「',
  '」',
  '“',
  '”',
  '"',
  '@',
  '😀',
  '🇨🇳',
  '\ud800',
  '\u0000',
  '注册',
  '上报',
  '补报',
  '代报',
  '撤回',
  '统计',
  '未报',
  '进度',
  '汇总',
  '提醒',
  '提醒设置',
  '任命',
  '免职',
  '帮助',
  '单位',
  '示范点',
  '认证管理员',
  '退出示范点',
  '张三',
  '日新街道',
  '西岗区',
  '工会',
  '团委',
  '妇联',
  '2026-10',
  '2026-13',
  '99999999999',
  '-1',
  '第一组',
  '组长',
  '联络员',
  '管理员',
  'x'.repeat(3000),
  '大连市',
  '医大一院',
  '12',
  '0',
  '暂停',
  '时间',
  '25:99',
]

describe('no message, however malformed, breaks the bot', () => {
  it('answers 2,000 random messages without an unexpected error, each reply plain text within reason', async () => {
    const t = await makeCore()
    await t.repo.ensureAdminCode('FUZZ-ADMIN', new Date())
    await t.ask('admin', '#注册 王强 市总工会')
    await t.ask('admin', '#认证管理员 FUZZ-ADMIN')
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
  })
})
