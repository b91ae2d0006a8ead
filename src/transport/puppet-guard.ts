/**
 * Nothing a puppet service sends may crash the bot. The service client turns every stream event into
 * a puppet event synchronously, inside the gRPC stream's `data` handler: a throw there (a payload
 * that is not JSON, wechaty-puppet's cache-mixin `onDirty` meeting a dirty type it has no function
 * for — Juzi's Tag 7 and TagGroup 8 — "dirtyFunc is not a function") is an uncaught exception that
 * ends the process. The guard wraps those entry points on the puppet instance:
 *
 * - events of a type the client's protocol does not know (newer or Juzi servers: 28–34 for the
 *   vanilla client) count as a sign of life and are otherwise ignored;
 * - known events whose payload is not JSON or lacks the fields the client reads are ignored;
 * - dirty payloads of an unknown type are ignored;
 * - message payloads of a type the puppet does not know (17+) are read as `Unknown` (0);
 * - an RPC the server answers with 12 UNIMPLEMENTED fails as before, for its caller to handle.
 *
 * Each kind of oddity is logged once per process (with its type or method), never its payload.
 */
import type { Logger } from '../logger.js'

/** What the guard needs to know about the client's protocol: event type number → puppet event name. */
export interface Protocol {
  eventNames: ReadonlyMap<number, string>
  /** Dirty payload types the client's cache can invalidate. */
  dirtyTypes: ReadonlySet<number>
  /** Message types the client's Wechaty understands. */
  messageTypes: ReadonlySet<number>
}

/** Fields a puppet event's payload must carry for the client (and Wechaty) to use it. */
const REQUIRED: Record<string, Record<string, 'string' | 'number' | 'array'>> = {
  message: { messageId: 'string' },
  dirty: { payloadType: 'number', payloadId: 'string' },
  login: { contactId: 'string' },
  friendship: { friendshipId: 'string' },
  'room-invite': { roomInvitationId: 'string' },
  'room-join': { roomId: 'string', inviteeIdList: 'array', inviterId: 'string' },
  'room-leave': { roomId: 'string', removeeIdList: 'array', removerId: 'string' },
  'room-topic': { roomId: 'string', changerId: 'string' },
  post: { postId: 'string' },
}

/** The name of a missing or mistyped field, or null when the payload has what the client reads. */
export function missingField(event: string, payload: unknown): string | null {
  const rule = REQUIRED[event]
  if (!rule) return null
  if (typeof payload !== 'object' || payload === null) return '(payload)'
  const record = payload as Record<string, unknown>
  for (const [field, kind] of Object.entries(rule)) {
    const v = record[field]
    const ok = kind === 'array' ? Array.isArray(v) : typeof v === kind && (kind !== 'string' || v !== '')
    if (!ok) return field
  }
  return null
}

/** gRPC status 12: the server does not implement the method. */
export function isUnimplemented(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  const r = e as { code?: unknown; message?: unknown }
  return r.code === 12 || (typeof r.message === 'string' && /\bUNIMPLEMENTED\b/.test(r.message))
}

interface StreamEvent {
  getType(): number
  getPayload(): string
}

type AnyFn = (...args: unknown[]) => unknown

/** Methods of the client that are not RPCs (or are guarded separately). */
const NOT_RPC = new Set([
  'constructor',
  'onGrpcStreamEvent',
  'start',
  'stop',
  'onStart',
  'onStop',
  'name',
  'version',
])

export interface GuardCounts {
  /** Oddities ignored so far, by kind (`event 31`, `dirty 7`, `rpc contactAlias`, …). */
  readonly ignored: ReadonlyMap<string, number>
}

/**
 * Guards a puppet-service client instance (call before `start()`); returns what it has ignored.
 * `puppet` is the client object (either flavour); only its own methods are replaced.
 */
export function guardPuppet(puppet: object, protocol: Protocol, logger: Logger): GuardCounts {
  const target = puppet as Target
  const { note, ignored } = oncePerKind(logger)
  const method = (name: string): AnyFn | undefined => {
    const v = target[name]
    return typeof v === 'function' ? (v as AnyFn).bind(puppet) : undefined
  }
  guardStream(target, method('onGrpcStreamEvent'), protocol, note)
  guardDirty(target, method('onDirty'), note)
  guardMessageTypes(target, method('messagePayload'), protocol, note)
  guardRpcs(puppet, target, note)
  return { ignored }
}

/** The client instance, whose methods the guard replaces. */
type Target = Record<string, unknown> & { emit(event: string, payload: unknown): boolean }

/** Counts an oddity of one kind; the first of each kind is logged (without its payload). */
type Note = (key: string, message: string, fields?: Record<string, unknown>) => void

