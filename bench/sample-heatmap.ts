/**
 * Writes docs/heatmap.png from constructed data: `npx tsx bench/sample-heatmap.ts`.
 */
import { writeFileSync } from 'node:fs'
import { parsePeriod } from '../src/domain/periods.js'
import { renderHeatmap } from '../src/render/heatmap.js'
import { sampleHistory } from './sample-data.js'

const { sites, reports } = sampleHistory('2026-01', '2026-11', 1.6)
const png = await renderHeatmap({
  period: parsePeriod('2026')!,
  now: new Date('2026-11-24T02:00:00Z'),
  sites,
  reports,
  trackingSince: '2026-03',
})
const out = new URL('../docs/heatmap.png', import.meta.url)
writeFileSync(out, png)
console.log(`${out.pathname}: ${png.length} bytes`)
