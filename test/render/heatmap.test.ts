import { afterAll, describe, expect, it } from 'vitest'
import { parsePeriod } from '../../src/domain/periods.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import {
  COLORS,
  FONT_FAMILY,
  heatmapLayout,
  heatmapSvg,
  lateCells,
  outlineTexts,
  renderHeatmap,
  svgToPng,
} from '../../src/render/heatmap.js'
import { closeHeatmapWorker, renderHeatmapInWorker } from '../../src/render/chart-worker.js'
import type { HeatmapInput, HeatmapLayout } from '../../src/render/heatmap.js'
import { decodePng } from '../support/png.js'
import { reportMaker } from '../support/report-fixture.js'

const sites = builtinRoster().sites.map((s) => (s.id === 'S05' ? { ...s, retired: true } : s))
const report = reportMaker()
const reports = [
  report('S01', '2026-11'),
  report('S01', '2026-11'),
  report('S01', '2026-11'),
  report('S02', '2026-11', { withdrawn: { by: 'wx', at: '2026-11-11T00:00:00Z' } }),
  report('S03', '2026-10', { late: true, at: '2026-11-02T02:00:00Z' }),
  report('S05', '2026-11'),
  report('S04', '2026-09'),
  report('S04', '2026-09'),
]
const input: HeatmapInput = {
  period: parsePeriod('2026下半年')!,
  now: new Date('2026-12-10T02:00:00Z'),
  sites,
  reports,
  trackingSince: '2026-08',
}

const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
/** A point inside a cell, clear of its white border and of the number in its middle. */
function inCell(L: HeatmapLayout, siteId: string, month: string): [number, number] {
  const row = L.rows.findIndex((r) => r.kind === 'site' && r.site.id === siteId)
  const col = L.months.findIndex((m) => m.month === month)
  return [L.grid.left + col * L.grid.cellW + 6, L.grid.top + row * L.grid.cellH + 6]
}

