import { afterAll, describe, expect, it } from 'vitest'
import { closeHeatmapWorker, renderScoreChartInWorker } from '../../src/render/chart-worker.js'
import {
  renderScoreChart,
  scoreChartSvg,
  scoreLayout,
  VERDICT_COLORS,
  type ScoreChartInput,
} from '../../src/render/score-chart.js'
import { decodePng } from '../support/png.js'

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
const input: ScoreChartInput = {
  period: '2026-H2',
  scope: '全市',
  asOf: '2026-12-01',
  thresholds: { excellent: 90, pass: 75, warning: 60 },
  sites: [
    { name: '大船', group: '第一组', score: 72, verdict: '预警' },
    { name: '日新街道', group: '第二组', score: 95, verdict: '优秀' },
    { name: '望海社区', group: '第二组', score: 80, verdict: '合格' },
    { name: '春柳', group: '第三组', score: 91.5, verdict: '优秀' },
    { name: '泉水', group: '第三组', score: 40, verdict: '建议调整' },
    { name: '金州', group: '第一组', score: 88, verdict: '合格' },
  ],
}

describe('the scores picture', async () => {
  const L = scoreLayout(input)
  const png = decodePng(await renderScoreChart(input))
  /** A point inside a site's bar, near its start. */
  const inBar = (name: string) => {
    const row = L.rows.findIndex((r) => r.kind === 'site' && r.name === name)
    return png
      .pixel(L.grid.left + 8, L.grid.top + row * L.grid.rowH + Math.round(L.grid.rowH / 2))
      .slice(0, 3)
  }

  it('groups the sites by verdict, best first, and sorts each group by score', () => {
    expect(L.rows.map((r) => (r.kind === 'band' ? `[${r.verdict}]` : r.name))).toEqual([
      '[优秀]',
      '日新街道',
      '春柳',
      '[合格]',
      '金州',
      '望海社区',
      '[预警]',
      '大船',
      '[建议调整]',
      '泉水',
    ])
  })

  it('writes every score with one decimal, as the document does', () => {
    const svg = scoreChartSvg(input)
    for (const v of ['72.0', '95.0', '91.5', '40.0']) expect(svg).toContain(`>${v}<`)
  })

  it('is 1080 px wide, as tall as its rows, and colours each bar by its verdict', () => {
    expect(png.width).toBe(1080)
    expect(png.height).toBe(L.height)
    expect(inBar('日新街道')).toEqual(hex(VERDICT_COLORS.优秀))
    expect(inBar('望海社区')).toEqual(hex(VERDICT_COLORS.合格))
    expect(inBar('大船')).toEqual(hex(VERDICT_COLORS.预警))
    expect(inBar('泉水')).toEqual(hex(VERDICT_COLORS.建议调整))
    // A bar ends at its score: past 40 points 泉水's row is white again.
    const row = L.rows.findIndex((r) => r.kind === 'site' && r.name === '泉水')
    const y = L.grid.top + row * L.grid.rowH + Math.round(L.grid.rowH / 2)
    expect(png.pixel(L.grid.left + Math.round(L.grid.width * 0.55), y).slice(0, 3)).not.toEqual(
      hex(VERDICT_COLORS.建议调整),
    )
  })

  describe('on the worker thread', () => {
    afterAll(closeHeatmapWorker)
    it('gives the same picture', async () => {
      expect((await renderScoreChartInWorker(input)).equals(await renderScoreChart(input))).toBe(true)
    })
  })
})
