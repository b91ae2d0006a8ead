/**
 * The half-year scores picture (#图表 考核): one bar per site, grouped by verdict (优秀 first)
 * and sorted by score within each group, coloured by verdict, with the pass lines marked. Drawn
 * like the heatmap: echarts SVG on the server, resvg with the bundled font only.
 */
import type * as echarts from 'echarts'
import type { Assessment, Verdict } from '../domain/assessment.js'
import { UNRATED as UNRATED_VERDICT, VERDICTS } from '../domain/assessment.js'
import { GROUP_NAMES } from '../domain/types.js'
import { displayName } from '../messages/format.js'
import { SCORE_CHART as T } from '../messages/assessment-doc.js'
import { FONT_FAMILY, chartSvg, outlineTexts, svgToPng } from './chart-font.js'

export interface ScoreChartInput {
  /** 2026-H2. */
  period: string
  /** Who it covers: 全市, 第二组. */
  scope: string
  /** The day the figures stand on while the half-year runs; null once it is over. */
  asOf: string | null
  sites: readonly { name: string; group: string; score: number; verdict: Verdict }[]
  thresholds: { excellent: number; pass: number; warning: number }
}

/** The bars of an assessment: every rated site (a site 无法评定 has no score to draw). */
export function scoreBars(a: Assessment): ScoreChartInput['sites'] {
  return a.groups.flatMap((g) =>
    g.sites.flatMap((s) =>
      s.verdict === UNRATED_VERDICT
        ? []
        : [{ name: displayName(s.site), group: GROUP_NAMES[g.group], score: s.score, verdict: s.verdict }],
    ),
  )
}

export const VERDICT_COLORS: Record<Verdict, string> = {
  优秀: '#238b45',
  合格: '#74c476',
  预警: '#fdae6b',
  建议调整: '#e6550d',
}
const BAND = '#e3eaf5'

export type ScoreRow =
  | { kind: 'band'; verdict: Verdict; count: number }
  | { kind: 'site'; name: string; group: string; score: number; verdict: Verdict }

export interface ScoreLayout {
  width: number
  height: number
  /** The plot's top-left corner, its width for 100 points, and the height of a row. */
  grid: { left: number; top: number; width: number; rowH: number }
  rows: ScoreRow[]
}

const WIDTH = 1080
const LEFT = 300
const RIGHT = 70
const TOP = 150
const BOTTOM = 40
const ROW_H = 32

/** The rows: each verdict that has sites, as a band, then its sites by score, best first. */
export function scoreLayout(input: ScoreChartInput): ScoreLayout {
  const rows: ScoreRow[] = []
  for (const verdict of VERDICTS) {
    const sites = input.sites
      .filter((s) => s.verdict === verdict)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh'))
    if (sites.length === 0) continue
    rows.push({ kind: 'band', verdict, count: sites.length })
    for (const s of sites) rows.push({ kind: 'site', ...s })
  }
  return {
    width: WIDTH,
    height: TOP + Math.max(1, rows.length) * ROW_H + BOTTOM,
    grid: { left: LEFT, top: TOP, width: WIDTH - LEFT - RIGHT, rowH: ROW_H },
    rows,
  }
}

function thresholdLines(input: ScoreChartInput) {
  const L = T.thresholdLabels
  const t = input.thresholds
  return [
    { xAxis: t.excellent, name: T.threshold(L.excellent, t.excellent) },
    { xAxis: t.pass, name: T.threshold(L.pass, t.pass) },
    { xAxis: t.warning, name: T.threshold(L.warning, t.warning) },
  ]
}

/** A light band behind each verdict's heading row. */
function bandRects(L: ScoreLayout) {
  return L.rows.flatMap((r, i) =>
    r.kind === 'band'
      ? [
          {
            type: 'rect' as const,
            left: 16,
            top: L.grid.top + i * L.grid.rowH + 2,
            shape: { width: L.width - 32, height: L.grid.rowH - 4 },
            style: { fill: BAND },
            z: -1,
          },
        ]
      : [],
  )
}

const Y_AXIS = {
  axisTick: { show: false },
  axisLine: { show: false },
  axisLabel: {
    interval: 0,
    rich: {
      band: { fontSize: 19, fontWeight: 'bold' as const, color: '#1f3b66' },
      site: { fontSize: 17, color: '#333333' },
    },
  },
}

function chartOption(input: ScoreChartInput, L: ScoreLayout): echarts.EChartsOption {
  const labels = L.rows.map((r) =>
    r.kind === 'band' ? `{band|${T.band(r.verdict, r.count)}}` : `{site|${T.site(r.name, r.group)}}`,
  )
  const data = L.rows.map((r) =>
    r.kind === 'band' ? '-' : { value: r.score, itemStyle: { color: VERDICT_COLORS[r.verdict] } },
  )
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: T.title(input.period, input.scope),
      subtext: T.subtitle(input.asOf, input.thresholds),
      left: 24,
      top: 20,
      textStyle: { fontSize: 30, fontWeight: 'bold', color: '#222222' },
      subtextStyle: { fontSize: 19, color: '#666666' },
      itemGap: 14,
    },
    grid: { left: L.grid.left, top: L.grid.top, width: L.grid.width, height: L.grid.rowH * L.rows.length },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      position: 'top',
      interval: 10,
      axisLabel: { fontSize: 16, color: '#555555' },
      splitLine: { lineStyle: { color: '#eeeeee' } },
    },
    yAxis: { type: 'category', inverse: true, data: labels, ...Y_AXIS },
    series: [
      {
        type: 'bar',
        data,
        barWidth: Math.round(L.grid.rowH * 0.6),
        label: {
          show: true,
          position: 'right',
          fontSize: 16,
          color: '#333333',
          // 53.0, as the document and the table write it.
          formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(1) : ''),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#888888' },
          label: { show: false },
          data: thresholdLines(input),
        },
      },
    ],
    graphic: bandRects(L),
  }
}

export function scoreChartSvg(input: ScoreChartInput, layout = scoreLayout(input)): string {
  return chartSvg(chartOption(input, layout), layout.width, layout.height)
}

/** The scores picture as PNG bytes (1080 px wide, readable on a phone). */
export async function renderScoreChart(input: ScoreChartInput): Promise<Buffer> {
  return svgToPng(outlineTexts(scoreChartSvg(input)))
}
