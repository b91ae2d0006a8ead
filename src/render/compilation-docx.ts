/**
 * The 经验汇编 Word document, in the official layout (docx-style.ts): the title, a front paragraph
 * (period, number of cases, sites), the cases by working group — each with its own title, site
 * and date, the text, the link, photos at text width with captions, other attachments by name,
 * and the 推荐理由 as written — then the issuer and the date.
 */
import { AlignmentType, ImageRun, Paragraph } from 'docx'
import { shanghaiDate } from '../domain/calendar.js'
import type { FileInfo, Report } from '../domain/reports.js'
import type { Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { COMPILATION as T, cnDate } from '../messages/compilation.js'
import { shortName } from '../messages/records.js'
import { DOC_WORDS } from '../messages/documents.js'
import {
  TEXT_PX,
  STYLE,
  blank,
  body,
  heading1,
  heading2,
  officialDocument,
  signature,
  title,
} from './docx-style.js'
import { firstPhrase } from '../messages/phrase.js'

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
  /** Who issues it, and the day it is issued (Shanghai, YYYY-MM-DD). */
  issuer: string
  today: string
  /** Widest picture, in pixels at 96 dpi; the text width by default. */
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

function jpegSize(data: Buffer): { width: number; height: number } | null {
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
  return type === 'jpg' ? jpegSize(data) : null
}

/** Scales to at most `max` wide (and `maxHeight` tall), keeping the aspect ratio. */
export function fit(
  size: { width: number; height: number },
  max: number,
  maxHeight = Infinity,
): { width: number; height: number } {
  const k = Math.min(1, max / size.width, maxHeight / size.height)
  return k === 1 ? size : { width: Math.round(size.width * k), height: Math.round(size.height * k) }
}

/** A case's own title: the report's or its article's, else the first phrase of the text. */
export function caseTitle(r: Report): string {
  return r.title.trim() || r.links[0]?.title.trim() || firstPhrase(r.text, 30)
}

interface Counter {
  figure: number
}

/** The photos, each at text width with its caption; other attachments listed by name. */
async function attachments(item: CompilationItem, input: CompilationInput, n: Counter): Promise<Paragraph[]> {
  const out: Paragraph[] = []
  const others: string[] = []
  for (const file of item.report.files) {
    const type = imageTypeOf(file.name) ?? imageTypeOf(file.path)
    const data = type ? await input.readFile(file) : null
    const size = type && data ? imageSize(data, type) : null
    if (!type || !data || !size || size.width <= 0 || size.height <= 0) {
      if (!type) others.push(file.name)
      continue
    }
    const transformation = fit(size, input.maxImageWidth ?? TEXT_PX.width, TEXT_PX.height * 0.6)
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        // A picture needs a line as tall as itself: the body's fixed 28-point line would crop it.
        spacing: { line: 240, lineRule: 'auto', before: 120 },
        children: [new ImageRun({ type, data, transformation })],
      }),
      new Paragraph({
        style: STYLE.caption,
        text: T.caption(++n.figure, shortName(item.site), caseTitle(item.report)),
        spacing: { after: 120 },
      }),
    )
  }
  if (others.length > 0) {
    out.push(
      body(others.map((name, i) => T.attachment(i + 1, name)).join(DOC_WORDS.gap), { bold: T.attachments }),
    )
  }
  return out
}

async function caseParagraphs(item: CompilationItem, i: number, input: CompilationInput, n: Counter) {
  const { report, site } = item
  const out: Paragraph[] = [
    heading2(T.item(i, caseTitle(report))),
    new Paragraph({ style: STYLE.caption, text: T.meta(site.name, shanghaiDate(report.at)) }),
  ]
  for (const line of report.text.split(/\n+/).filter((l) => l.trim() !== '')) out.push(body(line.trim()))
  for (const link of report.links) out.push(body(link.url, { bold: T.link }))
  out.push(...(await attachments(item, input, n)))
  out.push(body(T.reason(item.reason, item.recommender), { bold: T.reasonLabel }))
  return out
}

/** Builds the .docx. Cases are ordered by group, site 编号 and report number. */
export async function buildCompilation(input: CompilationInput): Promise<Buffer> {
  const items = [...input.items].sort(
    (a, b) => a.site.group - b.site.group || a.site.no - b.site.no || a.report.no - b.report.no,
  )
  const siteNames = [...new Map(items.map((i) => [i.site.id, shortName(i.site)])).values()]
  const children: Paragraph[] = [
    title(T.titleLines(input.period)),
    body(T.intro(input.period, items.length, siteNames)),
  ]
  const n: Counter = { figure: 0 }
  let g = 0
  for (const group of GROUP_NOS) {
    const inGroup = items.filter((i) => i.site.group === group)
    if (inGroup.length === 0) continue
    children.push(heading1(T.group(++g, GROUP_NAMES[group])))
    for (const [i, item] of inGroup.entries()) children.push(...(await caseParagraphs(item, i + 1, input, n)))
  }
  children.push(blank(), ...signature(input.issuer, cnDate(input.today)))
  return officialDocument(children, { title: T.docTitle(input.period), creator: input.issuer })
}