describe('the heatmap', async () => {
  const L = heatmapLayout(input)
  const png = decodePng(await renderHeatmap(input))
  const at = (siteId: string, month: string) => png.pixel(...inCell(L, siteId, month)).slice(0, 3)

  it('is about 1080 px wide, as tall as its rows, and not blank', () => {
    expect(png.width).toBe(1080)
    expect(png.height).toBe(L.height)
    expect(L.rows.filter((r) => r.kind === 'band')).toHaveLength(3)
    expect(L.months.map((m) => m.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ])
    expect(png.colours()).toBeGreaterThan(100)
  })

  it('colours each cell by its count and state', () => {
    expect(L.cells.find((c) => L.rows[c.row]!.kind === 'site' && c.col === 4 && c.count === 3)).toBeDefined()
    expect(at('S01', '2026-11')).toEqual(hex(COLORS.many))
    expect(at('S04', '2026-09')).toEqual(hex(COLORS.two))
    expect(at('S03', '2026-10')).toEqual(hex(COLORS.one))
    expect(at('S02', '2026-11')).toEqual(hex(COLORS.missed)) // withdrawn does not count
    expect(at('S02', '2026-12')).toEqual(hex(COLORS.running))
    expect(at('S05', '2026-11')).toEqual(hex(COLORS.retired))
    expect(at('S01', '2026-07')).toEqual(hex(COLORS.beforeTracking))
    const band = L.rows.findIndex((r) => r.kind === 'band' && r.group === 2)
    expect(png.pixel(L.grid.left + 6, L.grid.top + band * L.grid.cellH + 6).slice(0, 3)).toEqual(
      hex(COLORS.band),
    )
    expect(L.cells.find((c) => c.late > 0)).toMatchObject({ count: 1, late: 1, code: 'one' })
  })

  it('draws Chinese with the bundled font, not as boxes', () => {
    const glyph = (ch: string, font = true) =>
      svgToPng(
        `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text x="4" y="52" font-size="56" font-family="${FONT_FAMILY}">${ch}</text></svg>`,
        { font },
      )
    const ink = (buf: Buffer) => {
      const p = decodePng(buf)
      const dark: string[] = []
      for (let y = 0; y < p.height; y++)
        for (let x = 0; x < p.width; x++) if (p.pixel(x, y)[0] < 128) dark.push(`${x},${y}`)
      return dark
    }
    const gong = ink(glyph('工'))
    const qing = ink(glyph('青'))
    expect(gong.length).toBeGreaterThan(100)
    expect(qing.length).toBeGreaterThan(100)
    // A missing glyph would draw the same .notdef box for both.
    expect(gong.join(' ')).not.toBe(qing.join(' '))
    expect(ink(glyph('工', false))).toHaveLength(0)
  })

  it('lays each distinct label out once and draws the same pixels from the outlines', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><text transform="translate(10 30)" style="font-size:20px;font-family:${FONT_FAMILY};" fill="#333333">大船1补</text><text transform="translate(10 50)" style="font-size:20px;font-family:${FONT_FAMILY};" fill="#aa0000">大船1补</text></svg>`
    const outlined = outlineTexts(svg)
    expect(outlined).not.toContain('<text')
    expect(outlined.match(/<path /g)).toHaveLength(2)
    expect(outlined).toContain('fill="#aa0000"')
    const a = decodePng(svgToPng(svg))
    const b = decodePng(svgToPng(outlined))
    let differ = 0
    for (let y = 0; y < a.height; y++)
      for (let x = 0; x < a.width; x++)
        if (a.pixel(x, y).some((v, i) => Math.abs(v - b.pixel(x, y)[i]!) > 16)) differ++
    expect(differ).toBeLessThan(5)
  })
})

describe('the heatmap marks 补报, imported months and months with no data, and its legend says so', async () => {
  // Constructed cells, as the tracked-months rule will give them: S06 imported in September,
  // S07 with no data in September (not 未报), S03's October came late.
  const marked: HeatmapInput = {
    ...input,
    cells: [
      ...lateCells(reports),
      { siteId: 'S06', month: '2026-09', imported: true },
      { siteId: 'S07', month: '2026-09', noData: true },
    ],
  }
  const L = heatmapLayout(marked)
  const png = decodePng(await renderHeatmap(marked))
  const at = (siteId: string, month: string) => png.pixel(...inCell(L, siteId, month)).slice(0, 3)
  const cell = (siteId: string, month: string) => {
    const row = L.rows.findIndex((r) => r.kind === 'site' && r.site.id === siteId)
    return L.cells.find((c) => c.row === row && c.col === L.months.findIndex((m) => m.month === month))!
  }

  it('gives imported and no-data months their own colours, distinct from 未报', () => {
    expect(cell('S06', '2026-09').code).toBe('imported')
    expect(cell('S07', '2026-09').code).toBe('noData')
    expect(cell('S08', '2026-09').code).toBe('missed')
    expect(at('S06', '2026-09')).toEqual(hex(COLORS.imported))
    expect(at('S07', '2026-09')).toEqual(hex(COLORS.noData))
    expect(at('S08', '2026-09')).toEqual(hex(COLORS.missed))
    expect(new Set([COLORS.imported, COLORS.noData, COLORS.missed, COLORS.beforeTracking]).size).toBe(4)
  })

  it('writes “补” in cells with 补报, from the reports’ late flag', () => {
    expect(lateCells(reports)).toEqual([{ siteId: 'S03', month: '2026-10', late: 1 }])
    expect(cell('S03', '2026-10')).toMatchObject({ count: 1, late: 1, code: 'one' })
    expect(L.anyLate).toBe(true)
    expect(heatmapSvg(marked)).toContain('1补')
  })

  it('marks a month imported by #导入 (via: import) as imported, not as 补报', () => {
    const imported = {
      ...reports[0]!,
      no: 0,
      via: 'import' as const,
      late: false,
      orgId: 'S05',
      month: '2026-08',
    }
    expect(lateCells([...reports, imported])).toEqual([
      { siteId: 'S03', month: '2026-10', late: 1 },
      { siteId: 'S05', month: '2026-08', imported: true },
    ])
  })

  it('keeps the legend true: what is shown is explained, nothing more', () => {
    const codes = L.legend.map((e) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining(['imported', 'noData', 'running', 'retired', 'beforeTracking']),
    )
    expect(L.legend.find((e) => e.code === 'imported')!.label).toBe('导入的历史数据')
    expect(L.legend.find((e) => e.code === 'noData')!.label).toBe('无数据')
    const [x, y] = [
      L.legend.find((e) => e.code === 'imported')!.x + 11,
      L.legend.find((e) => e.code === 'imported')!.y + 11,
    ]
    expect(png.pixel(x, y).slice(0, 3)).toEqual(hex(COLORS.imported))
    const plain = heatmapLayout({ ...input, reports: reports.filter((r) => !r.late), cells: [] })
    expect(plain.legend.map((e) => e.code)).not.toContain('imported')
    expect(plain.legend.map((e) => e.code)).not.toContain('noData')
    expect(plain.anyLate).toBe(false)
    expect(heatmapSvg({ ...input, reports: reports.filter((r) => !r.late) })).not.toContain('含补报')
  })
})

describe('the heatmap on a worker thread', () => {
  afterAll(closeHeatmapWorker)

  it('gives the same picture as on the main thread, for calls in a row', async () => {
    const [a, b] = await Promise.all([
      renderHeatmapInWorker(input),
      renderHeatmapInWorker({ ...input, reports: [] }),
    ])
    expect(a.equals(await renderHeatmap(input))).toBe(true)
    const png = decodePng(b)
    const L = heatmapLayout({ ...input, reports: [] })
    expect(png.pixel(...inCell(L, 'S01', '2026-11')).slice(0, 3)).toEqual(hex(COLORS.missed))
  })
})
