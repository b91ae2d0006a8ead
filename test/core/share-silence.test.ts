/**
 * The group stays quiet (issue 15): fuzzed chatter and shared articles, files and pictures of every
 * kind, from registered and unregistered people, get nothing in the group. Only a share that was
 * counted as a report gets its receipt there; hints and answers go privately to the sharer.
 */
import { describe, expect, it } from 'vitest'
import { makeCore } from '../support/core.js'
import type { Incoming } from '../../src/core/types.js'

function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const TITLES = [
  '学习贯彻全会精神 西岗区妇联在行动',
  '转发：冬季防火安全提示',
  '日新街道示范点创建信息（十一月）',
  '工青妇联合开展志愿服务活动',
  '周末去哪儿玩',
  '',
  '创建',
  '🎉🎉🎉',
  '关于做好2027年元旦春节期间安全工作的通知',
]
const CHATTER = ['收到', '好的👍', '@所有人 明天开会', '谢谢', '上报了吗', '今天几号截止？', '哈哈', '1', '']

describe('shared articles of every kind and chatter', () => {
  it('leave the group silent: only counted shares get a receipt there, everything else is private', async () => {
    const t = await makeCore()
    await t.ask('rixin', '#注册 周敏 日新街道')
    await t.ask('xg', '#注册 李四 西岗区总工会')
    const next = rng(20261201)
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!
    const loud: string[] = []
    for (let i = 0; i < 400; i++) {
      const sender = pick(['rixin', 'xg', 'stranger', 'passer'])
      const kind = pick(['url', 'file', 'image', 'text'] as const)
      const extra: Partial<Incoming> =
        kind === 'url'
          ? {
              kind,
              share: {
                kind,
                link: { title: pick(TITLES), url: 'https://mp.weixin.qq.com/s/x', description: '' },
              },
            }
          : kind === 'text'
            ? {}
            : {
                kind,
                share: {
                  kind,
                  name: `f${i}.${kind === 'file' ? 'pdf' : 'jpg'}`,
                  load: async () => Buffer.from('x'),
                },
              }
      const reportsBefore = t.repo.reports.all().length
      const replies = await t.core.handle(t.incoming(sender, kind === 'text' ? pick(CHATTER) : '', extra))
      const counted = t.repo.reports.all().length > reportsBefore
      for (const r of replies) {
        if (r.to?.kind === 'private') expect(r.to.id).toBe(sender)
        else if (!counted) loud.push(`${sender} ${kind}: ${r.text}`)
      }
      t.setNow(new Date(t.now().getTime() + 7 * 60_000))
    }
    expect(loud).toEqual([])
  })
})
