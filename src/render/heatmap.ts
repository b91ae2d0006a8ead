/**
 * The heatmap picture for leaders: sites × months, the number of valid reports in each cell, in
 * bands by working group. Drawn by echarts as SVG on the server, rasterised by resvg with the
 * bundled Noto Sans SC font only (no system fonts), so the picture is the same on every machine.
 */
import type * as echarts from 'echarts'
import { monthLabel } from '../messages/format.js'
import { GROUP_NAMES } from '../domain/types.js'
import { X } from '../messages/export.js'
import { shortName } from '../messages/reports.js'
import { FONT_FAMILY, chartSvg, outlineTexts, svgToPng } from './chart-font.js'
import type { HeatmapCell, HeatmapInput, HeatmapLayout } from './heatmap-layout.js'
import { BOTTOM, COLORS, LEGEND_FONT, PALETTE, SWATCH, heatmapLayout } from './heatmap-layout.js'

export { FONT_FAMILY, fontPath, outlineTexts, svgToPng } from './chart-font.js'
export {
  COLORS,
  heatmapLayout,
  lateCells,
  type CellCode,
  type HeatmapCell,
  type HeatmapCellInput,
  type HeatmapInput,
  type HeatmapLayout,
  type HeatmapRow,
} from './heatmap-layout.js'

/** What a cell says: its count (with 补 when some came late), — before tracking, 无 with no data. */
function cellLabel(c: HeatmapCell): string {
  const H = X.heatmap
  if (c.code === 'beforeTracking') return '—'
  if (c.code === 'noData') return H.noDataMark
  // Nothing to say for a month the site did not count, unless it reported all the same.
  if (c.code === 'notYet' || (c.code === 'retired' && c.count === 0)) return ''
  return c.late > 0 ? `${c.count}${H.lateMark}` : String(c.count)
}

/** The echarts option for a layout: a heatmap on category axes, colours set per cell. */
function yLabelsOf(L: HeatmapLayout): string[] {
  const H = X.heatmap
  return L.rows.map((r) =>
    r.kind === 'band'
      ? `{band|${GROUP_NAMES[r.group]}}`
      : r.site.retired
        ? `{retired|${shortName(r.site)}${H.retiredSuffix}}`
        : `{site|${shortName(r.site)}}`,
  )
}

/** The sites' cells as data (band rows would confuse the visualMap; they are drawn as rects). */
const cellData = (L: HeatmapLayout) =>
  L.cells.map((c) => ({
    value: [c.col, c.row, c.count, PALETTE.indexOf(c.code)],
    label: {
      show: true,
      formatter: cellLabel(c),
      color: c.code === 'many' ? '#ffffff' : '#333333',
      fontSize: 18,
      fontWeight: c.late > 0 ? ('bold' as const) : ('normal' as const),
    },
  }))

function bandRects(L: HeatmapLayout) {
  const gridW = L.grid.cellW * Math.max(1, L.months.length)
  return L.rows.flatMap((r, row) =>
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
}

/** The legend's swatches and labels, and the note on “补” when some cell has one. */
function legendGraphics(L: HeatmapLayout) {
  const late = {
    type: 'text' as const,
    left: 24,
    top: L.height - BOTTOM + 18,
    style: { text: X.heatmap.lateLegend, fontSize: LEGEND_FONT, fill: '#555555', fontFamily: FONT_FAMILY },
  }
  return [
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
    ...(L.anyLate ? [late] : []),
  ]
}

/** Site names down the left, bands in bold, retired sites grey. */
function yAxisOf(L: HeatmapLayout): echarts.YAXisComponentOption {
  return {
    type: 'category',
    inverse: true,
    data: yLabelsOf(L),
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
  }
}

function chartOption(input: HeatmapInput, L: HeatmapLayout): echarts.EChartsOption {
  const H = X.heatmap
  const thisYear =
    input.period.from.slice(0, 4) === input.period.to.slice(0, 4) ? input.period.from.slice(0, 4) : undefined
  const gridW = L.grid.cellW * Math.max(1, L.months.length)
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
    yAxis: yAxisOf(L),
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
        data: cellData(L),
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        emphasis: { disabled: true },
      },
    ],
    graphic: [...bandRects(L), ...legendGraphics(L)],
  }
}

/** The chart as SVG text (for tests and for anyone who wants a vector picture). */
export function heatmapSvg(input: HeatmapInput, layout = heatmapLayout(input)): string {
  return chartSvg(chartOption(input, layout), layout.width, layout.height)
}

/** The heatmap as PNG bytes (about 1080 px wide, readable on a phone). */
export async function renderHeatmap(input: HeatmapInput): Promise<Buffer> {
  return svgToPng(outlineTexts(heatmapSvg(input)))
}
