/**
 * npm run bench: speed and memory of the paths that matter, against fixed targets.
 * Prints one row per measurement; exits 1 when a target is missed.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { builtinCommands } from '../commands/index.js'
import { createCore } from '../src/core/handle.js'
import type { Incoming } from '../src/core/types.js'
import { builtinRoster } from '../src/domain/roster-data.js'
import { Roster } from '../src/domain/roster.js'
import { createLogger } from '../src/logger.js'
import { openRepository } from '../storage/repository.js'

interface Row {
  what: string
  value: number
  unit: string
  target: number
  better: 'lower' | 'higher'
}
const rows: Row[] = []

const QUERIES = [
  '日新街道',
  '西岗日新',
  '医大一院',
  '大船',
  '西岗区',
  '辛赛子街道',
  '火星基地',
  '12',
  '金普团工委',
  '枫叶职院',
]

function benchLookup(): void {
  const { sites, lineOrgs } = builtinRoster()
  const roster = new Roster([...sites, ...lineOrgs])
  const n = 20_000
  const t0 = performance.now()
  for (let i = 0; i < n; i++) roster.lookup(QUERIES[i % QUERIES.length]!)
  const perOp = ((performance.now() - t0) / n) * 1000
  rows.push({
    what: 'roster lookup (mixed inputs)',
    value: perOp,
    unit: 'µs/op',
    target: 200,
    better: 'lower',
  })
}

async function benchRegistrationBurst(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gqf-bench-'))
  const repo = await openRepository(dir)
  const core = createCore(
    {
      repo,
      clock: () => new Date(),
      logger: createLogger('error'),
      directory: { roomMembers: async () => [] },
    },
    builtinCommands(),
  )
  const n = 2000
  const msg = (i: number): Incoming => ({
    id: `b${i}`,
    conversation: { kind: 'room', id: 'r@chatroom' },
    senderId: `wx${i}`,
    senderName: `昵称${i}`,
    text: `#注册 张${'三四五六七八九'[i % 7]}${'甲乙丙丁'[i % 4]} ${QUERIES[i % 4]} 妇联`,
    kind: 'text',
    mentionSelf: false,
    mentions: [],
    at: new Date(),
  })
  const writesBefore = repo.stores.core.writes
  const t0 = performance.now()
  const replies = await Promise.all(Array.from({ length: n }, (_, i) => core.handle(msg(i))))
  const ms = performance.now() - t0
  if (replies.some((r) => !r[0]?.text.includes('注册成功')))
    throw new Error('a registration failed in the bench')
  rows.push({
    what: `${n} registrations at once, acknowledged on disk`,
    value: ms,
    unit: 'ms',
    target: 3000,
    better: 'lower',
  })
  rows.push({
    what: 'disk writes for that burst (group commit)',
    value: repo.stores.core.writes - writesBefore,
    unit: 'writes',
    target: 50,
    better: 'lower',
  })
  const t1 = performance.now()
  for (let i = 0; i < 50; i++) await core.handle({ ...msg(i), id: `s${i}`, text: '#我的信息' })
  rows.push({
    what: 'one command round trip (#我的信息)',
    value: (performance.now() - t1) / 50,
    unit: 'ms',
    target: 5,
    better: 'lower',
  })
}

benchLookup()
await benchRegistrationBurst()
const rss = process.memoryUsage().rss / 1024 / 1024
rows.push({ what: 'resident memory after the runs', value: rss, unit: 'MiB', target: 300, better: 'lower' })

let failed = 0
console.log('measurement'.padEnd(48) + 'value'.padStart(12) + '  target')
for (const r of rows) {
  const ok = r.better === 'lower' ? r.value <= r.target : r.value >= r.target
  if (!ok) failed++
  const value = `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`
  console.log(
    `${ok ? '✓' : '✗'} ${r.what.padEnd(46)}${value.padStart(14)}  ${r.better === 'lower' ? '≤' : '≥'} ${r.target} ${r.unit}`,
  )
}
process.exit(failed > 0 ? 1 : 0)
