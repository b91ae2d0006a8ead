/**
 * Preconditions: who may use a command, declared on it and checked by core before the arguments
 * are read. They compose (all must pass) and describe themselves for #帮助.
 */
import type { Org, Role } from '../domain/types.js'
import type { Precondition, Sender } from './types.js'

export type { Precondition }

export const registered: Precondition = { kind: 'registered' }
export const siteMember: Precondition = { kind: 'siteMember' }
export const role = (...roles: Role[]): Precondition => ({ kind: 'role', roles })

/** Why a command was refused: a code for the sentence table. */
export type Refusal =
  | { code: 'NEED_REGISTRATION' }
  | { code: 'NOT_A_SITE'; org: Org }
  | { code: 'SITE_RETIRED'; org: Org }
  | { code: 'NEED_ROLE'; command: string; roles: readonly Role[] }

export function check(pre: Precondition, sender: Sender, command: string): Refusal | null {
  switch (pre.kind) {
    case 'registered':
      return sender.member || sender.roles.length > 0 ? null : { code: 'NEED_REGISTRATION' }
    case 'siteMember': {
      const org = sender.org
      if (!sender.member || !org) return { code: 'NEED_REGISTRATION' }
      if (org.kind !== 'site') return { code: 'NOT_A_SITE', org }
      if (org.retired) return { code: 'SITE_RETIRED', org }
      return null
    }
    case 'role':
      return sender.roles.some((g) => pre.roles.includes(g.role))
        ? null
        : { code: 'NEED_ROLE', command, roles: pre.roles }
  }
}

/** The first refusal among the preconditions, or null when the sender may go on. */
export function firstRefusal(pres: readonly Precondition[], sender: Sender, command: string): Refusal | null {
  for (const pre of pres) {
    const r = check(pre, sender, command)
    if (r) return r
  }
  return null
}
