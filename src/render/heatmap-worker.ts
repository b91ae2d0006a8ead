/**
 * The worker thread behind `renderHeatmapInWorker`: renders heatmaps off the main thread, one
 * request at a time, keeping its font and label caches between requests.
 */
import { parentPort } from 'node:worker_threads'
import type { HeatmapInput } from './heatmap.js'
import { renderHeatmap } from './heatmap.js'

export interface HeatmapRequest {
  id: number
  input: HeatmapInput
}
export type HeatmapResponse = { id: number; png: Uint8Array } | { id: number; error: string }

parentPort?.on('message', (req: HeatmapRequest) => {
  renderHeatmap(req.input).then(
    (png) => {
      const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength)
      parentPort!.postMessage({ id: req.id, png: bytes } satisfies HeatmapResponse)
    },
    (e: unknown) => parentPort!.postMessage({ id: req.id, error: String(e) } satisfies HeatmapResponse),
  )
})
