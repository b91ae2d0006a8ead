import { M } from '../messages/zh.js'
import { parseCommand } from './parse.js'
import { allows } from './permissions.js'
import { CommandRegistry } from './registry.js'
import { ShareBuffer } from './share-buffer.js'
import { DEFAULT_REPORT_SETTINGS } from './types.js'
import { DEFAULT_REMINDER_SETTINGS } from '../domain/reminders.js'
import type { AnyCommand, CommandContext, Deps, Incoming, Reply, RoomMember, Sender } from './types.js'

/** What createCore needs; report settings and the share buffer have defaults. */
export type CoreDeps = Omit<Deps, 'settings' | 'shares' | 'reminderDefaults'> &
  Partial<Pick<Deps, 'settings' | 'shares' | 'reminderDefaults'>>

/** Handles a shared article, file or image (not a command). */
export type ShareHandler = (incoming: Incoming, sender: Sender, deps: Deps) => Promise<Reply[]>

export interface Core {
  /** The one entry point for an incoming message: returns the replies to send, in order. */
  handle(incoming: Incoming): Promise<Reply[]>
  /** People who joined the coordination room: one greeting for all of them, none for the already greeted. */
  greet(joined: RoomMember[]): Promise<Reply[]>
  registry: CommandRegistry
}

export function createCore(
  coreDeps: CoreDeps,
  commands: readonly AnyCommand[],
  onShare?: ShareHandler,
): Core {
  const settings = coreDeps.settings ?? DEFAULT_REPORT_SETTINGS
  const deps: Deps = {
    ...coreDeps,
    settings,
    shares: coreDeps.shares ?? new ShareBuffer(settings.shareWindowMs),
    reminderDefaults: coreDeps.reminderDefaults ?? DEFAULT_REMINDER_SETTINGS,
  }
  const registry = new CommandRegistry(commands)

  function senderOf(incoming: Incoming): Sender {
    return {
      id: incoming.senderId,
      wechatName: incoming.senderName,
      member: deps.repo.member(incoming.senderId),
      roles: deps.repo.roles(incoming.senderId),
    }
  }

  async function dispatch(incoming: Incoming, trace: { command?: string }): Promise<Reply[]> {
    if (incoming.kind !== 'text') {
      if (!incoming.share || !onShare) return []
      trace.command = `share:${incoming.kind}`
      return onShare(incoming, senderOf(incoming), deps)
    }
    const addressed = incoming.mentionSelf || incoming.conversation.kind === 'private'
    const parsed = parseCommand(incoming.text, addressed)
    if (!parsed) return []
    if (parsed.word === '') {
      return [{ text: parsed.hashed ? M.emptyCommand : M.privateHint }]
    }
    const cmd = registry.find(parsed.word)
    if (!cmd) {
      if (!parsed.hashed && incoming.conversation.kind === 'private') return [{ text: M.privateHint }]
      return [{ text: M.unknownCommand(parsed.word, registry.suggest(parsed.word)) }]
    }
    trace.command = cmd.name
    const sender = senderOf(incoming)
    if (!allows(cmd.permission, sender)) {
      const text =
        cmd.permission === 'member' || cmd.permission === 'anyone'
          ? M.needRegistration
          : M.needRole(cmd.name, cmd.permission)
      return [{ text }]
    }
    const args = cmd.args.safeParse({ tokens: parsed.tokens, rest: parsed.rest, mentions: incoming.mentions })
    if (!args.success) {
      const problem = args.error.issues[0]?.message ?? '格式不对。'
      return [{ text: M.badArgs(problem, cmd.usage, cmd.examples[0]) }]
    }
    const ctx: CommandContext = { incoming, sender, deps, commands: registry }
    return cmd.run(ctx, args.data)
  }

  return {
    registry,
    async handle(incoming) {
      const trace: { command?: string } = {}
      try {
        const replies = await dispatch(incoming, trace)
        if (trace.command) deps.logger.info('command', { msg: incoming.id, command: trace.command })
        return replies
      } catch (error) {
        deps.logger.error('handler failed', { msg: incoming.id, command: trace.command ?? '?', error })
        return [{ text: M.busy }]
      }
    },
    async greet(joined) {
      try {
        const fresh = await deps.repo.markGreeted(joined.map((j) => j.id))
        if (fresh.length === 0) return []
        return [{ text: M.greeting, mentionIds: fresh }]
      } catch (error) {
        deps.logger.error('greeting failed', { error })
        return []
      }
    },
  }
}
