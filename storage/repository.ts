import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { join } from 'node:path'
import { builtinRoster, ROSTER_VERSION } from '../src/domain/roster-data.js'
import { Roster } from '../src/domain/roster.js'
import type { Member } from '../src/domain/types.js'
import { sameRole } from '../src/domain/authority.js'
import { JsonFileStore, type Migration } from './json-file-store.js'
import type { Repository } from '../src/core/ports.js'
import type { RecordsRepository, RosterHistoryPort } from '../src/core/records-port.js'
import { openRecordsRepository } from './records-repository.js'
import { ReportStore } from './report-store.js'
import { ReminderStore } from './reminder-store.js'
import { HolidayStore } from './holiday-store.js'
import { LockoutStore } from './lockout-store.js'
import { ImportStore } from './import-store.js'
import type { ReportsPort } from '../src/core/ports.js'
import { importedMonths, withImported } from '../src/domain/imports.js'
import { trackingOf } from '../src/domain/tracking.js'
import { monthOf } from '../src/domain/calendar.js'
import {
  CORE_SCHEMA_VERSION,
  coreFileSchema,
  ROSTER_SCHEMA_VERSION,
  rosterFileSchema,
  type CoreFile,
  type RosterFile,
} from './schema.js'

const hashCode = (salt: string, code: string) =>
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

