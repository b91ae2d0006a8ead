/**
 * Warm start: the first `#上报` after a start used to take ~0.7 s and the first `#未报` ~0.6 s
 * (modules loaded on first use, cold code paths). Before the bot says it is ready, the real
 * handler runs the first commands once on a scratch store in memory (a report with its receipt,
 * the tally, `#未报`). Nothing is sent and nothing touches the real store.
 */
import { holidayCalendar } from './calendar/chinese-days.js'
import { createCore } from './core/handle.js'
import type { ShareClaimant } from './core/share-window.js'
import type { AnyCommand, Incoming, ReportSettings } from './core/types.js'
import type { ReminderSettings } from './domain/reminders.js'
import { INTENTS, LINE_WORDS } from './domain/vocabulary.js'
import { createLogger, type Logger } from './logger.js'
import { openRepository } from '../storage/repository.js'

export interface WarmUpParts {
  commands: readonly AnyCommand[]
  shareClaimants: readonly ShareClaimant[]
  settings: ReportSettings
  reminderDefaults: ReminderSettings
  clock: () => Date
  logger: Logger
}

const WHO = 'warm-up'
const ROOM = 'warm-up@chatroom'

/** Never throws: a warm-up that fails only costs the first message its speed (and is logged). */
export async function warmUp(parts: WarmUpParts): Promise<void> {
  try {
    await run(parts)
  } catch (error) {
    parts.logger.warn('warm-up failed; the first command may be slow', { error })
  }
}

/**
 * The script, taken from the declarations so it follows the commands wherever they live: the
 * first example of every report command (#上报 files a report, with its receipt and the city's
 * tally), then the commands people ask for in plain words (#未报, #统计, #进度 …), by a member who
 * is also an admin.
 */
function script(commands: readonly AnyCommand[]): string[] {
  const reporting = commands.filter((c) => c.category === 'report').flatMap((c) => c.examples.slice(0, 1))
  const asked = [...new Set(INTENTS.map((i) => i.command))].map((name) => `#${name}`)
  return [...reporting, ...asked]
}

async function run(parts: WarmUpParts): Promise<void> {
  const now = parts.clock()
  const repo = await openRepository(null, now)
  const site = repo.roster().sites()[0]
  if (!site) return
  await repo.register(WHO, { name: WHO, orgId: site.id, line: LINE_WORDS[0], wechatName: WHO }, now)
  await repo.grant(WHO, { role: 'admin' }, WHO, now)
  const core = createCore(
    {
      repo,
      clock: parts.clock,
      logger: createLogger('error', () => undefined),
      directory: { roomMembers: async () => [{ id: WHO, name: WHO }] },
      settings: parts.settings,
      reminderDefaults: parts.reminderDefaults,
      calendar: holidayCalendar(repo.holidays),
    },
    parts.commands,
    parts.shareClaimants,
  )
  let n = 0
  for (const text of script(parts.commands)) {
    const incoming: Incoming = {
      id: `warm-up-${++n}`,
      conversation: { kind: 'room', id: ROOM },
      senderId: WHO,
      senderName: WHO,
      text,
      kind: 'text',
      mentionSelf: false,
      mentions: [],
      at: parts.clock(),
    }
    await core.handle(incoming)
  }
}
