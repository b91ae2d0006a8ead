/**
 * npm run bench: speed and memory of the paths that matter, against fixed targets.
 * Prints one row per measurement; exits 1 when a target is missed.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
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

/** A report write with ten years of history on disk costs what it costs in the first month. */
async function benchReportWrites(): Promise<void> {
  const { ReportStore } = await import('../storage/report-store.js')
  const measure = async (store: Awaited<ReturnType<typeof ReportStore.open>>, month: string) => {
    const n = 30
    const t0 = performance.now()
    for (let i = 0; i < n; i++) {
      await store.add({
        month,
        orgId: `S${String((i % 30) + 1).padStart(2, '0')}`,
        submitterId: `wx${i}`,
        submitterName: '张三',
        onBehalf: false,
        via: 'text',
        title: '本月活动',
        text: '本月开展了“六有”阵地建设观摩活动，'.repeat(10),
        links: [],
        files: [],
        messageIds: [`m-${month}-${i}`],
        at: new Date().toISOString(),
        late: false,
        withdrawn: null,
      })
    }
    return (performance.now() - t0) / n
  }
  const fresh = await ReportStore.open(mkdtempSync(join(tmpdir(), 'gqf-bench-r1-')))
  const first = await measure(fresh, '2026-11')
  const dir = mkdtempSync(join(tmpdir(), 'gqf-bench-r10-'))
  const old = await ReportStore.open(dir)
  for (let y = 2017; y <= 2026; y++) {
    for (let m = 1; m <= 12; m++) await measure(old, `${y}-${String(m).padStart(2, '0')}`)
  }
  const t0 = performance.now()
  const reopened = await ReportStore.open(dir)
  const loadMs = performance.now() - t0
  const tenth = await measure(reopened, '2027-01')
  rows.push({
    what: 'report write, first month (per report)',
    value: first,
    unit: 'ms',
    target: 20,
    better: 'lower',
  })
  rows.push({
    what: 'report write, 3,600 reports of history',
    value: tenth,
    unit: 'ms',
    target: Math.ceil(first * 2 + 5),
    better: 'lower',
  })
  rows.push({
    what: 'loading ten years of reports at start',
    value: loadMs,
    unit: 'ms',
    target: 2000,
    better: 'lower',
  })
}

/** The Excel export of ten years of history, and the heatmap of a year. */
async function benchFiles(): Promise<void> {
  const { buildExport } = await import('../src/render/export-xlsx.js')
  const { renderHeatmap, renderHeatmapInWorker, closeHeatmapWorker } =
    await import('../src/render/heatmap.js')
  const { parsePeriod } = await import('../src/domain/periods.js')
  const { sampleHistory } = await import('./sample-data.js')
  const history = sampleHistory('2017-01', '2026-12', 6.5)
  const now = new Date('2026-12-20T02:00:00Z')
  const input = {
    period: parsePeriod('2017-2026')!,
    now,
    orgs: history.orgs,
    reports: history.reports,
    members: history.members,
    roleHolders: [],
    lateDays: 5,
  }
  // Warm up (module loading, JIT) on one month, so the figures are the export's own.
  await buildExport({ ...input, period: parsePeriod('2026-11')! })
  globalThis.gc?.()
  const rssBefore = process.memoryUsage().rss
  let rssPeak = rssBefore
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }, 5)
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const t0 = performance.now()
  const xlsx = await buildExport(input)
  const ms = performance.now() - t0
  delay.disable()
  clearInterval(sampler)
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  rows.push({
    what: `export of ten years (${history.reports.length} reports, ${(xlsx.length / 1e6).toFixed(1)} MB)`,
    value: ms,
    unit: 'ms',
    target: 2000,
    better: 'lower',
  })
  rows.push({
    what: 'extra memory during that export (peak RSS)',
    value: (rssPeak - rssBefore) / 1024 / 1024,
    unit: 'MiB',
    target: 200,
    better: 'lower',
  })
  rows.push({
    what: 'longest event-loop stall during that export',
    value: delay.max / 1e6,
    unit: 'ms',
    target: 100,
    better: 'lower',
  })
  const year = { period: parsePeriod('2026')!, now, sites: history.sites, reports: history.reports }
  const t2 = performance.now()
  await renderHeatmap(year)
  rows.push({
    what: 'heatmap of a year, first in the process',
    value: performance.now() - t2,
    unit: 'ms',
    target: 1500,
    better: 'lower',
  })
  const t1 = performance.now()
  await renderHeatmap(year)
  rows.push({
    what: 'heatmap of a year (PNG)',
    value: performance.now() - t1,
    unit: 'ms',
    target: 1000,
    better: 'lower',
  })
  // On the worker thread the main loop stays free, the worker's cold start included.
  const stall = monitorEventLoopDelay({ resolution: 5 })
  stall.enable()
  await renderHeatmapInWorker(year)
  await renderHeatmapInWorker(year)
  stall.disable()
  await closeHeatmapWorker()
  rows.push({
    what: 'longest stall while a worker draws two heatmaps',
    value: stall.max / 1e6,
    unit: 'ms',
    target: 100,
    better: 'lower',
  })
}

benchLookup()
await benchRegistrationBurst()
await benchReportWrites()
await benchFiles()
const rss = process.memoryUsage().rss / 1024 / 1024
rows.push({ what: 'resident memory after the runs', value: rss, unit: 'MiB', target: 300, better: 'lower' })

let failed = 0
console.log('measurement'.padEnd(48) + 'value'.padStart(12) + '  target')
for (const r of rows) {
  const ok = r.better === 'lower' ? r.value <= r.target : r.value >= r.target
  if (!ok) failed++
  const value = `${r.value.toFixed(r.value < 10 && r.unit !== 'writes' ? 2 : 0)} ${r.unit}`
  console.log(
    `${ok ? '✓' : '✗'} ${r.what.padEnd(46)}${value.padStart(14)}  ${r.better === 'lower' ? '≤' : '≥'} ${r.target} ${r.unit}`,
  )
}
process.exit(failed > 0 ? 1 : 0)
