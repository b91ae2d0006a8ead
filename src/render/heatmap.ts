/**
 * The heatmap picture for leaders: sites × months, the number of valid reports in each cell, in
 * bands by working group. Drawn by echarts as SVG on the server, rasterised by resvg with the
 * bundled Noto Sans SC font only (no system fonts), so the picture is the same on every machine.
 */
import type { Tracking } from '../domain/tracking.js'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { Resvg } from '@resvg/resvg-js'
import * as echarts from 'echarts'
import { monthLabel } from '../messages/format.js'
import type { Month } from '../domain/calendar.js'
import type { Period, PeriodMonth } from '../domain/periods.js'
import { periodMonths } from '../domain/periods.js'
import type { Report } from '../domain/reports.js'
import { tallyMonth } from '../domain/reports.js'
import type { GroupNo, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { X } from '../messages/export.js'
import { shortName } from '../messages/reports.js'
import type { HeatmapRequest, HeatmapResponse } from './heatmap-worker.js'
import { textWidth } from './export-xlsx.js'

export interface HeatmapInput {
  period: Period
  now: Date
  /** Every site, retired ones too (flagged). */
  sites: readonly Site[]
  /** The reports of the period's months, withdrawn ones included (they do not count). */
  reports: readonly Report[]
  trackingSince?: Month | Tracking
}

/** The family name the bundled OTF reports (its name table, IDs 1 and 16). */
export const FONT_FAMILY = 'Noto Sans S Chinese'
const FONT_FILE = join('fonts', 'NotoSansHans-Regular.otf')

let fontFile: string | undefined
/** The path of the bundled CJK font, found from the package's entry point (its exports hide package.json). */
export function fontPath(): string {
  if (fontFile) return fontFile
  let dir = dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc'))
  while (!existsSync(join(dir, FONT_FILE))) {
    const up = dirname(dir)
    if (up === dir) throw new Error(`@embedpdf/fonts-sc: ${FONT_FILE} not found`)
    dir = up
  }
  return (fontFile = join(dir, FONT_FILE))
}

const fontOptions = (font: boolean) =>
  font
    ? { loadSystemFonts: false, fontFiles: [fontPath()], defaultFontFamily: FONT_FAMILY }
    : { loadSystemFonts: false }

/** SVG → PNG with the bundled font only; `font: false` renders with no font at all (for tests). */
export function svgToPng(svg: string, opts: { font?: boolean } = {}): Buffer {
  return new Resvg(svg, { font: fontOptions(opts.font !== false), background: '#ffffff' }).render().asPng()
}

/**
 * Outlines of text elements already laid out, by the element's text attributes and content.
 * resvg lays out every glyph of the big CFF font afresh (about a millisecond a glyph), and a
 * heatmap repeats the same few labels hundreds of times: each distinct label is laid out once.
 */
const outlines = new Map<string, string>()
const OUTLINE_CACHE_MAX = 5000
const TEXT = /<text([^>]*)>([^<]*)<\/text>/g
const PAINT = /\s(transform|fill|fill-opacity|opacity|class)="[^"]*"/g

/** The SVG with every plain `<text>` replaced by its glyph outlines (same layout, same pixels). */
export function outlineTexts(svg: string): string {
  const keyOf = (attrs: string, content: string) => `${attrs.replace(PAINT, '').trim()}\u0000${content}`
  const missing = new Map<string, string>()
  for (const m of svg.matchAll(TEXT)) {
    const key = keyOf(m[1]!, m[2]!)
    if (!outlines.has(key) && !missing.has(key))
      missing.set(key, `<text ${key.replace('\u0000', '>')}</text>`)
  }
  if (missing.size > 0) {
    if (outlines.size + missing.size > OUTLINE_CACHE_MAX) outlines.clear()
    const keys = [...missing.keys()]
    const probe = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">${keys
      .map((k, i) => `<g id="t${i}">${missing.get(k)}</g>`)
      .join('')}</svg>`
    const tree = new Resvg(probe, { font: fontOptions(true) }).toString()
    const parts = tree.split(/<g id="t(\d+)">/)
    for (let i = 1; i < parts.length; i += 2) {
      const d = [...parts[i + 1]!.matchAll(/\sd="([^"]*)"/g)].map((x) => x[1]).join(' ')
      outlines.set(keys[Number(parts[i])]!, d)
    }
  }
  return svg.replace(TEXT, (whole, attrs: string, content: string) => {
    const d = outlines.get(keyOf(attrs, content))
    if (d === undefined) return whole
    const paint = attrs.match(PAINT)?.join('') ?? ''
    return d === '' ? '' : `<path d="${d}"${/\sfill="/.test(paint) ? '' : ' fill="#000000"'}${paint}/>`
  })
}

