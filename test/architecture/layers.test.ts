import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: process.cwd() })

/** The layer rule's messages for a file at `filePath` holding `code`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layers, as the linter holds them', () => {
  it('keeps the domain pure', async () => {
    expect(
      await layerErrors('src/domain/x.ts', "import { M } from '../messages/zh.js'\nexport const x = M\n"),
    ).toHaveLength(1)
    expect(
      await layerErrors('src/domain/x.ts', "import { Low } from 'lowdb'\nexport const x = Low\n"),
    ).toHaveLength(1)
    expect(
      await layerErrors(
        'src/domain/x.ts',
        "import { monthOf } from './calendar.js'\nexport const x = monthOf\n",
      ),
    ).toEqual([])
  })

  it('keeps commands off storage, the transport, the scheduler and Wechaty', async () => {
    const bad = [
      "import { openRepository } from '../storage/repository.js'",
      "import { Outbox } from '../src/transport/outbox.js'",
      "import { ReminderScheduler } from '../src/scheduler/reminders.js'",
      "import { WechatyBuilder } from 'wechaty'",
    ]
    for (const line of bad)
      expect(await layerErrors('commands/x.ts', `${line}\nexport const y = 1\n`)).toHaveLength(1)
    expect(
      await layerErrors(
        'commands/x.ts',
        "import { defineCommand } from '../src/core/types.js'\nexport const y = defineCommand\n",
      ),
    ).toEqual([])
  })

  it('keeps core free of adapters', async () => {
    expect(
      await layerErrors(
        'src/core/x.ts',
        "import { ReportStore } from '../../storage/report-store.js'\nexport const z = ReportStore\n",
      ),
    ).toHaveLength(1)
    expect(
      await layerErrors('src/core/x.ts', "import cron from 'node-cron'\nexport const z = cron\n"),
    ).toHaveLength(1)
  })

  it('lets storage implement the ports but not reach up', async () => {
    expect(
      await layerErrors(
        'storage/x.ts',
        "import type { Repository } from '../src/core/ports.js'\nexport type R = Repository\n",
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        'storage/x.ts',
        "import { COMMANDS } from '../commands/index.js'\nexport const c = COMMANDS\n",
      ),
    ).toHaveLength(1)
  })
})
