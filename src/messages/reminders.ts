/** Every sentence of the reminders. */
import type { Month } from '../domain/calendar.js'
import { dayMonthLabel, fullMonthLabel, monthLabel } from './format.js'
import type { MonthTally } from '../domain/reports.js'
import type { Occurrence, ReminderKind, ReminderSettings } from '../domain/reminders.js'
import type { Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { groupLines } from './reports.js'
import { behindLines } from './usability.js'
import { quote } from './quote.js'

export const KIND_LABEL: Record<ReminderKind, string> = {
  mid: '月中进度',
  pre: '截止前提醒',
  final: '最后一天提醒',
  close: '月度通报',
  warn: '连续未报预警',
}

/** The words admins type for each kind. */
export const KIND_WORDS: Record<string, ReminderKind> = {
  月中: 'mid',
  月中进度: 'mid',
  截止前: 'pre',
  截止前提醒: 'pre',
  最后: 'final',
  最后一天: 'final',
  最后一天提醒: 'final',
  通报: 'close',
  月度通报: 'close',
  预警: 'warn',
  连续未报预警: 'warn',
}

const WEEKDAYS = '日一二三四五六'
/** 2026-11-30 → 11月30日（周一）. */
export function dayLabel(date: string): string {
  return `${dayMonthLabel(date)}（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`
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
  holidayMissing: (year: number) =>
    `【提示】机器人还没有${year}年的法定节假日和调休安排，提醒暂按周一至周五计算工作日。请运维人员升级 chinese-days 后重启机器人。`,

  // #提醒
  upcoming(list: Occurrence[], s: ReminderSettings): string {
    const head = s.paused ? '提醒已暂停（管理员发送“#提醒设置 恢复”可恢复）。原定：' : '接下来的提醒：'
    const lines = [
      head,
      ...list.map((o) => `${dayLabel(o.date)} ${o.time} ${KIND_LABEL[o.kind]}（${monthLabel(o.month)}）`),
    ]
    if (s.off.length > 0) lines.push(`已关闭：${s.off.map((k) => KIND_LABEL[k]).join('、')}`)
    return lines.join('\n')
  },
  upcomingNone: '近期没有要发送的提醒。',
  settingsUsage: '#提醒设置 暂停|恢复 [种类] | 时间 种类 HH:MM | 月中日 N',
  kindUnknown: (word: string) => `没有“${quote(word)}”这种提醒。可写：月中、截止前、最后、通报、预警。`,
  timeInvalid: (word: string) => `“${quote(word)}”不是有效的时间，请写成 09:30 这样的格式。`,
  dayInvalid: (word: string) => `“${quote(word)}”不是有效的日期，请写 1–28 之间的数字。`,
  paused: (what: string) => `已暂停${what}。发送“#提醒设置 恢复”可恢复。`,
  resumed: (what: string) => `已恢复${what}。`,
  timeSet: (kind: ReminderKind, time: string) => `${KIND_LABEL[kind]}改为 ${time} 发送。`,
  midDaySet: (day: number) => `月中进度改为每月 ${day} 日发送（逢节假日提前到前一个工作日）。`,
}
