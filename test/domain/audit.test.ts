import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  chain,
  GENESIS,
  selectEntries,
  verifyChain,
  type AuditEntry,
  type AuditInput,
} from '../../src/domain/audit.js'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')
const entry = (i: number): AuditInput => ({
  at: `2026-11-0${i}T02:00:00.000Z`,
  by: 'admin1',
  byName: '管理员',
  action: 'six.set',
  target: `S0${i}`,
  detail: { item: '有阵地', state: '已达标' },
  reason: '',
})

function build(n: number): AuditEntry[] {
  const out: AuditEntry[] = []
  for (let i = 1; i <= n; i++) out.push(chain(out.at(-1) ?? null, entry(i), sha))
  return out
}

describe('audit chain', () => {
  it('links each entry to the one before', () => {
    const list = build(3)
    expect(list[0]!.prev).toBe(GENESIS)
    expect(list[1]!.prev).toBe(list[0]!.hash)
    expect(list.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(verifyChain(null, list, sha)).toBeNull()
  })

  it('finds an edited, removed or reordered entry', () => {
    const list = build(4)
    const edited = list.map((e, i) => (i === 1 ? { ...e, detail: { ...e.detail, state: '未达标' } } : e))
    expect(verifyChain(null, edited, sha)).toEqual({ code: 'HASH', index: 1, seq: 2 })
    expect(verifyChain(null, [list[0]!, list[2]!, list[3]!], sha)).toEqual({
      code: 'SEQ',
      index: 1,
      expected: 2,
      found: 3,
    })
    const renumbered = [list[0]!, { ...list[2]!, seq: 2 }]
    expect(verifyChain(null, renumbered, sha)?.code).toBe('PREV')
    // A later year's file continues the chain of the one before it.
    expect(verifyChain(list[1]!, list.slice(2), sha)).toBeNull()
    expect(verifyChain(list[0]!, list.slice(2), sha)?.code).toBe('SEQ')
  })

  it('selects the newest entries, or those of one target', () => {
    const list = build(4)
    expect(selectEntries(list, { n: 2 }).map((e) => e.seq)).toEqual([4, 3])
    expect(selectEntries(list, { target: 'S02', n: 10 }).map((e) => e.seq)).toEqual([2])
  })
})
