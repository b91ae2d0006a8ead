/**
 * How a 创建信息 report reads in sentences of several features: a site's name in lists, what a
 * report holds, and the refusals about a report 编号.
 */
import type { ReportContents, ReportKind } from '../domain/report-contents.js'
import { contentsOf, firstWords, isEmpty } from '../domain/report-contents.js'
import type { Report } from '../domain/reports.js'
import type { Org, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { displayName, listed } from './format.js'
import { quote } from './quote.js'

/** The name a site goes by in lists: the one display-name rule of format.ts. */
export const shortName = (org: Org): string => displayName(org)

/** 第一组：A、B / 第二组：C … one line per group that has any of the sites. */
export function groupLines(sites: Site[]): string[] {
  const lines: string[] = []
  for (const g of [1, 2, 3] as const) {
    const inGroup = sites.filter((s) => s.group === g)
    if (inGroup.length > 0) lines.push(`${GROUP_NAMES[g]}：${inGroup.map(shortName).join('、')}`)
  }
  return lines
}

export const KIND_WORD: Record<ReportKind, string> = {
  article: '文章',
  file: '文件',
  image: '图片',
  text: '文字',
}

/** Titles named one by one up to this many; beyond, the count and the first ones. */
const NAMED = 3

/** 文章《A》、文章《A》《B》, or 5 篇文章（《A》《B》《C》等）: the person sees which shares were taken. */
function titled(word: string, unit: string, titles: readonly string[]): string {
  const width = titles.length === 1 ? 20 : 12
  const named = titles
    .slice(0, NAMED)
    .map((t) => `《${firstWords(t, width)}》`)
    .join('')
  return titles.length <= NAMED ? word + named : `${titles.length} ${unit}${word}（${named}等）`
}

/** 文章《…》、文件《…》《…》、2 张图片 — what was shared with a report; '' when nothing was. */
export function contentsPhrase(c: ReportContents): string {
  const parts: string[] = []
  if (c.articles.length > 0) parts.push(titled('文章', '篇', c.articles))
  if (c.files.length > 0) parts.push(titled('文件', '个', c.files))
  if (c.images > 0) parts.push(`${c.images} 张图片`)
  return listed(parts)
}

/** 含 + the phrase, a space before a number: 含文章《…》, 含 2 张图片. */
export const holding = (word: string, phrase: string) =>
  /^\d/.test(phrase) ? `${word} ${phrase}` : word + phrase

/** `，含文章《…》` for a receipt's brackets; '' for a report of text only. */
export function receiptContents(r: Pick<Report, 'links' | 'files'>): string {
  const c = contentsOf(r)
  return isEmpty(c) ? '' : `，${holding('含', contentsPhrase(c))}`
}

/** A report 编号 that #标记 and #推荐 cannot use. */
export const REPORT = {
  unknown: (no: string) => `没有编号为 ${quote(no)} 的上报。`,
  withdrawn: (no: number) => `编号 ${no} 的上报已撤回。`,
}
