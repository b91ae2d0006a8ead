import { M } from '../messages/zh.js'
import { refusalText } from '../messages/refusals.js'
import { DEFAULT_REMINDER_SETTINGS } from '../domain/reminders.js'
import { U } from '../messages/usability.js'
import { parseCommand, understand } from './parse.js'
import { firstRefusal } from './preconditions.js'
import { createContext, senderOf } from './context.js'
import { ShareWindow, type ShareClaimant } from './share-window.js'
import { CommandRegistry } from './registry.js'
import { DEFAULT_REPORT_SETTINGS } from './types.js'
import type { AnyCommand, Deps, Incoming, LocalKey, Reply, RoomMember } from './types.js'

/** What createCore needs; report settings, reminder defaults and the local state have defaults. */
export type CoreDeps = Omit<Deps, 'settings' | 'reminderDefaults' | 'local'> &
  Partial<Pick<Deps, 'settings' | 'reminderDefaults'>>

export interface Core {
  /** The one entry point for an incoming message: returns the replies to send, in order. */
  handle(incoming: Incoming): Promise<Reply[]>
  /** People who joined the coordination room: one greeting for all of them, none for the already greeted. */
  greet(joined: RoomMember[]): Promise<Reply[]>
  registry: CommandRegistry
  deps: Deps
}

export function createCore(
  coreDeps: CoreDeps,
  commands: readonly AnyCommand[],
  claimants: readonly ShareClaimant[] = [],
): Core {
  const locals = new Map<symbol, unknown>()
  const deps: Deps = {
    ...coreDeps,
    settings: coreDeps.settings ?? DEFAULT_REPORT_SETTINGS,
    reminderDefaults: coreDeps.reminderDefaults ?? DEFAULT_REMINDER_SETTINGS,
    local<T>(key: LocalKey<T>): T {
      if (!locals.has(key.id)) locals.set(key.id, key.init(deps))
      return locals.get(key.id) as T
    },
  }
  const registry = new CommandRegistry(commands)
  const shareWindow = new ShareWindow(claimants)

  async function dispatch(incoming: Incoming, trace: { command?: string }): Promise<Reply[]> {
    if (incoming.kind !== 'text') {
      if (!incoming.share) return []
      const kind = incoming.kind
      trace.command = 'share'
      return shareWindow.receive(createContext(deps, incoming, registry, 'share'), kind)
    }
    const addressed = incoming.mentionSelf || incoming.conversation.kind === 'private'
    const first = parseCommand(incoming.text, addressed)
    if (!first) return []
    if (first.word === '') {
      return [{ text: first.hashed ? M.emptyCommand : M.privateHint }]
    }
    const found = understand(registry, first, incoming.text)
    if (!found.ok) {
      // Words without # are never echoed back as a command the person did not type.
      if (!first.hashed) return [{ text: M.privateHint }]
      return [{ text: U.unknownCommand(first.word, registry.suggestions(first.word, 3)) }]
    }
    const { cmd, parsed } = found
    trace.command = cmd.name
    const sender = senderOf(deps, incoming)
    const refusal = firstRefusal(cmd.requires, sender, cmd.name)
    if (refusal) return [{ text: refusalText(refusal, cmd.category) }]
    const args = cmd.args.safeParse({ tokens: parsed.tokens, rest: parsed.rest, mentions: incoming.mentions })
    if (!args.success) {
      return [{ text: M.badArgs(args.error.issues[0]?.message, cmd.usage, cmd.examples[0]) }]
    }
    return cmd.run(createContext(deps, incoming, registry, cmd.name, sender), args.data)
  }

  return {
    registry,
    deps,
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
