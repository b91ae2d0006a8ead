/**
 * The per-message context: built once by core for each message and handed to every command and
 * share handler. It answers, in one place, who the actor is, what time it is in Dalian, the
 * actor's own site, which site a text names, which sites a command covers (the scope policy of
 * domain/authority.ts) and how a refusal reads.
 */
import { actsFor, resolveScope, type Scope } from '../domain/authority.js'
import { shanghaiDate } from '../domain/calendar.js'
import type { Org, Site } from '../domain/types.js'
import { displayName, scopeLabel, scopesLabel } from '../messages/format.js'
import { FAILS } from '../messages/refusals.js'
import { registrationError } from '../messages/sites.js'
import type { RegistrationError } from '../domain/registration.js'
import { retiredSince } from '../domain/roster-history.js'
import { SCOPE } from '../messages/refusals.js'
import type { Actor } from './records-port.js'
import type {
  CommandContext,
  CommandRegistryView,
  Deps,
  FailCode,
  FailParams,
  Found,
  Incoming,
  Reply,
  ScopeChoice,
  ScopeUse,
  Sender,
} from './types.js'

/** The actor of a message: registered or not, with their name resolved once. */
export function senderOf(deps: Deps, incoming: Pick<Incoming, 'senderId' | 'senderName'>): Sender {
  const member = deps.repo.member(incoming.senderId)
  return {
    id: incoming.senderId,
    wechatName: incoming.senderName,
    name: member?.name ?? incoming.senderName,
    member,
    roles: deps.repo.roles(incoming.senderId),
    org: member ? deps.repo.roster().get(member.orgId) : undefined,
  }
}

/** The actor as records name who changed them. */
export const actorOf = (sender: Sender): Actor => ({ id: sender.id, name: sender.name })

const fail = (code: FailCode, params: FailParams = {}): Reply[] => [
  { text: FAILS[code](params), refusal: code },
]

/** Any organisation by what was typed, or the reply with the candidates or the closest names. */
/** An ORG_UNKNOWN error naming a retired site gets the day it left the network. */
export function withSince(deps: Deps, e: RegistrationError): RegistrationError {
  if (e.code !== 'ORG_UNKNOWN' || !e.retired) return e
  const since = retiredSince(deps.repo.rosterHistory.history(), e.retired.id)
  return since ? { ...e, since } : e
}

function findOrg(deps: Deps, input: string, opts: { includeRetired?: boolean }): Found<Org> {
  if (!input) return { ok: false, reply: fail('SITE_MISSING') }
  const found = deps.repo.roster().lookup(input, opts)
  if (found.kind === 'found') return { ok: true, value: found.org }
  const text =
    found.kind === 'ambiguous'
      ? registrationError({ code: 'ORG_AMBIGUOUS', input, candidates: found.candidates })
      : registrationError(withSince(deps, { code: 'ORG_UNKNOWN', input, ...found }))
  return { ok: false, reply: [{ text }] }
}

function findSite(deps: Deps, input: string, opts: { includeRetired?: boolean }): Found<Site> {
  const found = findOrg(deps, input, opts)
  if (!found.ok) return found
  if (found.value.kind !== 'site') return { ok: false, reply: fail('NOT_A_SITE', { name: found.value.name }) }
  return { ok: true, value: found.value }
}

/** The scope policy applied for this actor, with the refusal sentence when it says no. */
function scopeFor(
  sender: Sender,
  command: string,
  word: string | undefined,
  use: ScopeUse,
): Found<ScopeChoice> {
  const d = resolveScope(sender.roles, word, use)
  if (d.ok) {
    const all = d.scopes.some((s) => s.kind === 'all')
    return { ok: true, value: { scopes: d.scopes, label: scopesLabel(d.scopes), named: d.named, all } }
  }
  if (d.code === 'SCOPE_UNKNOWN') return { ok: false, reply: fail('SCOPE_UNKNOWN', { word: d.word }) }
  if (d.code === 'SCOPE_NONE') return { ok: false, reply: fail('SCOPE_NONE', { command }) }
  return { ok: false, reply: notYours(command, scopeLabel(d.asked), d.mine) }
}

const notYours = (command: string, asked: string, mine: readonly Scope[]): Reply[] =>
  fail(mine.length > 0 ? 'SCOPE_NOT_YOURS' : 'SCOPE_NONE', { command, asked, mine: scopesLabel(mine) })

/** Builds the context of one message. `command` names what runs (for the refusal sentences). */
export function createContext(
  deps: Deps,
  incoming: Incoming,
  commands: CommandRegistryView,
  command = '',
  sender: Sender = senderOf(deps, incoming),
): CommandContext {
  const now = deps.clock()
  return {
    incoming,
    sender,
    deps,
    commands,
    now,
    get today() {
      return shanghaiDate(now)
    },
    ownSite() {
      const org = sender.org
      return org?.kind === 'site' && !org.retired ? org : undefined
    },
    site: (text, opts = {}) => findSite(deps, text, opts),
    org: (text, opts = {}) => findOrg(deps, text, opts),
    scope: (word, use) => scopeFor(sender, command, word, use),
    actFor(site) {
      if (sender.member?.orgId === site.id || actsFor(sender.roles, site)) return { ok: true, value: site }
      const mine = scopesOfSender(sender)
      // Someone without a role may keep their own site's records only.
      if (mine.length === 0) return { ok: false, reply: [{ text: SCOPE.notYours(site) }] }
      return { ok: false, reply: notYours(command, displayName(site), mine) }
    },
    fail,
  }
}

const scopesOfSender = (sender: Sender): Scope[] => {
  const d = resolveScope(sender.roles, undefined, 'act')
  return d.ok ? d.scopes : []
}
