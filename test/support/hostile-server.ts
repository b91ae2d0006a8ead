/**
 * A puppet service that sends what real servers send and the vanilla client does not expect:
 * Juzi's DIRTY payload types 7 and 8 (Tag, TagGroup), event types the protocol does not know
 * (28–34, as newer and Juzi servers emit), message types 17+, payloads with fields missing or not
 * JSON at all, and RPCs answered UNIMPLEMENTED. The world is the ordinary mock world (world.ts);
 * `hostile(world)` turns it hostile.
 */
import { puppet as grpcPuppet } from 'wechaty-grpc'
import type { World } from './world.js'

/** A heartbeat payload carrying this marker goes out as the raw event it describes. */
const RAW = '__raw_event__'

let patched = false

/**
 * Lets the mock send any event type with any payload. The server turns each puppet event into an
 * EventResponse (setType, then setPayload with the JSON): a payload carrying the marker replaces
 * both. Only this test's server process is affected.
 */
function allowRawEvents(): void {
  if (patched) return
  patched = true
  const proto = grpcPuppet.EventResponse.prototype
  const setPayload = proto.setPayload
  proto.setPayload = function (this: grpcPuppet.EventResponse, value: string) {
    if (value.includes(RAW)) {
      // The heartbeat payload is { data }, and data is the description.
      const outer = JSON.parse(value) as { data: string }
      const raw = JSON.parse(outer.data) as { type: number; payload: string }
      this.setType(raw.type as grpcPuppet.EventTypeMap[keyof grpcPuppet.EventTypeMap])
      return setPayload.call(this, raw.payload)
    }
    return setPayload.call(this, value)
  }
}

/** A gRPC status the server passes on as is: 12 UNIMPLEMENTED. */
const unimplemented = (method: string) => ({ code: 12, details: `${method} is not implemented` })

/** RPCs the hostile server does not implement; the bot calls the first on every @-mention. */
export const UNIMPLEMENTED_RPCS = ['roomMemberPayload', 'contactAlias', 'tagContactList'] as const

export interface Hostile {
  /** Sends every hostile event once (in the room's and the bot's conversations). */
  emitAll(): void
}

export function hostile(world: World): Hostile {
  allowRawEvents()
  const puppet = world.puppet as unknown as Record<string, unknown>
  for (const name of UNIMPLEMENTED_RPCS) {
    puppet[name] = () => Promise.reject(unimplemented(name))
  }
  const raw = (type: number, payload: string) =>
    world.puppet.emit('heartbeat', { data: JSON.stringify({ data: RAW, type, payload }) })
  const { mocker } = world.puppet
  const member = world.person('hostile-member', '捣乱的服务器')
  let n = 0
  const message = (payload: Record<string, unknown>) => {
    const id = `hostile-${++n}`
    mocker.cacheMessagePayload.set(id, { id, ...payload } as never)
    world.puppet.emit('message', { messageId: id })
  }
  return {
    emitAll() {
      const T = grpcPuppet.EventType
      const json = (o: unknown) => JSON.stringify(o)
      // Juzi's Tag and TagGroup dirty types, an unknown one, and dirty payloads missing fields.
      raw(T.EVENT_TYPE_DIRTY, json({ payloadType: 7, payloadId: 'tag-1' }))
      raw(T.EVENT_TYPE_DIRTY, json({ payloadType: 8, payloadId: 'tag-group-1' }))
      raw(T.EVENT_TYPE_DIRTY, json({ payloadType: 42, payloadId: 'x' }))
      raw(T.EVENT_TYPE_DIRTY, json({}))
      // Event types the vanilla protocol does not have.
      for (let type = 28; type <= 34; type++) raw(type, json({ data: `event ${type}` }))
      // Known event types whose payload is not JSON.
      raw(T.EVENT_TYPE_MESSAGE, 'not json')
      raw(T.EVENT_TYPE_DIRTY, '{"payloadType":')
      // Events missing their fields.
      raw(T.EVENT_TYPE_MESSAGE, json({}))
      raw(T.EVENT_TYPE_ROOM_JOIN, json({ roomId: world.room.id }))
      raw(T.EVENT_TYPE_ROOM_LEAVE, json({ roomId: world.room.id }))
      raw(T.EVENT_TYPE_ROOM_TOPIC, json({}))
      raw(T.EVENT_TYPE_ROOM_INVITE, json({}))
      raw(T.EVENT_TYPE_FRIENDSHIP, json({}))
      // Message types the protocol does not have (17+), from a member in the room and in private.
      message({
        type: 17,
        talkerId: member.id,
        roomId: world.room.id,
        text: '#我的信息',
        timestamp: Date.now(),
      })
      message({
        type: 99,
        talkerId: member.id,
        listenerId: world.botUser.id,
        text: '?',
        timestamp: Date.now(),
      })
      // Message payloads missing fields: no talker, no type, nothing at all.
      message({ type: 7, roomId: world.room.id, text: '#帮助', timestamp: Date.now() })
      message({ talkerId: member.id, roomId: world.room.id })
      message({})
    },
  }
}
