import { describe, expect, it } from 'vitest'
import { JsonFileStore } from '../../storage/json-file-store.js'
import { openRepository } from '../../storage/repository.js'

describe('the repository', () => {
  it('is the Repository and nothing more: no file behind it can be reached from it', async () => {
    const repo = await openRepository(null, new Date('2026-11-24T02:00:00Z'))
    expect(Object.keys(repo)).not.toContain('stores')
    const reachable = Object.values(repo).filter((v) => v instanceof JsonFileStore)
    expect(reachable).toEqual([])
  })
})
