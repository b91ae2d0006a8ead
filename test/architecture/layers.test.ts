import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
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

/** Every folder (and top-level file group) holding modules: src/*, src/<dir>, commands/*, commands/<feature>, storage, scripts. */
function moduleFolders(): string[] {
  const folders = new Set<string>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else if (name.endsWith('.ts')) folders.add(dir)
    }
  }
  for (const root of ['src', 'commands', 'storage', 'scripts']) walk(root)
  return [...folders].sort()
}

describe('the layer rules cover the project', () => {
  it('give every folder of src/, commands/, storage/ and scripts/ a rule of its own', async () => {
    const folders = moduleFolders()
    expect(folders).toEqual(
      expect.arrayContaining(['src/ops', 'src/calendar', 'src/console', 'commands/records']),
    )
    const uncovered: string[] = []
    for (const folder of folders) {
      const config = (await eslint.calculateConfigForFile(join(folder, 'any.ts'))) as {
        rules?: Record<string, unknown>
      }
      const rule = config.rules?.['no-restricted-imports'] as
        [number | string, { patterns?: unknown[] }] | undefined
      if (!rule || rule[0] === 0 || rule[0] === 'off' || (rule[1]?.patterns ?? []).length === 0)
        uncovered.push(folder)
    }
    expect(uncovered).toEqual([])
  })
})

describe('features, as the linter holds them', () => {
  it('keeps a feature out of another feature’s files: only its index.ts or a shared module', async () => {
    const at = 'commands/records/x.ts'
    expect(
      await layerErrors(at, "import { report } from '../reporting/report.js'\nexport const r = report\n"),
    ).toHaveLength(1)
    expect(
      await layerErrors(at, "import { COMMANDS } from '../index.js'\nexport const c = COMMANDS\n"),
    ).toHaveLength(1)
    expect(
      await layerErrors(
        at,
        "import { reportingFeature } from '../reporting/index.js'\nexport const f = reportingFeature\n",
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        at,
        "import { SHARES } from '../reporting/share-buffer.js'\nexport const s = SHARES\n",
      ),
    ).toEqual([])
    expect(await layerErrors(at, "import { plan } from './plan.js'\nexport const p = plan\n")).toEqual([])
    expect(
      await layerErrors(
        'commands/assessment/x.ts',
        "import { recordTarget } from '../records/record-site.js'\nexport const t = recordTarget\n",
      ),
    ).toEqual([])
    expect(
      await layerErrors(
        'commands/assessment/x.ts',
        "import { plan } from '../records/plan.js'\nexport const p = plan\n",
      ),
    ).toHaveLength(1)
  })

  it('lets the feature list take each feature through its index.ts only', async () => {
    expect(
      await layerErrors(
        'commands/index.ts',
        "import { plan } from './records/plan.js'\nexport const p = plan\n",
      ),
    ).toHaveLength(1)
    expect(
      await layerErrors(
        'commands/index.ts',
        "import { recordsFeature } from './records/index.js'\nexport const f = recordsFeature\n",
      ),
    ).toEqual([])
  })

  it('keeps commands off src/ops and src/calendar', async () => {
    for (const line of [
      "import { Metrics } from '../../src/ops/metrics.js'",
      "import { holidayCalendar } from '../../src/calendar/chinese-days.js'",
    ])
      expect(await layerErrors('commands/records/x.ts', `${line}\nexport const y = 1\n`)).toHaveLength(1)
  })
})

describe('src/ and commands/, as the linter holds them', () => {
  const FEATURE_LIST =
    "import { builtinCommands } from '../commands/index.js'\nexport const b = builtinCommands\n"
  const A_FEATURE = "import { plan } from '../commands/records/plan.js'\nexport const p = plan\n"

  it('lets only the composition root (and the package entry) install the feature list, and neither reach into a feature', async () => {
    expect(await layerErrors('src/compose.ts', FEATURE_LIST)).toEqual([])
    expect(await layerErrors('src/index.ts', FEATURE_LIST)).toEqual([])
    expect(await layerErrors('src/compose.ts', A_FEATURE)).toHaveLength(1)
    for (const file of ['src/plugin.ts', 'src/main.ts', 'src/warm-up.ts'])
      expect(await layerErrors(file, FEATURE_LIST)).toHaveLength(1)
  })

  it('lets the scripts show a feature’s sentences, but take its commands only from the list', async () => {
    const sentences = "import { FILES } from '../commands/files/sentences.js'\nexport const f = FILES\n"
    expect(await layerErrors('scripts/x.ts', sentences)).toEqual([])
    expect(await layerErrors('scripts/x.ts', A_FEATURE)).toHaveLength(1)
  })

  it('keeps every src/ folder off commands/', async () => {
    const deep =
      "import { builtinCommands } from '../../commands/index.js'\nexport const b = builtinCommands\n"
    for (const folder of [
      'core',
      'messages',
      'domain',
      'transport',
      'scheduler',
      'render',
      'ops',
      'calendar',
      'console',
    ])
      expect(await layerErrors(`src/${folder}/x.ts`, deep), folder).toHaveLength(1)
  })

  it('keeps the adapters apart: calendar, render, scheduler, transport, ops, storage', async () => {
    const cases: [string, string][] = [
      ['src/calendar/x.ts', "import { openRepository } from '../../storage/repository.js'"],
      ['src/render/x.ts', "import { Outbox } from '../transport/outbox.js'"],
      ['src/scheduler/x.ts', "import { Outbox } from '../transport/outbox.js'"],
      ['src/transport/x.ts', "import { ReminderScheduler } from '../scheduler/reminders.js'"],
      ['src/ops/x.ts', "import { openRepository } from '../../storage/repository.js'"],
      ['storage/x.ts', "import { Metrics } from '../src/ops/metrics.js'"],
      ['src/transport/x.ts', "import { Low } from 'lowdb'"],
    ]
    for (const [file, line] of cases)
      expect(await layerErrors(file, `${line}\nexport const y = 1\n`), file).toHaveLength(1)
    // What each may use: the scheduler its timers, the transport Wechaty, ops the composition's observer.
    expect(
      await layerErrors('src/scheduler/x.ts', "import cron from 'node-cron'\nexport const c = cron\n"),
    ).toEqual([])
    expect(
      await layerErrors('src/transport/x.ts', "import { Wechaty } from 'wechaty'\nexport type W = Wechaty\n"),
    ).toEqual([])
    expect(
      await layerErrors(
        'src/ops/x.ts',
        "import type { AppObserver } from '../compose.js'\nexport type O = AppObserver\n",
      ),
    ).toEqual([])
  })
})