/** The counter of oddities by kind, and the note that counts one and logs each kind once. */
function oncePerKind(logger: Logger): { note: Note; ignored: Map<string, number> } {
  const ignored = new Map<string, number>()
  const note: Note = (key, message, fields = {}) => {
    const n = (ignored.get(key) ?? 0) + 1
    ignored.set(key, n)
    if (n === 1) logger.warn(message, { ...fields, repeats: 'logged once' })
  }
  return { note, ignored }
}

/** The first line of an error's message, for the log. */
const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]

/** An event the guard ignores: how it is counted and logged, and the heartbeat it stands for. */
interface Oddity {
  key: string
  message: string
  fields: Record<string, unknown>
  heartbeat: string
}

/**
 * Why a stream event is ignored, or null when the client may read it: a type the client does not
 * know, a payload without a field the client reads, a dirty payload of a type it cannot apply.
 * Throws when the payload is not JSON.
 */
function oddity(
  type: number,
  name: string | undefined,
  payloadText: () => string,
  protocol: Protocol,
): Oddity | null {
  if (name === undefined)
    return {
      key: `event ${type}`,
      message: 'puppet service sent an event type this client does not know; ignored',
      fields: { type },
      heartbeat: `unknown event ${type}`,
    }
  if (name === 'heartbeat' || name === 'unspecified' || name === 'reset') return null
  const payload: unknown = JSON.parse(payloadText())
  const missing = missingField(name, payload)
  if (missing)
    return {
      key: `event ${name} ${missing}`,
      message: 'puppet service sent an event without a field it needs; ignored',
      fields: { event: name, field: missing },
      heartbeat: `incomplete ${name}`,
    }
  const t = name === 'dirty' ? (payload as { payloadType: number }).payloadType : null
  if (t !== null && !protocol.dirtyTypes.has(t))
    return {
      key: `dirty ${t}`,
      message: 'puppet service sent a dirty payload of a type this client does not know; ignored',
      fields: { payloadType: t },
      heartbeat: `unknown dirty ${t}`,
    }
  return null
}

/** The stream's events: odd ones become a heartbeat (a sign of life), unreadable ones are dropped. */
function guardStream(target: Target, onEvent: AnyFn | undefined, protocol: Protocol, note: Note): void {
  if (!onEvent) return
  target['onGrpcStreamEvent'] = (event: StreamEvent) => {
    let type = -1
    let name: string | undefined
    try {
      type = event.getType()
      name = protocol.eventNames.get(type)
      const odd = oddity(type, name, () => event.getPayload(), protocol)
      if (odd) {
        note(odd.key, odd.message, odd.fields)
        target.emit('heartbeat', { data: odd.heartbeat })
        return
      }
      onEvent(event)
    } catch (e) {
      note(
        `event ${name ?? type} unreadable`,
        'puppet service sent an event the client could not read; ignored',
        {
          event: name ?? type,
          error: firstLine(e),
        },
      )
    }
  }
}

/** The cache's own dirty listener (also reached by dirty events the puppet emits itself): a throw is dropped. */
function guardDirty(target: Target, onDirty: AnyFn | undefined, note: Note): void {
  if (!onDirty) return
  target['onDirty'] = (payload: { payloadType?: unknown }) => {
    try {
      onDirty(payload)
    } catch (e) {
      note(`dirty ${String(payload?.payloadType)}`, 'could not apply a dirty payload; ignored', {
        payloadType: payload?.payloadType,
        error: firstLine(e),
      })
    }
  }
}

/** Message payloads of a type the client's Wechaty does not know are read as Unknown (0). */
function guardMessageTypes(
  target: Target,
  messagePayload: AnyFn | undefined,
  protocol: Protocol,
  note: Note,
): void {
  if (!messagePayload) return
  target['messagePayload'] = async (id: unknown) => {
    const p = (await messagePayload(id)) as { type?: unknown } | undefined
    if (p && typeof p.type === 'number' && !protocol.messageTypes.has(p.type)) {
      note(
        `message type ${p.type}`,
        'puppet service sent a message type this client does not know; read as Unknown',
        { type: p.type },
      )
      return { ...p, type: 0 }
    }
    return p
  }
}

/** RPCs (the client's own prototype methods that return promises): UNIMPLEMENTED is noted, then thrown as before. */
function guardRpcs(puppet: object, target: Target, note: Note): void {
  const proto = Object.getPrototypeOf(puppet) as object
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (NOT_RPC.has(name) || name.startsWith('_')) continue
    const d = Object.getOwnPropertyDescriptor(proto, name)
    if (!d || typeof d.value !== 'function' || Object.prototype.hasOwnProperty.call(target, name)) continue
    const fn = (d.value as AnyFn).bind(puppet)
    target[name] = (...args: unknown[]) => {
      const r = fn(...args)
      if (!(r instanceof Promise)) return r
      return r.catch((e: unknown) => {
        if (isUnimplemented(e))
          note(`rpc ${name}`, 'puppet service does not implement this call', { method: name })
        throw e
      })
    }
  }
}
