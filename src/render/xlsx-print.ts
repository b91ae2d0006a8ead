/**
 * How a sheet of the Excel export prints: A4, the orientation and the fit that a leader can read
 * (one page where it is large enough, else one page wide with the header repeated), the margins.
 */
import type ExcelJS from 'exceljs'

/** Rows above the header: the title and the scope line. */
export const TITLE_ROWS = 2
/** The title and the scope line's row heights, in points. */
export const TITLE_HEIGHT = 28
export const SUBTITLE_HEIGHT = 18
/** Column width unit (Calibri 11's digit), in pixels at 96 dpi. */
export const UNIT_PX = 7
/** Padding Excel adds to every column, in pixels. */
export const COLUMN_PAD_PX = 5
/** Sheets that fit on one A4 page at no less than this scale are fitted to one page. */
const ONE_PAGE_MIN_SCALE = 0.6
/** Sheets of many pages print at no less than this scale where one orientation allows it (8 pt text). */
const READABLE_SCALE = 0.7
/** A4 less the margins below, in points: portrait and landscape. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }
const A4 = { short: 8.27 * 72, long: 11.69 * 72 }
const PRINTABLE = {
  portrait: {
    w: A4.short - (MARGINS.left + MARGINS.right) * 72,
    h: A4.long - (MARGINS.top + MARGINS.bottom) * 72,
  },
  landscape: {
    w: A4.long - (MARGINS.left + MARGINS.right) * 72,
    h: A4.short - (MARGINS.top + MARGINS.bottom) * 72,
  },
}

export interface PrintFit {
  orientation: 'portrait' | 'landscape'
  /** 1 when the whole sheet fits on one page, 0 (as many pages as needed) otherwise. */
  fitToHeight: 0 | 1
  /** The scale a spreadsheet program will print at, and the pages it will print. */
  scale: number
  pages: number
}

/**
 * How a sheet of these column widths and row heights prints on A4, one page wide: the
 * orientation that takes fewer pages (the larger print on a tie), fitted to one page where that
 * keeps the print at 60 % or more.
 */
export function printFit(
  widths: readonly number[],
  heights: readonly number[],
  frameHeight = TITLE_HEIGHT + SUBTITLE_HEIGHT,
): PrintFit {
  const widthPt = widths.reduce((a, w) => a + w * UNIT_PX + COLUMN_PAD_PX, 0) * 0.75
  const headerPt = heights[0] ?? 0
  const totalPt = frameHeight + heights.reduce((a, b) => a + b, 0)
  const fits = (['portrait', 'landscape'] as const).map((orientation) => {
    const area = PRINTABLE[orientation]
    const scale = Math.min(1, area.w / widthPt)
    // The header row is printed again on every page after the first.
    const perPage = area.h / scale - headerPt
    const pages = Math.max(1, Math.ceil((totalPt - headerPt) / perPage))
    const onePage = Math.min(scale, area.h / totalPt)
    return { orientation, scale, pages, onePage }
  })
  const single = fits.filter((f) => f.onePage >= ONE_PAGE_MIN_SCALE).sort((a, b) => b.onePage - a.onePage)[0]
  if (single) return { orientation: single.orientation, fitToHeight: 1, scale: single.onePage, pages: 1 }
  // Readable first: of the orientations that print large enough, the one with fewer pages.
  const readable = fits.filter((f) => f.scale >= READABLE_SCALE)
  const best = (readable.length > 0 ? readable : fits).sort(
    (a, b) => (readable.length > 0 ? a.pages - b.pages : 0) || b.scale - a.scale,
  )[0]!
  return { orientation: best.orientation, fitToHeight: 0, scale: best.scale, pages: best.pages }
}

/** Paper, orientation, fitting, print titles and margins for a sheet that prints as `fit` says. */
export function printSetup(fit: PrintFit): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: fit.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: fit.fitToHeight,
    horizontalCentered: true,
    margins: MARGINS,
    printTitlesRow: `${TITLE_ROWS + 1}:${TITLE_ROWS + 1}`,
  }
}
