/**
 * Sentences of issue 10, second part (a coordinator's first week): what was reported and what a
 * receipt holds, hints that fit the command, and lists that fit a phone screen with the full list
 * one command away.
 */
import { IMPORT } from './imports.js'
import { quote } from './quote.js'
import type { Month } from '../domain/calendar.js'
import { shanghaiDate } from '../domain/calendar.js'
import { dayMonthLabel, fullMonthLabel, monthLabel } from './format.js'
import type { ReminderKind, ReminderSettings } from '../domain/reminders.js'
import { REMINDER_KINDS } from '../domain/reminders.js'
import type { ReportContents, ReportKind } from '../domain/report-contents.js'
import { contentsOf, firstWords, isEmpty, kindOf } from '../domain/report-contents.js'
import type { MonthTally, Report, SiteYear } from '../domain/reports.js'
import type { Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import { DETAIL_WORD } from '../domain/vocabulary.js'
import { KIND_LABEL } from './reminders.js'
import { shortName } from './reports.js'

const LIST_SEP = '、'
const FIGURE_SEP = '，'
/** A list of names on one line: A、B、C. */
export const listOf = (names: readonly string[]) => names.join(LIST_SEP)

export const KIND_WORD: Record<ReportKind, string> = {
  article: '文章',
  file: '文件',
  image: '图片',
  text: '文字',
}

/** 文章《…》、文件《…》、2 张图片 — what was shared with a report; '' when nothing was. */
export function contentsPhrase(c: ReportContents): string {
  const parts: string[] = []
  if (c.articles.length === 1) parts.push(`文章《${firstWords(c.articles[0]!, 20)}》`)
  else if (c.articles.length > 1) parts.push(`${c.articles.length} 篇文章`)
  if (c.files.length === 1) parts.push(`文件《${firstWords(c.files[0]!, 20)}》`)
  else if (c.files.length > 1) parts.push(`${c.files.length} 个文件`)
  if (c.images > 0) parts.push(`${c.images} 张图片`)
  return listOf(parts)
}

/** 含 + the phrase, a space before a number: 含文章《…》, 含 2 张图片. */
const holding = (word: string, phrase: string) => (/^\d/.test(phrase) ? `${word} ${phrase}` : word + phrase)

/** `，含文章《…》` for a receipt's brackets; '' for a report of text only. */
export function receiptContents(r: Pick<Report, 'links' | 'files'>): string {
  const c = contentsOf(r)
  return isEmpty(c) ? '' : `，${holding('含', contentsPhrase(c))}`
}

/** One line per report: 编号12 11月18日 文章（补报）：标题或正文开头. */
function reportLine(r: Report): string {
  const flags = [r.late ? '补报' : '', r.onBehalf ? `${r.submitterName}代报` : ''].filter(Boolean)
  const c = contentsOf(r)
  const kind =
    KIND_WORD[kindOf(r)] + (c.images > 1 && c.articles.length + c.files.length === 0 ? `×${c.images}` : '')
  const what = firstWords(r.title || r.text || contentsPhrase(c), 24)
  return `编号${r.no} ${dayMonthLabel(shanghaiDate(r.at))} ${kind}${flags.length > 0 ? `（${listOf(flags)}）` : ''}：${what}`
}

/** More names than this on one line are split by working group. */
const LONG_LIST = 8

/** 第一组（3）：A、B、C — one line per group that has any of the sites. */
function byGroup(sites: Site[]): string[] {
  return GROUP_NOS.flatMap((g) => {
    const inGroup = sites.filter((s) => s.group === g)
    return inGroup.length > 0
      ? [`${GROUP_NAMES[g]}（${inGroup.length}）：${listOf(inGroup.map(shortName))}`]
      : []
  })
}

export const W = {
  /**
   * #进度: the year in three lines (reported months with their pieces, missed months, this
   * month), then the reports of `month` one per line with their 编号.
   */
  progress(y: SiteYear, current: Month, month: Month, reports: Report[]): string {
    const year = current.slice(0, 4)
    const lines = [`${y.site.name} ${year}年创建信息（共 ${y.total} 篇）`]
    const done = y.months.filter((m) => m.count > 0)
    if (done.length > 0) lines.push(`已报：${listOf(done.map((m) => `${monthLabel(m.month)} ${m.count}篇`))}`)
    if (y.missed.length > 0) lines.push(`缺报：${listOf(y.missed.map((m) => monthLabel(m)))}`)
    const noData = y.months.filter((m) => !m.tracked && m.count === 0 && m.month < current)
    if (noData.length > 0)
      lines.push(`无数据（机器人启用前，未导入）：${listOf(noData.map((m) => monthLabel(m.month)))}`)
    if (!done.some((m) => m.month === current)) lines.push(`${monthLabel(current)}尚未上报`)
    if (reports.length > 0) {
      const own = reports.filter((r) => r.via !== 'import')
      const imported = reports.length - own.length
      lines.push(
        `${monthLabel(month, year)}的上报：`,
        ...own.map(reportLine),
        ...(imported > 0 ? [`${IMPORT.mark} ${imported} 篇（历史台账，无正文）`] : []),
      )
    } else if (month !== current) lines.push(`${monthLabel(month, year)}没有上报。`)
    return lines.join('\n')
  },

  /** A share added to the report just made: what it holds now (a burst of photos merges into one). */
  attached: (no: number, r: Pick<Report, 'links' | 'files'>) =>
    `已加入编号${no}，${holding('现含', contentsPhrase(contentsOf(r)))}。${W.detachHint(no)}`,
  /** After a receipt that took shares: which report they are in, and how to undo it. */
  detachHint: (no: number) => `如分享的内容不属于编号${no}，请发送 #撤回 ${no} 后重新上报。`,
  /** Private answer to an unregistered person whose shared article looks like 创建信息. */
  shareUnregistered:
    '您分享的文章没有计入创建信息：您还没有注册。请先私聊发送 #注册 姓名 单位，再分享文章并发送 #上报。',
  /** A shared article nothing counted, once a day per member. */
  articleHint: (minutes: number) => `这篇文章如需计入创建信息，请在 ${minutes} 分钟内发送 #上报`,

  /** #统计: headline, groups, then the sites not reported grouped; the full list one command away. */
  tallyBrief(t: MonthTally, monthWord: string): string {
    const lines = [
      `${fullMonthLabel(t.month)}创建信息：全市已报 ${t.reported}/${t.total}`,
      `省级 ${t.byLevel['省级'].reported}/${t.byLevel['省级'].total}，市级 ${t.byLevel['市级'].reported}/${t.byLevel['市级'].total}`,
      GROUP_NOS.filter((g) => t.byGroup[g].total > 0)
        .map((g) => `${GROUP_NAMES[g]} ${t.byGroup[g].reported}/${t.byGroup[g].total}`)
        .join(FIGURE_SEP),
    ]
    const pieces = t.sites.reduce((n, s) => n + s.count, 0)
    const late = t.sites.reduce((n, s) => n + s.late, 0)
    if (t.reported > 0) lines.push(`共 ${pieces} 篇${late > 0 ? `（含补报 ${late} 篇）` : ''}`)
    const behind = t.sites.filter((s) => s.count === 0).map((s) => s.site)
    if (behind.length === 0) lines.push('全部示范点均已上报。')
    else {
      lines.push(`未报（${behind.length}）：`, ...byGroup(behind))
    }
    lines.push(`逐个示范点及篇数：#统计 ${monthWord ? `${monthWord} ` : ''}${DETAIL_WORD}`)
    return lines.join('\n')
  },

  /** #汇总: the sites behind grouped by what they missed (equal lines as one). */
  summaryBehind(rows: { site: Site; missed: Month[]; now: boolean }[]): string[] {
    const groups = new Map<string, Site[]>()
    for (const r of rows) {
      const parts: string[] = []
      if (r.missed.length > 0) parts.push(`缺报${listOf(r.missed.map((m) => monthLabel(m)))}`)
      if (r.now) parts.push('本月未报')
      const key = parts.join('，')
      groups.set(key, [...(groups.get(key) ?? []), r.site])
    }
    // A long list is split by working group, so that it reads on a phone.
    return [...groups].flatMap(([what, sites]) =>
      sites.length <= LONG_LIST || new Set(sites.map((x) => x.group)).size === 1
        ? [`${what}（${sites.length}）：${listOf(sites.map(shortName))}`]
        : [`${what}（${sites.length}）：`, ...byGroup(sites)],
    )
  },
  summaryHead(label: string, current: MonthTally, from: Month, pieces: number, rate: number | null) {
    return [
      `${label}汇总（${fullMonthLabel(current.month)}）`,
      `本月已报 ${current.reported}/${current.total}`,
      `今年（${monthLabel(from)}起）共 ${pieces} 篇${rate === null ? '' : `，已过月份上报率 ${rate}%`}`,
    ]
  },
  summaryNone: '没有落后的示范点。',
  summaryCount: (n: number) => `需关注的示范点 ${n} 个：`,
  summaryMore: (word: string) => `逐个列出：#汇总 ${word ? `${word} ` : ''}${DETAIL_WORD}`,

  /** #未注册: the people on one line, the sites nobody registered for by working group. */
  unregistered(people: { name: string }[], emptySites: Site[]): string {
    const lines = [
      people.length === 0
        ? '群内成员均已实名注册。'
        : `群内尚未实名注册 ${people.length} 人：${listOf(people.map((p) => p.name))}`,
    ]
    if (emptySites.length === 0) lines.push('示范点均已有人注册。')
    else
      lines.push(
        `尚无人注册的示范点 ${emptySites.length} 个：`,
        ...byGroup(emptySites),
        `编号和全称：#未注册 ${DETAIL_WORD}`,
      )
    return lines.join('\n')
  },

  /** #提醒设置 alone: the settings in force and how to change them. */
  reminderSettings(s: ReminderSettings): string {
    const on = (k: ReminderKind) => !s.paused && !s.off.includes(k)
    const lines = [
      s.paused ? '提醒设置（全部提醒已暂停）：' : '提醒设置：',
      ...REMINDER_KINDS.map(
        (k) =>
          `${KIND_LABEL[k]} ${k === 'mid' ? `每月 ${s.midDay} 日 ` : ''}${s.times[k]}${on(k) ? '' : '（已关闭）'}`,
      ),
      '修改：',
      s.paused ? '#提醒设置 恢复 — 恢复全部提醒' : '#提醒设置 暂停 [种类] — 暂停全部或一种提醒',
      '#提醒设置 恢复 种类 — 恢复一种提醒',
      '#提醒设置 时间 最后 15:30 — 改发送时间',
      '#提醒设置 月中日 18 — 改月中进度的日期',
      '种类：月中、截止前、最后、通报、预警',
    ]
    return lines.join('\n')
  },
  reminderOpUnknown: (word: string) =>
    `没有“${quote(word)}”这项设置。可写暂停、恢复、时间或月中日；只发 #提醒设置 查看当前设置。`,
  reminderWhatExample: '#提醒设置 暂停',
  reminderTimeMissing: '请写明提醒种类和时间。',
  reminderTimeExample: '#提醒设置 时间 最后 15:30',
  reminderAll: '全部提醒',
  /** The scopes a reply is about: 第一组、西岗区. */
  scopes: (labels: string[]) => listOf(labels),
}
