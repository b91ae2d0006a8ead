import { builtinRoster } from '../../src/domain/roster-data.js'
import {
  applyChange,
  nextSiteNumber,
  type RosterChange,
  type RosterHistory,
} from '../../src/domain/roster-history.js'
import type { Report } from '../../src/domain/reports.js'
import type { Site } from '../../src/domain/types.js'

export const meta = (seq: number, from: string) => ({
  seq,
  from,
  reason: '',
  by: 'admin',
  byName: '管理员',
  at: `${from}T02:00:00.000Z`,
})

export function base(): RosterHistory {
  const { sites, lineOrgs } = builtinRoster()
  return { base: [...sites, ...lineOrgs], changes: [] }
}

export function must(h: RosterHistory, c: RosterChange): RosterHistory {
  const r = applyChange(h, c)
  if (!r.ok) throw new Error(JSON.stringify(r.error))
  return r.history
}

export function sampleHistory(): { history: RosterHistory; added: Site } {
  let h = base()
  h = must(h, { kind: 'retire', orgId: 'S06', ...meta(1, '2026-07-01'), reason: '考核不合格' })
  const { no, id } = nextSiteNumber(h)
  const added: Site = {
    kind: 'site',
    id,
    no,
    name: '大连市中山区青泥洼桥街道',
    level: '市级',
    group: 2,
    district: '中山区',
    aliases: ['青泥洼桥街道', '青泥洼桥'],
  }
  h = must(h, { kind: 'add', site: added, ...meta(2, '2026-08-10') })
  h = must(h, { kind: 'move', orgId: 'S05', group: 3, ...meta(3, '2026-10-01') })
  return { history: h, added }
}

/** A counting report of a site for a month. */
export function report(no: number, orgId: string, month: string, late = false): Report {
  return {
    no,
    month,
    orgId,
    submitterId: 'u1',
    submitterName: '张三',
    onBehalf: false,
    via: 'text',
    title: `标题${no}`,
    text: `正文${no}`,
    links: [],
    files: [],
    messageIds: [`m${no}`],
    at: `${month}-10T02:00:00.000Z`,
    late,
    withdrawn: null,
  }
}
