/**
 * The coordination room: found by its topic the first time (on login or ready, when a message comes
 * from it, or when the bot is invited into it), then bound and known by id ever after, since topics
 * change. Every other room is ignored.
 */
import type { Contact, Room, Wechaty } from 'wechaty'
import type { Repository } from '../core/ports.js'
import type { Directory, RoomMember } from '../core/types.js'
import type { Logger } from '../logger.js'

export interface RoomBindingDeps {
  repo: Pick<Repository, 'room' | 'bindRoom'>
  /** Topic to find the room by while it is not bound yet. */
  topic: string
  clock: () => Date
  logger: Logger
}

export class RoomBinding {
  private roomId: string | null
  private finding: Promise<void> | null = null

  constructor(private readonly deps: RoomBindingDeps) {
    this.roomId = deps.repo.room()?.id ?? null
  }

  /** The bound room's id; null until it is found. */
  id(): string | null {
    return this.roomId
  }

  async bind(room: Room): Promise<void> {
    const topic = await room.topic()
    this.roomId = room.id
    await this.deps.repo.bindRoom(room.id, topic, this.deps.clock())
    this.deps.logger.info('coordination room bound', { room: room.id, topic })
  }

  /** Looks the room up by topic unless it is bound; login and ready both call it: one search at a time. */
  find(bot: Wechaty): Promise<void> {
    this.finding ??= (async () => {
      if (this.roomId) return
      const room = await bot.Room.find({ topic: this.deps.topic })
      if (room && !this.roomId) await this.bind(room)
      else if (!room) {
        this.deps.logger.warn('coordination room not found yet; waiting for the bot to be in it', {
          topic: this.deps.topic,
        })
      }
    })().finally(() => (this.finding = null))
    return this.finding
  }

  /** A message came from `room`: binds it if none is bound and the topic is ours; true for the coordination room. */
  async admits(room: Room): Promise<boolean> {
    if (!this.roomId && (await room.topic()) === this.deps.topic) await this.bind(room)
    return room.id === this.roomId
  }

  /**
   * People joined `room`: if it is the bot itself, invited into the coordination room after start,
   * the room is bound now. True for the coordination room.
   */
  async joined(room: Room, invitees: Contact[], selfId: string): Promise<boolean> {
    if (!this.roomId && invitees.some((c) => c.id === selfId) && (await room.topic()) === this.deps.topic) {
      await this.bind(room)
    }
    return room.id === this.roomId
  }
}

/** The members of the bound room (the bot excepted), asked of WeChat, for the core's directory port. */
export function roomDirectory(bot: Wechaty, binding: RoomBinding): Directory {
  return {
    async roomMembers(): Promise<RoomMember[] | null> {
      const id = binding.id()
      if (!id) return null
      const room = await bot.Room.find({ id })
      if (!room) return null
      const members = await room.memberAll()
      return members.filter((c) => c.id !== bot.currentUser.id).map((c) => ({ id: c.id, name: c.name() }))
    },
  }
}
