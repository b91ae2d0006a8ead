/** What a report holds (articles, files, photos) and what kind of report it reads as. */
import type { Month } from './calendar.js'
import type { Report } from './reports.js'
import { counts } from './reports.js'

export interface ReportContents {
  /** Titles of the shared articles. */
  articles: string[]
  /** Names of the shared files (photos not included). */
  files: string[]
  images: number
}

export function contentsOf(r: Pick<Report, 'links' | 'files'>): ReportContents {
  return {
    articles: r.links.map((l) => l.title),
    files: r.files.filter((f) => f.kind === 'file').map((f) => f.name),
    images: r.files.filter((f) => f.kind === 'image').length,
  }
}

export const isEmpty = (c: ReportContents) => c.articles.length + c.files.length + c.images === 0

/** 文章 when an article was shared, else 文件, else 图片, else 文字. */
export type ReportKind = 'article' | 'file' | 'image' | 'text'

export function kindOf(r: Pick<Report, 'links' | 'files'>): ReportKind {
  const c = contentsOf(r)
  if (c.articles.length > 0) return 'article'
  if (c.files.length > 0) return 'file'
  if (c.images > 0) return 'image'
  return 'text'
}

/** The counted reports of one site and month, in the order they came (by 编号). */
export function reportsOf(reports: readonly Report[], siteId: string, month: Month): Report[] {
  return reports
    .filter((r) => r.orgId === siteId && r.month === month && counts(r))
    .sort((a, b) => a.no - b.no)
}

/** Up to `max` characters of a text on one line, with … when cut. */
export function firstWords(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim()
  const chars = [...line]
  return chars.length <= max ? line : `${chars.slice(0, max).join('')}…`
}

/** Words that acknowledge rather than report: 收到, 好的, 谢谢…. */
const ACKNOWLEDGEMENTS = /收到|好的|谢谢|感谢|已阅|明白|知道了|辛苦了?|点赞|ok|好/giu

/**
 * True when a report's text says something: at least two letters or digits once acknowledgements
 * (收到, 好的…), emoji, punctuation and spaces are left out. `#上报 🎉🎉🎉👍` and `#上报 收到` are not
 * reports; an article, a file or a picture shared with it is.
 */
export function isSubstantive(text: string): boolean {
  const words =
    text
      .normalize('NFKC')
      .replace(ACKNOWLEDGEMENTS, '')
      .match(/[\p{L}\p{N}]/gu) ?? []
  return words.length >= 2
}
