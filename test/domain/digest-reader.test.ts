/** The scheduler's readers go through the one scope policy: what #汇总 without a word shows them. */
import { describe, expect, it } from 'vitest'
import { digestReader, digestSites } from '../../src/domain/digest.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import type { RoleGrant, RoleSpec } from '../../src/domain/types.js'

const g = (spec: RoleSpec): RoleGrant => ({
  ...spec,
  grantedBy: 'admin',
  grantedAt: '2026-11-01T00:00:00.000Z',
})

const { sites } = builtinRoster()
const groupsOf = (grants: RoleGrant[]) => {
  const r = digestReader(grants)
  return r ? [...new Set(digestSites(r, sites).map((s) => s.group))].sort() : null
}

describe('the digest reader', () => {
  it('gives a leader of 第一组 and 第三组 both groups, an admin the city, a liaison alone nothing', () => {
    expect(groupsOf([g({ role: 'leader', group: 1 }), g({ role: 'leader', group: 3 })])).toEqual([1, 3])
    expect(digestReader([g({ role: 'admin' })])).toMatchObject({ all: true, groups: undefined })
    expect(digestSites(digestReader([g({ role: 'admin' })])!, sites)).toHaveLength(sites.length)
    expect(digestReader([g({ role: 'liaison', district: '西岗区' })])).toBeNull()
    expect(digestReader([])).toBeNull()
  })

  it('gives a leader who is also a liaison the union: the group and the district', () => {
    const r = digestReader([g({ role: 'leader', group: 2 }), g({ role: 'liaison', district: '旅顺口区' })])!
    const covered = digestSites(r, sites)
    expect(covered.filter((s) => s.group === 2)).toHaveLength(sites.filter((s) => s.group === 2).length)
    expect(covered.some((s) => s.group !== 2 && s.district === '旅顺口区')).toBe(true)
    expect(r.groups).toEqual([2])
  })
})
