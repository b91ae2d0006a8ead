/** gqf.json (members, roles, the room, the admin code) and roster.json: how they start and upgrade. */
import { createHash, randomInt } from 'node:crypto'
import { monthOf } from '../src/domain/calendar.js'
import { builtinRoster, ROSTER_VERSION } from '../src/domain/roster-data.js'
import type { Migration } from './json-file-store.js'
import { CORE_SCHEMA_VERSION, ROSTER_SCHEMA_VERSION, type CoreFile, type RosterFile } from './schema.js'

export const STORE_FILES = { core: 'gqf.json', roster: 'roster.json' } as const

export const hashCode = (salt: string, code: string) =>
  createHash('sha256')
    .update(salt + ':' + code.trim().toUpperCase())
    .digest('hex')

/** A readable one-time code: 8 characters without look-alikes (0/O, 1/I/L). */
export function generateAdminCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
  let s = ''
  for (let i = 0; i < 8; i++) s += alphabet[randomInt(alphabet.length)]
  return `${s.slice(0, 4)}-${s.slice(4)}`
}

export function emptyCore(now: Date): CoreFile {
  return {
    schemaVersion: CORE_SCHEMA_VERSION,
    trackingSince: monthOf(now),
    room: null,
    adminCode: null,
    members: {},
    roles: {},
    greeted: [],
    auditOutbox: [],
  }
}

/** v1 → v2: reports arrive; a store from before them starts counting in the month it is upgraded. */
export const coreMigrations = (now: Date): Migration[] => [
  { from: 1, up: (d) => ({ ...d, trackingSince: monthOf(now) }) },
  // v2 → v3: a role's scope was one string ('1'…'3' for a leader, the district for a liaison).
  { from: 2, up: (d) => ({ ...d, roles: scopedRoles(d['roles']) }) },
]

function scopedRoles(roles: unknown): unknown {
  if (typeof roles !== 'object' || roles === null) return roles
  return Object.fromEntries(
    Object.entries(roles).map(([id, list]) => [
      id,
      Array.isArray(list)
        ? list.map((g: Record<string, unknown>) => {
            const { scope, ...rest } = g
            if (g['role'] === 'leader') return { ...rest, group: Number(scope) }
            if (g['role'] === 'liaison') return { ...rest, district: scope }
            return rest
          })
        : list,
    ]),
  )
}

export function initialRoster(): RosterFile {
  const { sites, lineOrgs } = builtinRoster()
  return {
    schemaVersion: ROSTER_SCHEMA_VERSION,
    rosterVersion: ROSTER_VERSION,
    orgs: [...sites, ...lineOrgs],
  }
}
