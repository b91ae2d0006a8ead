/**
 * Which puppet-service client the bot uses, chosen by WECHATY_PUPPET:
 *
 * - `wechaty-puppet-service` (default): the open-source client, for any vanilla puppet-service
 *   endpoint or a `wechaty gateway` in front of any puppet;
 * - `@juzi/wechaty-puppet-service`: Juzi's fork, for WorkPro (企业微信) tokens; an optional
 *   dependency, imported only when chosen.
 *
 * Each flavour lives in its own module and is imported on demand, so a process constructs one
 * client and loads one flavour's gRPC stubs for it. (Wechaty's own index imports the vanilla stubs
 * for its IoClient, which the bot never uses; Juzi's stubs, imported after them, take the shared
 * protobuf namespace, and no vanilla RPC is made in that process.)
 */
import type { Logger } from '../logger.js'
import type { BrologLike } from '../wechaty-log.js'
import type { Protocol } from './puppet-guard.js'

export const FLAVOURS = ['wechaty-puppet-service', '@juzi/wechaty-puppet-service'] as const
export type FlavourName = (typeof FLAVOURS)[number]

export interface ClientOptions {
  token: string | undefined
  endpoint: string | undefined
  /** TLS off (WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT); the Juzi flavour always turns it off. */
  noTls: boolean
}

/** Where an operator is told about something that needs them (the alert channel), e.g. a verify code. */
export interface Notifier {
  notify(event: string, text: string): void
}

export interface Flavour {
  name: FlavourName
  /** The client's protocol, for the guard (src/transport/puppet-guard.ts). */
  protocol: Protocol
  /** Brolog instances of this client that Wechaty's own routing does not reach. */
  loggers: readonly BrologLike[]
  /** Whether this client prints message texts at INFO (they are then shown only at verbose). */
  textsAtInfo: boolean
  /** Builds the client (a Wechaty puppet). */
  createPuppet(options: ClientOptions, logger: Logger): object
}

/** `EVENT_TYPE_ROOM_JOIN` → `room-join`, for every entry of a gRPC EventType enum. */
export function eventNames(eventType: Record<string, number>): Map<number, string> {
  return new Map(
    Object.entries(eventType).map(([key, n]) => [
      n,
      key
        .replace(/^EVENT_TYPE_/, '')
        .toLowerCase()
        .replace(/_/g, '-'),
    ]),
  )
}

/** The numeric values of a TypeScript enum object. */
export function enumValues(e: Record<string, string | number>): Set<number> {
  return new Set(Object.values(e).filter((v): v is number => typeof v === 'number'))
}
