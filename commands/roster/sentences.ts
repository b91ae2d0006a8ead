/** What the roster commands say: the list of sites, a site leaving and coming back, new sites, moves, renames. */
import { addMonths } from '../../src/domain/calendar.js'
import type { RosterProblem } from '../../src/domain/roster.js'
import type { RosterChangeError } from '../../src/domain/roster-history.js'
import type { GroupNo, Site } from '../../src/domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../../src/domain/types.js'
import { dayMonthLabel, fullMonthLabel } from '../../src/messages/format.js'
import { quote } from '../../src/messages/quote.js'

/** The first month a change from `day` covers whole: that month when it is the 1st, else the next. */
const firstWholeMonth = (day: string) =>
  day.endsWith('-01') ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1)

/** Why a roster is not valid (a duplicate id or 编号, a short name pointing at two units). */
function rosterProblem(p: RosterProblem): string {
  switch (p.code) {
    case 'DUPLICATE_ID':
      return `名单中编号重复：${p.id}`
    case 'DUPLICATE_NO':
      return `名单中序号重复：${p.no}`
    case 'ALIAS_CLASH':
      return `名单中简称“${p.key}”同时指向“${p.first}”和“${p.second}”`
  }
}

export const ROSTER = {
  sitesHeader: (n: number, filter: string | null) =>
    filter ? `${filter}示范点 ${n} 个：` : `示范点 ${n} 个（编号可用于注册）：`,
  /** The sites, by working group: a group header unless the list is of one group, then `编号. 名称（级别）`. */
  siteList(sites: Site[], filter: string | null): string {
    const lines = [ROSTER.sitesHeader(sites.length, filter)]
    for (const g of GROUP_NOS) {
      const inGroup = sites.filter((s) => s.group === g)
      if (inGroup.length === 0) continue
      if (filter !== GROUP_NAMES[g]) lines.push(`【${GROUP_NAMES[g]}】`)
      for (const s of inGroup) lines.push(`${s.no}. ${s.name}（${s.level}）`)
    }
    return lines.join('\n')
  },
  sitesFilterUnknown: (word: string) =>
    `无法按“${quote(word)}”筛选。可写：第一组、第二组、第三组、省级、市级或区名。`,

  // Changes
  addUsage: '#新增示范点 名称 省级|市级 第N组 区名 [简称、简称]',
  addBad: '格式：#新增示范点 名称 省级|市级 第N组 区名 [简称、简称]',
  added: (s: Site, from: string) =>
    `已新增示范点 ${s.no}：${s.name}（${s.level}，${GROUP_NAMES[s.group]}，${s.district}），自 ${dayMonthLabel(from)}起加入，${fullMonthLabel(firstWholeMonth(from))}起计入统计。`,
  moveUsage: '#调整示范点 单位 第N组',
  moved: (s: Site, g: GroupNo, from: string) =>
    `已将 ${s.name} 调整到${GROUP_NAMES[g]}，${from} 起生效；此前月份仍按原组统计。`,
  renameUsage: '#更名示范点 单位 新名称',
  renamed: (old: string, s: string, from: string) =>
    `已将“${old}”更名为“${quote(s)}”，${from} 起生效；原名仍可查找。`,
  groupBad: (w: string) => `“${quote(w)}”不是工作组，请写第一组、第二组或第三组。`,
  rosterError: (e: RosterChangeError) => {
    switch (e.code) {
      case 'ALREADY_RETIRED':
        return `${e.site.name} 已经退出。`
      case 'NOT_RETIRED':
        return `${e.site.name} 不在退出名单中。`
      case 'SAME_GROUP':
        return `${e.site.name} 已在${GROUP_NAMES[e.group]}。`
      case 'NAME_TOO_LONG':
        return `未保存：名称或简称“${quote(e.word)}”太长，最多 ${e.max} 个字。`
      case 'SAME_NAME':
        return `${e.site.name} 已是这个名称。`
      case 'NAME_TAKEN':
        return `未保存：“${quote(e.word)}”已是${e.other.name}的名称或简称，请换一个。`
      case 'ROSTER_INVALID':
        return `改动未保存：${e.problem ? rosterProblem(e.problem) : '名单校验未通过'}。`
      default:
        return '改动未保存：单位不存在或不是示范点。'
    }
  },
}

/** The sites on the roster now, and those this month's tallies count (a change counts from next month). */
export interface SiteCount {
  total: number
  thisMonth: number
}

/** 现有示范点 30 个, and how many this month counts when that differs (the receipts' x/29). */
const siteCount = (n: SiteCount) =>
  n.thisMonth === n.total
    ? `现有示范点 ${n.total} 个`
    : `现有示范点 ${n.total} 个，本月计入统计 ${n.thisMonth} 个`

export const EXIT = {
  usage: '#退出示范点 单位 原因',
  reasonMissing: '请写明退出原因，例如：#退出示范点 日新街道 连续三个月未报送',
  restoreUsage: '#恢复示范点 单位',
  orgMissing: '请写明单位（全称、简称或编号）。',
  retired: (site: Site, sites: SiteCount, from: string) =>
    `${site.name}自 ${dayMonthLabel(from)}起退出示范点名单，当月起不再计入统计和提醒（${siteCount(sites)}），此前月份的统计和历史上报保留。`,
  alreadyRetired: (site: Site) => `${site.name}已不在示范点名单中。`,
  restored: (site: Site, sites: SiteCount) => `${site.name}已恢复为示范点（${siteCount(sites)}）。`,
  notRetired: (site: Site) => `${site.name}本来就在示范点名单中。`,
}
