/**
 * The official-document look (党政机关公文格式, GB/T 9704-2012) shared by the Word files: A4 with
 * the standard margins, a 小标宋 title, 仿宋 body in 三号 (16 pt) on a fixed 28-point line, 黑体
 * and 楷体 headings, page numbers "— 1 —" at the outer edge of the foot, issuer and date at the end.
 * Fonts are named as Word on a Chinese Windows knows them; the font table gives each an
 * alternative Word falls back to (方正小标宋简体 → 华文中宋, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体).
 */
import JSZip from 'jszip'
import { DOC_FALLBACKS, DOC_FONTS, STYLE_NAMES } from '../messages/documents.js'
import {
  AlignmentType,
  BorderStyle,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IParagraphStyleOptions,
  type ISectionOptions,
} from 'docx'

export const FONTS = DOC_FONTS
export const FALLBACKS = DOC_FALLBACKS

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
export const SIZE = { title: 44, body: 32, small: 28 }
/** Twips. */
const MM = 56.7
/** A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 156 × 225 mm text block. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  },
}
/** The text block's width and height in pixels at 96 dpi (for pictures). */
export const TEXT_PX = { width: Math.round((156 / 25.4) * 96), height: Math.round((225 / 25.4) * 96) }
/** A fixed 28-point line (560 twips): 22 lines a page. */
const LINE = 560
/** Two characters of 三号: the first-line indent. */
export const INDENT = 640

const font = (name: string) => ({ ascii: FONTS.latin, hAnsi: FONTS.latin, eastAsia: name, cs: name })

const style = (id: string, name: string, run: object, paragraph: object): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { color: '000000', ...run },
  paragraph,
})

/** The paragraph styles, by id: no Word-default blue anywhere. */
export const STYLE = {
  title: 'GwTitle',
  h1: 'GwHeading1',
  h2: 'GwHeading2',
  caption: 'GwCaption',
  sign: 'GwSign',
}

const styles = {
  default: {
    document: {
      run: { font: font(FONTS.body), size: SIZE.body, color: '000000' },
      paragraph: { spacing: { line: LINE, lineRule: 'exact' as const, before: 0, after: 0 } },
    },
  },
  paragraphStyles: [
    style(
      STYLE.title,
      STYLE_NAMES.title,
      { font: font(FONTS.title), size: SIZE.title },
      {
        alignment: AlignmentType.CENTER,
        spacing: { line: 700, lineRule: 'exact', after: LINE },
        keepNext: true,
      },
    ),
    style(
      STYLE.h1,
      STYLE_NAMES.h1,
      { font: font(FONTS.h1), size: SIZE.body },
      {
        indent: { firstLine: INDENT },
        outlineLevel: 0,
        keepNext: true,
      },
    ),
    style(
      STYLE.h2,
      STYLE_NAMES.h2,
      { font: font(FONTS.h2), size: SIZE.body },
      {
        indent: { firstLine: INDENT },
        outlineLevel: 1,
        keepNext: true,
      },
    ),
    style(
      STYLE.caption,
      STYLE_NAMES.caption,
      { font: font(FONTS.h2), size: SIZE.small },
      {
        alignment: AlignmentType.CENTER,
      },
    ),
    style(
      STYLE.sign,
      STYLE_NAMES.sign,
      { font: font(FONTS.body), size: SIZE.body },
      {
        alignment: AlignmentType.RIGHT,
        indent: { right: INDENT * 2 },
      },
    ),
  ],
}

/** Body text: first line indented two characters. */
export function body(text: string, opts: { bold?: string } = {}): Paragraph {
  const lead = opts.bold ? [new TextRun({ text: opts.bold, font: font(FONTS.h1) })] : []
  return new Paragraph({ indent: { firstLine: INDENT }, children: [...lead, new TextRun(text)] })
}

export const heading1 = (text: string) => new Paragraph({ style: STYLE.h1, text })
export const heading2 = (text: string) => new Paragraph({ style: STYLE.h2, text })
/** The title, one paragraph, its lines broken where the caller says (never inside a phrase). */
export const title = (lines: readonly string[]) =>
  new Paragraph({
    style: STYLE.title,
    children: lines.map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}) })),
  })
export const blank = () => new Paragraph({ text: '' })

/** Issuer and date at the end, right-aligned four characters in. */
export const signature = (issuer: string, date: string) => [
  blank(),
  blank(),
  new Paragraph({ style: STYLE.sign, text: issuer }),
  new Paragraph({ style: STYLE.sign, text: date }),
]

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
/** 小五 (9 pt) in tables, single spacing. */
const TABLE_SIZE = 18

function cell(text: string, header: boolean, width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: 300, lineRule: 'auto' },
        children: [new TextRun({ text, size: TABLE_SIZE, ...(header ? { font: font(FONTS.h1) } : {}) })],
      }),
    ],
  })
}

/**
 * A ruled table across the text width: a header row (黑体, repeated on every page), then the
 * rows; `weights` share the width among the columns.
 */
export function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  weights?: readonly number[],
) {
  const w = weights ?? headers.map(() => 1)
  const sum = w.reduce((a, b) => a + b, 0)
  const full = PAGE.width - PAGE.margin.left - PAGE.margin.right
  const widths = w.map((x) => Math.floor((full * x) / sum))
  return new Table({
    width: { size: full, type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: LINE_BORDER,
      bottom: LINE_BORDER,
      left: LINE_BORDER,
      right: LINE_BORDER,
      insideHorizontal: LINE_BORDER,
      insideVertical: LINE_BORDER,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, true, widths[i]!)),
      }),
      ...rows.map(
        (r) => new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, false, widths[i]!)) }),
      ),
    ],
  })
}

/** "— 1 —" in 四号 宋体 at the outer edge: right on odd pages, left on even ones. */
function pageFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  const indent = alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 }
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: font(FONTS.page),
            size: SIZE.small,
          }),
        ],
      }),
    ],
  })
}

/** The font table names each fallback, so Word shows 华文中宋 where 方正小标宋简体 is missing. */
async function withFallbacks(doc: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(doc)
  const file = zip.file('word/fontTable.xml')
  if (!file) return doc
  let xml = await file.async('string')
  const entries = Object.entries(FALLBACKS)
    .map(
      ([name, alt]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="auto"/></w:font>`,
    )
    .join('')
  xml = /<\/w:fonts>\s*$/.test(xml)
    ? xml.replace(/<\/w:fonts>\s*$/, `${entries}</w:fonts>`)
    : xml.replace(/\/>\s*$/, `>${entries}</w:fonts>`)
  zip.file('word/fontTable.xml', xml)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** The .docx of these paragraphs, in the official layout. */
export async function officialDocument(
  children: ISectionOptions['children'],
  meta: { title: string; creator: string },
): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    styles,
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, footer: 1134 },
          },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children,
      },
    ],
  })
  return withFallbacks(await Packer.toBuffer(doc))
}
