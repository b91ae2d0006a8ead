/**
 * Pictures with the bundled CJK font: echarts SVG rasterised by resvg with Noto Sans SC from
 * @embedpdf/fonts-sc only (no system fonts), so a picture is the same on every machine.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import type * as Echarts from 'echarts'

/**
 * echarts' own single-file build (dist/echarts.js, through require), not its ES module entry: the
 * same library and version, but one file to load instead of hundreds of modules, each of which goes
 * through the module loader (and tsx's hooks, which the picture worker runs under): about 0.2 s of
 * CPU against 0.9–1 s, and 25 MiB less. The first picture after a start waited for that load.
 */
const echarts = createRequire(import.meta.url)('echarts') as typeof Echarts

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

/** An echarts option drawn as SVG text on the server. */
export function chartSvg(option: Echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption(option)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}
