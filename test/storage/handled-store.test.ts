import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HandledStore } from '../../storage/handled-store.js'

const dir = () => mkdtempSync(join(tmpdir(), 'gqf-handled-'))
const at = (s: string) => new Date(s)

describe('HandledStore', () => {
  it('remembers handled message ids across a restart', async () => {
    const d = dir()
    const store = await HandledStore.open(d, at('2026-05-01T02:00:00Z'))
    expect(store.has('m1')).toBe(false)
    await store.mark('m1', at('2026-05-01T02:00:00Z'))
    await store.mark('m2', at('2026-05-01T17:00:00Z')) // already 2 May in Beijing
    expect(store.has('m1')).toBe(true)
    const again = await HandledStore.open(d, at('2026-05-02T03:00:00Z'))
    expect(again.has('m1')).toBe(true)
    expect(again.has('m2')).toBe(true)
    expect(again.has('m3')).toBe(false)
    expect(readdirSync(join(d, 'handled')).sort()).toEqual(['2026-05-01.json', '2026-05-02.json'])
  })

  it('keeps seven days of ids: older day files are deleted when a new day begins and at open', async () => {
    const d = dir()
    const store = await HandledStore.open(d, at('2026-05-01T02:00:00Z'))
    for (let day = 1; day <= 12; day++) {
      const when = at(`2026-05-${String(day).padStart(2, '0')}T02:00:00Z`)
      await store.mark(`m${day}`, when)
    }
    // On 12 May, 5 May..12 May are kept (seven days back), 1..4 May are gone.
    expect(store.has('m4')).toBe(false)
    expect(store.has('m5')).toBe(true)
    expect(store.has('m12')).toBe(true)
    expect(readdirSync(join(d, 'handled'))).toHaveLength(8)
    const later = await HandledStore.open(d, at('2026-05-20T02:00:00Z'))
    expect(later.has('m12')).toBe(false)
    expect(readdirSync(join(d, 'handled'))).toHaveLength(0)
  })

  it('commits a burst of marks in few writes', async () => {
    const store = await HandledStore.open(dir(), at('2026-05-01T02:00:00Z'))
    await store.mark('warm', at('2026-05-01T02:00:00Z'))
    const before = store.writes()
    await Promise.all(Array.from({ length: 100 }, (_, i) => store.mark(`b${i}`, at('2026-05-01T02:00:01Z'))))
    expect(store.has('b99')).toBe(true)
    expect(store.writes() - before).toBeLessThanOrEqual(2)
    expect(store.dayCount()).toBe(1)
  })

  it('offers the replies owed after a crash once, merged by conversation, only the young ones', async () => {
    const d = dir()
    const store = await HandledStore.open(d, at('2026-05-01T02:00:00Z'))
    await store.mark('m1', at('2026-05-01T01:00:00Z'))
    await store.owe('m0', 'room', '很早的回复', at('2026-05-01T00:30:00Z')) // 90 minutes before the restart
    await store.owe('m1', 'room', '回执一', at('2026-05-01T01:40:00Z'))
    await store.owe('m2', 'dm-a', '私聊回执', at('2026-05-01T01:41:00Z'))
    await store.owe('m3', 'room', '回执三', at('2026-05-01T01:42:00Z'))
    await store.owe('m3', 'room', '回执三（续）', at('2026-05-01T01:42:00Z'))
    await store.owe('m4', 'room', '已发出', at('2026-05-01T01:43:00Z'))
    await store.paid('m4')

    const restarted = await HandledStore.open(d, at('2026-05-01T02:00:00Z'))
    const owed = await restarted.takeOwed(at('2026-05-01T02:00:00Z'))
    expect(owed).toEqual([
      {
        conversation: 'room',
        ids: ['m1', 'm3'],
        texts: ['回执一', '回执三', '回执三（续）'],
        since: at('2026-05-01T01:40:00Z'),
      },
      { conversation: 'dm-a', ids: ['m2'], texts: ['私聊回执'], since: at('2026-05-01T01:41:00Z') },
    ])
    // Offered once: a second restart owes nothing, old entries included.
    const third = await HandledStore.open(d, at('2026-05-01T02:05:00Z'))
    expect(await third.takeOwed(at('2026-05-01T02:05:00Z'), 86_400_000)).toEqual([])
    expect(third.has('m1')).toBe(true)
  })

  it('works in memory for tests', async () => {
    const store = await HandledStore.open(null)
    await store.mark('x', at('2026-05-01T02:00:00Z'))
    await store.owe('x', 'c', 't', at('2026-05-01T02:00:00Z'))
    expect(store.has('x')).toBe(true)
    await store.paid('x')
    expect(await store.takeOwed(at('2026-05-01T02:10:00Z'))).toEqual([])
  })
})
