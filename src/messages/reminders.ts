/** The reminders the scheduler posts, and the names of the kinds of reminder. */
import { addMonths, type Month } from '../domain/calendar.js'
import { dayMonthLabel, fullMonthLabel, monthLabel } from './format.js'
import type { MonthTally } from '../domain/reports.js'
import type { Occurrence, ReminderKind } from '../domain/reminders.js'
import type { Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { groupLines } from './reports.js'
import { behindLines } from './sites.js'

export const KIND_LABEL: Record<ReminderKind, string> = {
  mid: '月中进度',
  pre: '截止前提醒',
  final: '最后一天提醒',
  close: '月度通报',
  warn: '连续未报预警',
}

const WEEKDAYS = '日一二三四五六'
/** 2026-11-30 → 11月30日（周一）. */
export function dayLabel(date: string): string {
  return `${dayMonthLabel(date)}（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`
}

/**
 * The months a reminder is about: its month, or for the warning the two months before it (the
 * warning sent in December is about October and November).
 */
export function aboutMonths(o: Pick<Occurrence, 'kind' | 'month'>): string {
  if (o.kind !== 'warn') return monthLabel(o.month)
  return [addMonths(o.month, -2), addMonths(o.month, -1)].map((m) => monthLabel(m)).join('、')
}

function unreportedLines(unreported: Site[], nobody: Site[]): string[] {
  return ['尚未上报：', ...behindLines(unreported, nobody)]
}

export const REM = {
  mid: (t: MonthTally, unreported: Site[], nobody: Site[], lastDay: string) =>
    [
      `【月中进度】${monthLabel(t.month)}创建信息全市已报 ${t.reported}/${t.total}，本月截至 ${dayMonthLabel(lastDay)}。`,
      ...unreportedLines(unreported, nobody),
    ].join('\n'),
  pre: (t: MonthTally, unreported: Site[], nobody: Site[], workdaysLeft: number, lastDay: string) =>
    [
      `【截止提醒】${monthLabel(t.month)}创建信息还有 ${workdaysLeft} 个工作日截止（${dayMonthLabel(lastDay)}），全市已报 ${t.reported}/${t.total}。`,
      ...unreportedLines(unreported, nobody),
    ].join('\n'),
  final: (t: MonthTally, unreported: Site[], nobody: Site[]) =>
    [
      `【最后一天】今天是${monthLabel(t.month)}最后一个工作日，全市已报 ${t.reported}/${t.total}，请尚未上报的示范点今天完成上报。`,
      ...unreportedLines(unreported, nobody),
    ].join('\n'),
  close(t: MonthTally, unreported: Site[], lateUntil: string | null): string {
    const lines = [
      `【${monthLabel(t.month)}通报】${fullMonthLabel(t.month)}创建信息全市已报 ${t.reported}/${t.total}（省级 ${t.byLevel['省级'].reported}/${t.byLevel['省级'].total}，市级 ${t.byLevel['市级'].reported}/${t.byLevel['市级'].total}）`,
      ([1, 2, 3] as const)
        .map((g) => `${GROUP_NAMES[g]} ${t.byGroup[g].reported}/${t.byGroup[g].total}`)
        .join('，'),
    ]
    if (unreported.length === 0) lines.push('全部示范点均已上报，谢谢大家！')
    else {
      lines.push('未报：', ...groupLines(unreported))
      lines.push(
        lateUntil
          ? `补报截至 ${dayMonthLabel(lateUntil)}，发送：#补报 ${t.month} 正文`
          : `${monthLabel(t.month)}的补报已截止。`,
      )
    }
    return lines.join('\n')
  },
  warn: (months: Month[], sites: Site[], scope: string) =>
    [
      `【预警】${scope}以下示范点${months.map((m) => monthLabel(m)).join('、')}连续未报创建信息：`,
      ...groupLines(sites),
      '请督促整改；半年考核时将据此落实退出机制。',
    ].join('\n'),
}
