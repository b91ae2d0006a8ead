/** Every sentence and keyword of the holiday calendar (#节假日 and the admins' notices). */
import { dayMonthLabel } from './format.js'
import type { HolidayInputError, HolidayWords } from '../domain/holiday-input.js'
import type { HolidayPeriod, HolidayYear, WorkdayDiff } from '../domain/holidays.js'
import { quote } from './quote.js'

export const HOLIDAY_WORDS: HolidayWords = {
  workday: ['调休上班', '调休', '上班', '补班'],
  remove: ['删除', '删去'],
  clear: ['清除', '清空'],
  off: ['放假', '休息'],
  rangeSeparators: ['至', '~', '到', '—', '–'],
}

const WEEKDAYS = '日一二三四五六'
const day = (date: string) =>
  `${dayMonthLabel(date)}（周${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`

/** How to enter a year, step by step (for the December notice and for #节假日 without data). */
export const howToEnter = (year: number) =>
  [
    `请管理员按国务院办公厅公布的${year}年放假安排，每个假期发一条：`,
    `#节假日 ${year} 春节 ${year}-02-06至${year}-02-14 放假`,
    `每个调休上班日（周末上班）发一条，可一次写多个日期：`,
    `#节假日 ${year} 调休上班 ${year}-02-04 ${year}-02-20`,
    `录完发送“#节假日 ${year}”核对；录错了可发“#节假日 ${year} 删除 春节”或“#节假日 ${year} 清除”。`,
  ].join('\n')

const holidayLine = (h: HolidayPeriod) =>
  h.from === h.to ? `${h.name}：${day(h.from)}放假` : `${h.name}：${day(h.from)}至${day(h.to)}放假`

const statutoryLine = (y: HolidayYear) =>
  y.holidays
    .map((h) => `${h.name}${dayMonthLabel(h.from)}${h.from === h.to ? '' : `至${dayMonthLabel(h.to)}`}`)
    .join('、')

export const HOL = {
  usage: '#节假日 年份 [假期名 起始日至结束日 放假 | 调休上班 日期… | 删除 假期名或日期 | 清除]',
  adminOnly: '只有管理员可以录入或修改节假日；查看请发送“#节假日 年份”。',

  show(year: number, data: HolidayYear | undefined, computed: HolidayYear | null = null): string {
    const rule = computed ? [`按法定假日推算（调休待公布）：${statutoryLine(computed)}`] : []
    if (!data)
      return computed
        ? [
            `尚未录入${year}年的官方放假安排，提醒按法定假日推算，不含调休：`,
            ...computed.holidays.map(holidayLine),
            howToEnter(year),
          ].join('\n')
        : [`尚未录入${year}年的节假日（使用 chinese-days 自带的官方数据）。`, howToEnter(year)].join('\n')
    return [
      `${year}年节假日（官方，管理员录入）：`,
      ...data.holidays.map((h) =>
        h.from === h.to ? `${h.name}：${day(h.from)}放假` : `${h.name}：${day(h.from)}至${day(h.to)}放假`,
      ),
      data.workdays.length > 0 ? `调休上班：${data.workdays.map(day).join('、')}` : '调休上班：无',
      ...rule,
    ].join('\n')
  },
  saved: (year: number, data: HolidayYear | null) =>
    data === null ? `已清除${year}年录入的节假日。` : `已保存。\n${HOL.show(year, data)}`,

  error(e: HolidayInputError): string {
    switch (e.code) {
      case 'usage':
        return `格式不对。${HOL.usage}\n例如：#节假日 2027 春节 2027-02-06至2027-02-14 放假`
      case 'bad-year':
        return `“${quote(e.word)}”不是有效的年份，请写四位数字，例如 2027。`
      case 'bad-date':
        return `“${quote(e.word)}”不是有效的日期，请写成 2027-02-06 或 2027/2/6 这样的格式。`
      case 'out-of-year':
        return `${e.date} 不在${e.year}年内，请检查年份。`
      case 'reversed':
        return `结束日 ${e.to} 早于起始日 ${e.from}，请检查。`
      case 'too-long':
        return `${e.from}至${e.to}共 ${e.days} 天，超过一个月，请检查日期。`
      case 'overlap':
        return `这段日期与已录入的“${quote(e.name)}”（${e.from}至${e.to}）重叠。若要修改“${quote(e.name)}”，请用同一个名称重新录入。`
      case 'workday-in-holiday':
        return `${e.date} 在已录入的“${quote(e.name)}”假期内，不能同时是调休上班日。`
      case 'holiday-over-workday':
        return `这段日期包含已录入的调休上班日 ${e.date}，请先删除它（#节假日 ${e.date.slice(0, 4)} 删除 ${e.date}）。`
      case 'not-weekend':
        return `${e.date} 本来就是工作日（周一至周五），调休上班日应是周六或周日。`
      case 'not-found':
        return `没有找到“${quote(e.what)}”。`
    }
  },

  /** From December (or whenever the current year lacks data), privately to admins. */
  missing: (year: number) =>
    [
      `【提示】机器人还没有${year}年的官方放假安排，提醒暂按法定假日推算工作日（元旦、春节、清明、劳动节、端午、中秋、国庆），调休上班日未知。`,
      howToEnter(year),
    ].join('\n'),

  /** chinese-days now ships a year admins entered. */
  libraryNowHas(year: number, diff: WorkdayDiff[]): string {
    const head = `【提示】chinese-days 现已包含${year}年的节假日安排，与管理员录入的数据`
    if (diff.length === 0) return `${head}一致。可发送“#节假日 ${year} 清除”改用 chinese-days 的数据。`
    const shown = diff
      .slice(0, 20)
      .map(
        (d) =>
          `${day(d.date)}：录入为${d.entered ? '上班' : '休息'}，chinese-days 为${d.library ? '上班' : '休息'}`,
      )
    return [
      `${head}有 ${diff.length} 天不同（目前按录入的数据计算）：`,
      ...shown,
      ...(diff.length > shown.length ? [`……另有 ${diff.length - shown.length} 天`] : []),
      `若录入有误，请发送“#节假日 ${year} 清除”改用 chinese-days 的数据。`,
    ].join('\n')
  },
}
