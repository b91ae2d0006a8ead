/**
 * Pictures drawn on a worker thread (heatmap-worker.ts), so the seconds of font layout never
 * hold up the bot's messages. One worker serves every call, in order; it does not keep the
 * process alive.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { HeatmapInput } from './heatmap.js'
import type { ScoreChartInput } from './score-chart.js'

export type ChartRequest =
  | { id: number; kind: 'heatmap'; input: HeatmapInput }
  | { id: number; kind: 'scores'; input: ScoreChartInput }
export type ChartResponse = { id: number; png: Uint8Array } | { id: number; error: string }
type Job = { kind: 'heatmap'; input: HeatmapInput } | { kind: 'scores'; input: ScoreChartInput }

let worker: Worker | null = null
let nextId = 1
const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>()

/** The worker, started on first use; under tsx (a .ts module) it gets tsx's loader too. */
function chartWorker(): Worker {
  if (worker) return worker
  const ts = import.meta.url.endsWith('.ts')
  const url = new URL(`./heatmap-worker.${ts ? 'ts' : 'js'}`, import.meta.url)
  // From TypeScript sources (tsx, vitest) the worker registers tsx's loader before importing.
  // (resolved through require, which finds tsx's CommonJS build; its ES module sits beside it.)
  const tsx = ts
    ? pathToFileURL(
        createRequire(import.meta.url)
          .resolve('tsx/esm/api')
          .replace(/\.cjs$/, '.mjs'),
      ).href
    : ''
  const w = ts
    ? new Worker(
        `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(url.href)}) })`,
        { eval: true },
      )
    : new Worker(url)
  w.unref()
  w.on('message', (res: ChartResponse) => {
    const p = waiting.get(res.id)
    waiting.delete(res.id)
    if ('png' in res) p?.resolve(Buffer.from(res.png.buffer, res.png.byteOffset, res.png.byteLength))
    else p?.reject(new Error(res.error))
  })
  const fail = (e: Error) => {
    for (const p of waiting.values()) p.reject(e)
    waiting.clear()
    worker = null
  }
  w.on('error', fail)
  w.on('exit', (code) => fail(new Error(`chart worker exited (${code})`)))
  return (worker = w)
}

function post(job: Job): Promise<Buffer> {
  const w = chartWorker()
  const id = nextId++
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ id, ...job } as ChartRequest)
  })
}

/** `renderHeatmap` on the worker thread. */
export function renderHeatmapInWorker(input: HeatmapInput): Promise<Buffer> {
  // Only the period's reports cross over: copying ten years of them would stall this thread.
  const { from, to } = input.period
  const reports = input.reports.filter((r) => r.month >= from && r.month <= to)
  return post({ kind: 'heatmap', input: { ...input, reports } })
}

/** `renderScoreChart` on the worker thread. */
export function renderScoreChartInWorker(input: ScoreChartInput): Promise<Buffer> {
  return post({ kind: 'scores', input })
}

/** Stops the worker (at shutdown, or in tests). */
export async function closeHeatmapWorker(): Promise<void> {
  const w = worker
  worker = null
  if (w) await w.terminate()
}