export type CellCode = 'missed' | 'running' | 'one' | 'two' | 'many' | 'retired' | 'beforeTracking'
export const COLORS: Record<CellCode | 'band', string> = {
  missed: '#f4a3a3',
  running: '#fde9a9',
  one: '#c7e9c0',
  two: '#74c476',
  many: '#238b45',
  retired: '#d9d9d9',
  beforeTracking: '#f2f2f2',
  band: '#e3eaf5',
}
const PALETTE = Object.keys(COLORS) as (CellCode | 'band')[]
const LEGEND_ORDER: CellCode[] = ['missed', 'one', 'two', 'many', 'running', 'retired', 'beforeTracking']

export type HeatmapRow = { kind: 'band'; group: GroupNo } | { kind: 'site'; site: Site }

export interface HeatmapCell {
  row: number
  col: number
  count: number
  late: number
  code: CellCode
}

export interface HeatmapLayout {
  width: number
  height: number
  /** The grid's top-left corner and cell size, in pixels of the PNG. */
  grid: { left: number; top: number; cellW: number; cellH: number }
  rows: HeatmapRow[]
  months: PeriodMonth[]
  cells: HeatmapCell[]
  /** Legend entries, top-left of each swatch. */
  legend: { code: CellCode; x: number; y: number; label: string }[]
}

const WIDTH = 1080
const CELL_H = 36
const LEFT = 230
const RIGHT = 24
const TOP = 196
const BOTTOM = 56
const MAX_CELL_W = 140
const SWATCH = 22
const LEGEND_FONT = 18

function codeOf(m: PeriodMonth, site: Site, count: number): CellCode {
  if (m.beforeTracking) return 'beforeTracking'
  if (site.retired) return 'retired'
  if (count >= 3) return 'many'
  if (count === 2) return 'two'
  if (count === 1) return 'one'
  return m.current ? 'running' : 'missed'
}

/** Where everything goes: the rows (bands and sites), the months, the cells and the legend. */
export function heatmapLayout(input: HeatmapInput): HeatmapLayout {
  const months = periodMonths(input.period, input.now, input.trackingSince ?? null)
  const sites = [...input.sites].sort((a, b) => a.group - b.group || a.no - b.no)
  const rows: HeatmapRow[] = []
  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    rows.push({ kind: 'band', group: g })
    for (const site of inGroup) rows.push({ kind: 'site', site })
  }
  const cells: HeatmapCell[] = []
  months.forEach((m, col) => {
    const tally = tallyMonth(sites, input.reports, m.month)
    const bySite = new Map(tally.sites.map((t) => [t.site.id, t]))
    rows.forEach((r, row) => {
      if (r.kind !== 'site') return
      const t = bySite.get(r.site.id)!
      const count = m.beforeTracking ? 0 : t.count
      cells.push({ row, col, count, late: m.beforeTracking ? 0 : t.late, code: codeOf(m, r.site, count) })
    })
  })
  const gridW = Math.min(WIDTH - LEFT - RIGHT, Math.max(1, months.length) * MAX_CELL_W)
  const cellW = Math.floor(gridW / Math.max(1, months.length))
  const present = new Set(cells.map((c) => c.code))
  const legend: HeatmapLayout['legend'] = []
  let x = 24
  let y = 112
  for (const code of LEGEND_ORDER) {
    if (!present.has(code) && !['missed', 'one', 'two', 'many'].includes(code)) continue
    const label = X.heatmap.pieces[code]
    const w = SWATCH + 8 + (textWidth(label) * LEGEND_FONT) / 2 + 24
    if (x + w > WIDTH - RIGHT) {
      x = 24
      y += SWATCH + 12
    }
    legend.push({ code, x, y, label })
    x += w
  }
  const top = Math.max(TOP, y + SWATCH + 54)
  return {
    width: WIDTH,
    height: top + rows.length * CELL_H + BOTTOM,
    grid: { left: LEFT, top, cellW, cellH: CELL_H },
    rows,
    months,
    cells,
    legend,
  }
}

