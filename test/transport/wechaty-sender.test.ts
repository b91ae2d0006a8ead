import { describe, expect, it } from 'vitest'
import {
  AT_SEPARATOR,
  MentionNames,
  mentionText,
  type MentionPuppet,
} from '../../src/transport/wechaty-sender.js'

/** A puppet whose look-ups are counted and resolve only when released, to watch the parallelism. */
function fakePuppet(
  members: Record<string, { name: string; roomAlias?: string }>,
  contacts: Record<string, string>,
) {
  const calls: string[] = []
  let inFlight = 0
  let maxInFlight = 0
  const puppet: Pick<MentionPuppet, 'roomMemberPayload' | 'contactPayload'> = {
    async roomMemberPayload(roomId, id) {
      calls.push(`member:${roomId}:${id}`)
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await Promise.resolve()
      inFlight--
      const m = members[id]
      if (!m) throw new Error('not in room')
      return m
    },
    async contactPayload(id) {
      calls.push(`contact:${id}`)
      const name = contacts[id]
      if (!name) throw new Error('no such contact')
      return { name }
    },
  }
  return { puppet, calls, maxInFlight: () => maxInFlight }
}

describe('mention names', () => {
  it('uses the room alias, else the name, else the contact name; unknown people get null', async () => {
    const { puppet } = fakePuppet(
      { a: { name: '张三', roomAlias: '西岗张三' }, b: { name: '李四' } },
      { c: '王五' },
    )
    const names = new MentionNames(puppet, { ttlMs: 1000, parallel: 4, now: () => 0 })
    expect(await names.names('r', ['a', 'b', 'c', 'x'])).toEqual(['西岗张三', '李四', '王五', null])
  })

  it('looks each person up once while the name is fresh, and again after it expired', async () => {
    const { puppet, calls } = fakePuppet({ a: { name: '张三' } }, {})
    let now = 0
    const names = new MentionNames(puppet, { ttlMs: 1000, parallel: 4, now: () => now })
    await names.names('r', ['a', 'a'])
    await names.names('r', ['a'])
    expect(calls).toEqual(['member:r:a'])
    now = 1000
    await names.names('r', ['a'])
    expect(calls).toEqual(['member:r:a', 'member:r:a'])
    // Another room is another alias.
    await names.names('r2', ['a'])
    expect(calls.at(-1)).toBe('member:r2:a')
  })

  it('looks up at most `parallel` people at once', async () => {
    const members = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`p${i}`, { name: `成员${i}` }]))
    const { puppet, calls, maxInFlight } = fakePuppet(members, {})
    const names = new MentionNames(puppet, { ttlMs: 1000, parallel: 3, now: () => 0 })
    const got = await names.names('r', Object.keys(members))
    expect(got).toEqual(Object.values(members).map((m) => m.name))
    expect(calls).toHaveLength(50)
    expect(maxInFlight()).toBe(3)
  })
})

describe('mention text', () => {
  it('is written as Room.say writes it, leaving out people without a name', () => {
    expect(mentionText('请尽快上报', ['张三', null, '李四'])).toBe(`@张三${AT_SEPARATOR}@李四 请尽快上报`)
    expect(mentionText('请尽快上报', [null])).toBe('请尽快上报')
  })
})
