/**
 * The 经验汇编 Word document: a cover, then by working group and site every recommended report
 * — title, site, date, text, link, the photos it came with, and why it was recommended.
 */
import { Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, TextRun, AlignmentType } from 'docx'
import { shanghaiDate } from '../domain/calendar.js'
import type { FileInfo, Report } from '../domain/reports.js'
import type { Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { COMPILATION as T } from '../messages/compilation.js'

export interface CompilationItem {
  report: Report
  site: Site
  recommender: string
  reason: string
}

export interface CompilationInput {
  period: string
  items: readonly CompilationItem[]
  /** Reads a saved attachment; null when it is gone. */
  readFile(file: FileInfo): Promise<Buffer | null>
  /** Widest picture, in pixels at 96 dpi (a page is about 600 wide). */
  maxImageWidth?: number
}

type ImageType = 'png' | 'jpg' | 'gif' | 'bmp'

/** The picture type by file extension; null for files that are not pictures. */
export function imageTypeOf(name: string): ImageType | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'png' || ext === 'gif' || ext === 'bmp') return ext
  if (ext === 'jpg' || ext === 'jpeg') return 'jpg'
  return null
}

/** Width and height read from the picture's header; null when it cannot be read. */
export function imageSize(data: Buffer, type: ImageType): { width: number; height: number } | null {
  if (type === 'png' && data.length >= 24)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
  if (type === 'gif' && data.length >= 10)
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) }
  if (type === 'bmp' && data.length >= 26)
    return { width: data.readInt32LE(18), height: Math.abs(data.readInt32LE(22)) }
  if (type === 'jpg') {
    let i = 2
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null
      const marker = data[i + 1]!
      const len = data.readUInt16BE(i + 2)
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) }
      }
      i += 2 + len
    }
  }
  return null
}

/** Scales to at most `max` wide, keeping the aspect ratio. */
export function fit(size: { width: number; height: number }, max: number): { width: number; height: number } {
  if (size.width <= max) return size
  return { width: max, height: Math.round((size.height * max) / size.width) }
}

async function pictures(report: Report, input: CompilationInput): Promise<Paragraph[]> {
  const out: Paragraph[] = []
  for (const file of report.files) {
    const type = imageTypeOf(file.name) ?? imageTypeOf(file.path)
    if (!type) continue
    const data = await input.readFile(file)
    if (!data) continue
    const size = imageSize(data, type)
    if (!size || size.width <= 0 || size.height <= 0) continue
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new ImageRun({ type, data, transformation: fit(size, input.maxImageWidth ?? 520) })],
      }),
    )
  }
  return out
}

/** Builds the .docx. Reports are ordered by group, site 编号 and report number. */
export async function buildCompilation(input: CompilationInput): Promise<Buffer> {
  const items = [...input.items].sort(
    (a, b) => a.site.group - b.site.group || a.site.no - b.site.no || a.report.no - b.report.no,
  )
  const siteCount = new Set(items.map((i) => i.site.id)).size
  const children: Paragraph[] = [
    new Paragraph({ text: '', spacing: { before: 2400 } }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: T.title, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.HEADING_1,
      text: T.subtitle(input.period),
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, text: T.byline, spacing: { before: 1200 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, text: T.intro(items.length, siteCount) }),
    new Paragraph({ children: [new PageBreak()] }),
  ]
  for (const group of GROUP_NOS) {
    const inGroup = items.filter((i) => i.site.group === group)
    if (inGroup.length === 0) continue
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: GROUP_NAMES[group] }))
    let lastSite = ''
    for (const item of inGroup) {
      const { report, site } = item
      if (site.id !== lastSite) {
        children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: site.name }))
        lastSite = site.id
      }
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: report.title }))
      children.push(
        new Paragraph({
          children: [new TextRun({ text: T.meta(shanghaiDate(report.at), report.no), italics: true })],
        }),
      )
      for (const line of report.text.split(/\n+/).filter((l) => l.trim() !== '')) {
        children.push(new Paragraph({ text: line, indent: { firstLine: 480 } }))
      }
      for (const link of report.links) children.push(new Paragraph({ text: `${T.link}${link.url}` }))
      children.push(...(await pictures(report, input)))
      children.push(
        new Paragraph({
          children: [new TextRun({ text: T.recommended(item.recommender, item.reason), bold: true })],
        }),
      )
    }
  }
  const doc = new Document({ sections: [{ children }] })
  return Packer.toBuffer(doc)
}
