/**
 * The console group: the coordination room played in a terminal on wechaty-puppet-mock, with the
 * same plugin as real WeChat. You type as a member; /as switches who speaks.
 *
 * What the terminal shows is the conversation only: log lines go to a file (see main.ts); files the
 * bot sends are saved under DATA_DIR/console-files and named; `@名字` of a member becomes a real
 * mention of that contact, as WeChat sends it; the members of the last session (registered
 * console contacts in the store) are back in the room at start.
 */
import type { Repository } from '../core/ports.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { ConsoleIO } from './console-contacts.js'
import { ConsoleSession } from './console-session.js'

export {
  CONSOLE_HELP,
  contactId,
  isConsoleId,
  mentionsIn,
  onMockMessage,
  saveSentFile,
  type ConsoleIO,
  type MockPayload,
} from './console-contacts.js'

export interface ConsoleOptions {
  /** Where the log lines go (named at start); null when they are not written to a file. */
  logFile?: string | null
  io?: ConsoleIO
}

/** Plays the coordination room in the terminal until /quit, then exits the process. */
export async function runConsole(
  cfg: Config,
  repo: Repository,
  logger: Logger,
  opts: ConsoleOptions = {},
): Promise<void> {
  const session = new ConsoleSession(
    cfg,
    repo,
    logger,
    opts.io ?? { input: process.stdin, output: process.stdout },
  )
  await session.start(opts.logFile ?? null)
  await session.converse()
  await session.stop()
  process.exit(0)
}