function emptyCore(now: Date): CoreFile {
  return {
    schemaVersion: CORE_SCHEMA_VERSION,
    trackingSince: monthOf(now),
    room: null,
    adminCode: null,
    members: {},
    roles: {},
    greeted: [],
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

function initialRoster(): RosterFile {
  const { sites, lineOrgs } = builtinRoster()
  return {
    schemaVersion: ROSTER_SCHEMA_VERSION,
    rosterVersion: ROSTER_VERSION,
    orgs: [...sites, ...lineOrgs],
  }
}

export const STORE_FILES = { core: 'gqf.json', roster: 'roster.json' } as const

/** Opens (or creates) the store under `dataDir`; `null` keeps everything in memory for tests. */
export async function openRepository(
  dataDir: string | null,
  now: Date = new Date(),
): Promise<Repository & { stores: StoreSet }> {
  const file = (name: string) => (dataDir === null ? null : join(dataDir, name))
  const core = await JsonFileStore.open<CoreFile>({
    file: file(STORE_FILES.core),
    schema: coreFileSchema,
    version: CORE_SCHEMA_VERSION,
    defaults: () => emptyCore(now),
    migrations: coreMigrations(now),
  })
  const rosterStore = await JsonFileStore.open<RosterFile>({
    file: file(STORE_FILES.roster),
    schema: rosterFileSchema,
    version: ROSTER_SCHEMA_VERSION,
    defaults: initialRoster,
  })
  const reports = await ReportStore.open(dataDir)
  const reminders = await ReminderStore.open(dataDir, now)
  const holidays = await HolidayStore.open(dataDir)
  const lockouts = await LockoutStore.open(dataDir)
  const imports = await ImportStore.open(dataDir)
  const recordsRepo = await openRecordsRepository(dataDir, {
    orgs: rosterStore.data.orgs,
    trackingSince: core.data.trackingSince,
    now,
  })
  return createRepository(
    { core, roster: rosterStore },
    withImports(reports, imports),
    reminders,
    holidays,
    lockouts,
    recordsRepo,
    imports,
  )
}

/** The roster with every dated change applied (those taking effect later included). */
const LAST_DAY = '9999-12-31'

export interface StoreSet {
  core: JsonFileStore<CoreFile>
  roster: JsonFileStore<RosterFile>
}

/** The reports as every view sees them: the bot's own, with the imported counts in force added. */
function withImports(store: ReportStore, imports: ImportStore): ReportsPort {
  return {
    all: () => withImported(store.all(), imports.batches()),
    ofMonth: (month) =>
      withImported(store.ofMonth(month), imports.batches()).filter((r) => r.month === month),
    get: (no) => store.get(no),
    byMessageId: (id) => store.byMessageId(id),
    add: (input) => store.add(input),
    change: (no, mutate) => store.change(no, mutate),
    saveFile: (...args) => store.saveFile(...args),
    readFile: (file) => store.readFile(file),
  }
}

function createRepository(
  stores: StoreSet,
  reports: ReportsPort,
  reminders: ReminderStore,
  holidays: HolidayStore,
  lockouts: LockoutStore,
  recordsRepo: RecordsRepository,
  imports: ImportStore,
): Repository & { stores: StoreSet } {
  const { core } = stores
  const history = recordsRepo.rosterHistory
  let roster = new Roster(history.orgsOn(LAST_DAY))
  const rosterHistory: RosterHistoryPort = {
    history: () => history.history(),
    orgsOn: (day) => history.orgsOn(day),
    activeSitesFor: (month) => history.activeSitesFor(month),
    async change(input) {
      const result = await history.change(input)
      if (result.ok) roster = new Roster(history.orgsOn(LAST_DAY))
      return result
    },
  }
  const iso = (d: Date) => d.toISOString()

  return {
    stores,
    reports,
    reminders,
    holidays,
    lockouts,
    records: recordsRepo.records,
    audit: recordsRepo.audit,
    rosterHistory,
    trackingSince: () => core.data.trackingSince,
    tracking: () => trackingOf(core.data.trackingSince, reports.all(), importedMonths(imports.batches())),
    imports,
    roster: () => roster,
    member: (id) => core.data.members[id],
    members: () => Object.values(core.data.members),
    async register(contactId, reg, now) {
      return core.update((d) => {
        const prev = d.members[contactId]
        const at = iso(now)
        const member: Member = prev
          ? {
              ...prev,
              history: [
                ...prev.history,
                { name: prev.name, orgId: prev.orgId, line: prev.line, at: prev.updatedAt },
              ],
              name: reg.name,
              orgId: reg.orgId,
              line: reg.line,
              wechatName: reg.wechatName,
              updatedAt: at,
            }
          : { contactId, ...reg, registeredAt: at, updatedAt: at, history: [] }
        d.members[contactId] = member
        return { member, updated: !!prev }
      })
    },
    roles: (id) => core.data.roles[id] ?? [],
    roleHolders: () =>
      Object.entries(core.data.roles)
        .filter(([, g]) => g.length > 0)
        .map(([contactId, grants]) => ({ contactId, grants })),
    async grant(contactId, spec, by, now) {
      return core.update((d) => {
        const list = d.roles[contactId] ?? []
        if (list.some((g) => sameRole(g, spec))) return false
        d.roles[contactId] = [...list, { ...spec, grantedBy: by, grantedAt: iso(now) }]
        return true
      })
    },
    async revoke(contactId, spec) {
      return core.update((d) => {
        const list = d.roles[contactId] ?? []
        const keep = list.filter((g) => !(typeof spec === 'string' ? g.role === spec : sameRole(g, spec)))
        d.roles[contactId] = keep
        return list.length - keep.length
      })
    },
    room: () => (core.data.room ? { id: core.data.room.id, topic: core.data.room.topic } : null),
    async bindRoom(id, topic, now) {
      await core.update((d) => {
        d.room = { id, topic, boundAt: iso(now) }
      })
    },
    async ensureAdminCode(preset, now) {
      const current = core.data.adminCode
      const arm = (code: string, source: 'env' | 'generated') => {
        const salt = randomBytes(8).toString('hex')
        return core.update((d) => {
          d.adminCode = {
            salt,
            hash: hashCode(salt, code),
            source,
            createdAt: iso(now),
            usedBy: null,
            usedAt: null,
          }
        })
      }
      if (preset) {
        // A preset code replaces an unused or different one; the same preset is not re-armed once used.
        const same = current?.source === 'env' && current.hash === hashCode(current.salt, preset)
        if (!same) await arm(preset, 'env')
        return { generated: null }
      }
      if (current) return { generated: null }
      const code = generateAdminCode()
      await arm(code, 'generated')
      return { generated: code }
    },
    async redeemAdminCode(code, contactId, now) {
      const current = core.data.adminCode
      if (!current) return 'none'
      const a = Buffer.from(hashCode(current.salt, code), 'hex')
      const b = Buffer.from(current.hash, 'hex')
      if (a.length !== b.length || !timingSafeEqual(a, b)) return 'wrong'
      if (current.usedBy) return 'used'
      await core.update((d) => {
        d.adminCode = { ...current, usedBy: contactId, usedAt: iso(now) }
        const list = d.roles[contactId] ?? []
        if (!list.some((g) => g.role === 'admin')) {
          d.roles[contactId] = [...list, { role: 'admin', grantedBy: 'admin-code', grantedAt: iso(now) }]
        }
      })
      return 'ok'
    },
    async markGreeted(ids) {
      return core.update((d) => {
        const seen = new Set(d.greeted)
        const fresh = ids.filter((id) => !seen.has(id))
        d.greeted.push(...fresh)
        return fresh
      })
    },
  }
}
