import { CORE } from '../messages/core.js'
import { refusalText } from '../messages/refusals.js'
import { DEFAULT_REMINDER_SETTINGS } from '../domain/reminders.js'
import { parseCommand, understand } from './parse.js'
import { firstRefusal } from './preconditions.js'
import { createContext, senderOf } from './context.js'
import { ShareWindow, type ShareClaimant, type ShareKind } from './share-window.js'
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

/** Builds the core: the deps with their defaults and local state, the command registry and the share window. */
export function createCore(
  coreDeps: CoreDeps,
  commands: readonly AnyCommand[],
  claimants: readonly ShareClaimant[] = [],
): Core {
  const deps = withDefaults(coreDeps)
  const registry = new CommandRegistry(commands)
  const parts: Parts = { deps, registry, shareWindow: new ShareWindow(claimants) }
  async function dispatch(incoming: Incoming, trace: Trace): Promise<Reply[]> {
    if (incoming.kind === 'text') return dispatchText(parts, incoming, trace)
    return dispatchShare(parts, incoming, incoming.kind, trace)
  }
  return {
    registry,
    deps,
    async handle(incoming) {
      const trace: Trace = {}
      try {
        const replies = await dispatch(incoming, trace)
        if (trace.command) deps.logger.info('command', { msg: incoming.id, command: trace.command })
        return replies
      } catch (error) {
        deps.logger.error('handler failed', { msg: incoming.id, command: trace.command ?? '?', error })
        return [{ text: CORE.busy }]
      }
    },
    greet: (joined) => greet(deps, joined),
  }
}

/** What the core is made of: the deps, the commands, the share window. */
interface Parts {
  deps: Deps
  registry: CommandRegistry
  shareWindow: ShareWindow
}

/** What ran for a message, for the log line after it. */
type Trace = { command?: string }

/** A command found for a text, with its parsed arguments. */
type Understood = Extract<ReturnType<typeof understand>, { ok: true }>

/** The deps with report settings and reminder defaults filled in, and the bot's local state (`deps.local`). */
function withDefaults(coreDeps: CoreDeps): Deps {
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
  return deps
}

/** A share (article, file, picture) goes to the feature that claims it in the share window; else silence. */
function dispatchShare(
  { deps, registry, shareWindow }: Parts,
  incoming: Incoming,
  kind: ShareKind,
  trace: Trace,
): Promise<Reply[]> | Reply[] {
  if (!incoming.share) return []
  trace.command = 'share'
  return shareWindow.receive(createContext(deps, incoming, registry, 'share'), kind)
}

/** A text: parse the command word → find the command (or say what was meant) → run it. */
function dispatchText(parts: Parts, incoming: Incoming, trace: Trace): Promise<Reply[]> | Reply[] {
  const addressed = incoming.mentionSelf || incoming.conversation.kind === 'private'
  const first = parseCommand(incoming.text, addressed)
  if (!first) return []
  if (first.word === '') {
    return [{ text: first.hashed ? CORE.emptyCommand : CORE.privateHint }]
  }
  const { registry } = parts
  const found = understand(registry, first, incoming.text)
  if (!found.ok) {
    // Words without # are never echoed back as a command the person did not type.
    if (!first.hashed) return [{ text: CORE.privateHint }]
    return [{ text: CORE.unknownCommand(first.word, registry.suggestions(first.word, 3)) }]
  }
  trace.command = found.cmd.name
  return runCommand(parts, incoming, found)
}

/** A command found: its preconditions (the first refusal), its zod arguments, then run(ctx, args). */
function runCommand(
  { deps, registry }: Parts,
  incoming: Incoming,
  { cmd, parsed }: Understood,
): Promise<Reply[]> | Reply[] {
  const sender = senderOf(deps, incoming)
  const refusal = firstRefusal(cmd.requires, sender, cmd.name)
  if (refusal)
    return [{ text: refusalText(refusal, cmd.category, { roles: sender.roles, command: cmd.name }) }]
  const args = cmd.args.safeParse({ tokens: parsed.tokens, rest: parsed.rest, mentions: incoming.mentions })
  if (!args.success) {
    return [{ text: CORE.badArgs(args.error.issues[0]?.message, cmd.usage, cmd.examples[0]) }]
  }
  return cmd.run(createContext(deps, incoming, registry, cmd.name, sender), args.data)
}

/** People who joined the room: one greeting for all not greeted before (a failed write greets nobody). */
async function greet(deps: Deps, joined: RoomMember[]): Promise<Reply[]> {
  try {
    const fresh = await deps.repo.markGreeted(joined.map((j) => j.id))
    if (fresh.length === 0) return []
    return [{ text: CORE.greeting, mentionIds: fresh }]
  } catch (error) {
    deps.logger.error('greeting failed', { error })
    return []
  }
}
