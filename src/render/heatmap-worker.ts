/**
 * The worker thread behind chart-worker.ts: draws pictures off the main thread, one request at a
 * time, keeping its font and label caches between requests.
 */
import { parentPort } from 'node:worker_threads'
import type { ChartRequest, ChartResponse } from './chart-worker.js'
import { renderHeatmap } from './heatmap.js'
import { renderScoreChart } from './score-chart.js'

const draw = (req: ChartRequest): Promise<Buffer> =>
  req.kind === 'heatmap' ? renderHeatmap(req.input) : renderScoreChart(req.input)

parentPort?.on('message', (req: ChartRequest) => {
  draw(req).then(
    (png) => {
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
      parentPort!.postMessage({ id: req.id, png: bytes } satisfies ChartResponse)
    },
    (e: unknown) => parentPort!.postMessage({ id: req.id, error: String(e) } satisfies ChartResponse),
  )
})