/** The echarts option for a layout: a heatmap on category axes, colours set per cell. */
function chartOption(input: HeatmapInput, L: HeatmapLayout): echarts.EChartsOption {
  const H = X.heatmap
  const thisYear =
    input.period.from.slice(0, 4) === input.period.to.slice(0, 4) ? input.period.from.slice(0, 4) : undefined
  const yLabels = L.rows.map((r) =>
    r.kind === 'band'
      ? `{band|${GROUP_NAMES[r.group]}}`
      : r.site.retired
        ? `{retired|${shortName(r.site)}${H.retiredSuffix}}`
        : `{site|${shortName(r.site)}}`,
  )
  // Only the sites' cells are data (mixing in band rows confuses the visualMap); bands are drawn below.
  const data = L.cells.map((c) => ({
    value: [c.col, c.row, c.count, PALETTE.indexOf(c.code)],
    label: {
      show: true,
      formatter: c.code === 'beforeTracking' ? '—' : c.late > 0 ? `${c.count}${H.lateMark}` : String(c.count),
      color: c.code === 'many' ? '#ffffff' : '#333333',
      fontSize: 18,
      fontWeight: c.late > 0 ? ('bold' as const) : ('normal' as const),
    },
  }))
  const gridW = L.grid.cellW * Math.max(1, L.months.length)
  const bands = L.rows.flatMap((r, row) =>
    r.kind === 'band'
      ? [
          {
            type: 'rect' as const,
            left: L.grid.left,
            top: L.grid.top + row * L.grid.cellH + 1,
            shape: { width: gridW, height: L.grid.cellH - 2 },
            style: { fill: COLORS.band },
          },
        ]
      : [],
  )
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    title: {
      text: H.title(input.period),
      subtext: H.subtitle(input.now),
      left: 24,
      top: 20,
      textStyle: { fontSize: 30, fontWeight: 'bold', color: '#222222' },
      subtextStyle: { fontSize: 19, color: '#666666' },
      itemGap: 14,
    },
    grid: {
      left: L.grid.left,
      top: L.grid.top,
      width: gridW,
      height: L.grid.cellH * L.rows.length,
    },
    xAxis: {
      type: 'category',
      position: 'top',
      data: L.months.map((m) => monthLabel(m.month, thisYear)),
      axisLabel: { fontSize: 18, color: '#333333', interval: 0 },
      axisTick: { show: false },
      axisLine: { show: false },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: yLabels,
      axisLabel: {
        fontSize: 18,
        color: '#333333',
        interval: 0,
        rich: {
          band: { fontSize: 19, fontWeight: 'bold', color: '#1f3b66' },
          site: { fontSize: 18, color: '#333333' },
          retired: { fontSize: 18, color: '#999999' },
        },
      },
      axisTick: { show: false },
      axisLine: { show: false },
    },
    // Heatmaps need a visualMap: a hidden one maps each cell's code (dimension 3) to its colour.
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      seriesIndex: 0,
      pieces: PALETTE.map((code, i) => ({ value: i, color: COLORS[code] })),
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { disabled: true },
      },
    ],
    graphic: [
      ...bands,
      ...L.legend.flatMap((e) => [
        {
          type: 'rect' as const,
          left: e.x,
          top: e.y,
          shape: { width: SWATCH, height: SWATCH },
          style: { fill: COLORS[e.code], stroke: '#bbbbbb', lineWidth: 1 },
        },
        {
          type: 'text' as const,
          left: e.x + SWATCH + 8,
          top: e.y + 1,
          style: { text: e.label, fontSize: LEGEND_FONT, fill: '#333333', fontFamily: FONT_FAMILY },
        },
      ]),
      {
        type: 'text' as const,
        left: 24,
        top: L.height - BOTTOM + 18,
        style: { text: H.lateLegend, fontSize: LEGEND_FONT, fill: '#555555', fontFamily: FONT_FAMILY },
      },
    ],
  }
}

/** The chart as SVG text (for tests and for anyone who wants a vector picture). */
export function heatmapSvg(input: HeatmapInput, layout = heatmapLayout(input)): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: layout.width,
    height: layout.height,
  })
  try {
    chart.setOption(chartOption(input, layout))
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** The heatmap as PNG bytes (about 1080 px wide, readable on a phone). */
export async function renderHeatmap(input: HeatmapInput): Promise<Buffer> {
  return svgToPng(outlineTexts(heatmapSvg(input)))
}

let worker: Worker | null = null
let nextId = 1
const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>()

/** The worker, started on first use; under tsx (a .ts module) it gets tsx's loader too. */
function heatmapWorker(): Worker {
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
  w.on('message', (res: HeatmapResponse) => {
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
  w.on('exit', (code) => fail(new Error(`heatmap worker exited (${code})`)))
  return (worker = w)
}

/**
 * `renderHeatmap` on a worker thread, so the seconds of font layout never hold up the bot's
 * messages. One worker serves every call, in order; it does not keep the process alive.
 */
export function renderHeatmapInWorker(input: HeatmapInput): Promise<Buffer> {
  const w = heatmapWorker()
  // Only the period's reports cross over: copying ten years of them would stall this thread.
  const { from, to } = input.period
  const reports = input.reports.filter((r) => r.month >= from && r.month <= to)
  const id = nextId++
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    w.postMessage({ id, input: { ...input, reports } } satisfies HeatmapRequest)
  })
}

/** Stops the worker (at shutdown, or in tests). */
export async function closeHeatmapWorker(): Promise<void> {
  const w = worker
  worker = null
  if (w) await w.terminate()
}
