import { describe, expect, it } from 'vitest'
import { circles, importGraph, loopThrough } from './import-graph.js'

describe('imports', () => {
  const graph = importGraph(['src', 'commands', 'storage', 'scripts'])

  it('form no circle among src/, commands/, storage/ and scripts/', () => {
    expect(circles(graph).map((part) => loopThrough(graph, part))).toEqual([])
  })

  it('finds a circle when there is one, and names its path', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts', 'd.ts']],
      ['d.ts', []],
    ])
    expect(circles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']])
    expect(loopThrough(g, ['a.ts', 'b.ts', 'c.ts'])).toBe('a.ts → b.ts → c.ts → a.ts')
    expect(circles(new Map([['x.ts', ['x.ts']]]))).toEqual([['x.ts']])
  })

  it('sees the project: the graph holds every module and its imports', () => {
    expect(graph.get('storage/records-store.ts')).toContain('storage/shards.ts')
    expect(graph.size).toBeGreaterThan(100)
  })
})
