import { describe, expect, it } from 'vitest'
import { memoryLogger } from '../../src/logger.js'
import { retryOnNoChunk } from '../../src/transport/no-chunk.js'

describe('a file send to a server that refuses the empty first upload chunk', () => {
  it('switches to plain uploads at the first NOCHUNK and sends once more', async () => {
    let plain = false
    const tries: string[] = []
    const send = async (name: string) => {
      tries.push(`${name}:${plain ? 'plain' : 'juzi'}`)
      if (!plain) throw new Error('13 INTERNAL: NOCHUNK')
      return `id-${name}`
    }
    const logger = memoryLogger()
    const guarded = retryOnNoChunk(send, () => (plain = true), logger)
    expect(await guarded('a.xlsx')).toBe('id-a.xlsx')
    expect(await guarded('b.png')).toBe('id-b.png')
    expect(tries).toEqual(['a.xlsx:juzi', 'a.xlsx:plain', 'b.png:plain'])
    expect(logger.lines.filter((l) => l.includes('NOCHUNK'))).toHaveLength(1)
  })

  it('passes other failures on, and does not switch twice', async () => {
    let switches = 0
    const refused = retryOnNoChunk(
      async () => {
        throw new Error('NOCHUNK')
      },
      () => switches++,
      memoryLogger(),
    )
    await expect(refused()).rejects.toThrow('NOCHUNK')
    await expect(refused()).rejects.toThrow('NOCHUNK')
    expect(switches).toBe(1)
    const down = retryOnNoChunk(
      async () => {
        throw new Error('14 UNAVAILABLE')
      },
      () => switches++,
      memoryLogger(),
    )
    await expect(down()).rejects.toThrow('UNAVAILABLE')
    expect(switches).toBe(1)
  })
})
