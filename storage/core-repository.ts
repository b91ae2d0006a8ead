/** The parts of the repository kept in gqf.json: members, roles, the room, the admin code, greetings. */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { sameRole } from '../src/domain/authority.js'
import type { Member } from '../src/domain/types.js'
import type { Repository } from '../src/core/ports.js'
import { generateAdminCode, hashCode } from './core-file.js'
import type { JsonFileStore } from './json-file-store.js'
import type { CoreFile } from './schema.js'
import { updateNoted, type AuditTrail } from './audited-update.js'

type Core = JsonFileStore<CoreFile>
const iso = (d: Date) => d.toISOString()

export function memberParts(core: Core): Pick<Repository, 'member' | 'members' | 'register' | 'markGreeted'> {
  return {
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

export function roleParts(
  core: Core,
  audit: AuditTrail,
): Pick<Repository, 'roles' | 'roleHolders' | 'grant' | 'revoke'> {
  return {
    roles: (id) => core.data.roles[id] ?? [],
    roleHolders: () =>
      Object.entries(core.data.roles)
        .filter(([, g]) => g.length > 0)
        .map(([contactId, grants]) => ({ contactId, grants })),
    async grant(contactId, spec, by, now, note) {
      const add = (d: CoreFile) => {
        const list = d.roles[contactId] ?? []
        if (list.some((g) => sameRole(g, spec))) return false
        d.roles[contactId] = [...list, { ...spec, grantedBy: by, grantedAt: iso(now) }]
        return true
      }
      return updateNoted(core, audit, add, (added) => added, note)
    },
    async revoke(contactId, spec, note) {
      const remove = (d: CoreFile) => {
        const list = d.roles[contactId] ?? []
        const keep = list.filter((g) => !(typeof spec === 'string' ? g.role === spec : sameRole(g, spec)))
        d.roles[contactId] = keep
        return list.length - keep.length
      }
      return updateNoted(core, audit, remove, (n) => n > 0, note)
    },
  }
}

export function roomParts(core: Core): Pick<Repository, 'room' | 'bindRoom' | 'trackingSince'> {
  return {
    trackingSince: () => core.data.trackingSince,
    room: () => (core.data.room ? { id: core.data.room.id, topic: core.data.room.topic } : null),
    async bindRoom(id, topic, now) {
      await core.update((d) => {
        d.room = { id, topic, boundAt: iso(now) }
      })
    },
  }
}

export function adminCodeParts(
  core: Core,
  audit: AuditTrail | null = null,
): Pick<Repository, 'ensureAdminCode' | 'redeemAdminCode'> {
  const arm = (code: string, source: 'env' | 'generated', now: Date) => {
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
  return {
    async ensureAdminCode(preset, now) {
      const current = core.data.adminCode
      if (preset) {
        // A preset code replaces an unused or different one; the same preset is not re-armed once used.
        const same = current?.source === 'env' && current.hash === hashCode(current.salt, preset)
        if (!same) await arm(preset, 'env', now)
        return { generated: null }
      }
      if (current) return { generated: null }
      const code = generateAdminCode()
      await arm(code, 'generated', now)
      return { generated: code }
    },
    async redeemAdminCode(code, contactId, now, note) {
      const current = core.data.adminCode
      if (!current) return 'none'
      const a = Buffer.from(hashCode(current.salt, code), 'hex')
      const b = Buffer.from(current.hash, 'hex')
      if (a.length !== b.length || !timingSafeEqual(a, b)) return 'wrong'
      if (current.usedBy) return 'used'
      const redeem = (d: CoreFile) => {
        d.adminCode = { ...current, usedBy: contactId, usedAt: iso(now) }
        const list = d.roles[contactId] ?? []
        if (!list.some((g) => g.role === 'admin')) {
          d.roles[contactId] = [...list, { role: 'admin', grantedBy: 'admin-code', grantedAt: iso(now) }]
        }
      }
      await updateNoted(core, audit, redeem, () => true, note)
      return 'ok'
    },
  }
}

/** A new code in place of the old one, used or not (the operator's `npm run admin-code`). */
export async function reissueAdminCode(core: Core, now: Date): Promise<string> {
  await core.update((d) => {
    d.adminCode = null
  })
  const { generated } = await adminCodeParts(core).ensureAdminCode(undefined, now)
  if (!generated) throw new Error('no code generated')
  return generated
}
