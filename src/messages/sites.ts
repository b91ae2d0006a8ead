/**
 * How sites, organisations and roles read in sentences of several features: the tag of a unit, a
 * role's label, why a unit could not be found, and the sites behind by working group.
 */
import type { Line, Org, RoleSpec, Site } from '../domain/types.js'
import { GROUP_NAMES, GROUP_NOS } from '../domain/types.js'
import type { RegistrationError } from '../domain/registration.js'
import { dayMonthLabel, listed } from './format.js'
import { quote } from './quote.js'
import { shortName } from './reports.js'

const LIST_LIMIT = 8

function numbered(orgs: Org[]): string {
  const shown = orgs.slice(0, LIST_LIMIT).map((o) => `${o.no}. ${o.name}`)
  if (orgs.length > LIST_LIMIT) shown.push(`……等 ${orgs.length} 个`)
  return shown.join('\n')
}

/** 省级示范点·第二组, or 西岗区·工会 for a district organisation. */
export function orgTag(org: Org, line?: Line | null): string {
  if (org.kind === 'site') {
    return [`${org.level}示范点`, GROUP_NAMES[org.group], ...(line ? [line] : [])].join('·')
  }
  return org.kind === 'city' ? `市级·${org.line}` : `${org.district}·${org.line}`
}

export function roleLabel(g: RoleSpec): string {
  if (g.role === 'admin') return '管理员'
  if (g.role === 'leader') return `${GROUP_NAMES[g.group]}组长`
  return `${g.district}联络员`
}

/** Why #注册 (or a command naming a unit) could not be read. */
export function registrationError(e: RegistrationError): string {
  switch (e.code) {
    case 'REG_MISSING':
      return '请写上姓名和单位。'
    case 'REG_MISSING_ORG':
      return `请在姓名“${quote(e.name)}”后面写上单位。`
    case 'NAME_LENGTH':
      return `姓名“${quote(e.name)}”长度不对，应为 2–20 个字。`
    case 'NAME_DIGIT':
      return `姓名“${quote(e.name)}”里有数字，请填写真实姓名。`
    case 'NAME_EMOJI':
      return '姓名里有表情符号，请填写真实姓名。'
    case 'NAME_CHARS':
      return `姓名“${quote(e.name)}”含有不支持的字符，只能用汉字或英文字母。`
    case 'NAME_RESERVED':
      return `“${quote(e.name)}”不能作为姓名（这是条线或命令用词）。请先写姓名，再写单位。`
    case 'NAME_SPLIT':
      return `姓名“${quote(e.name)}”只有一个字。如果姓名是“${e.joined}”，请连起来写：#注册 ${e.retry}`
    case 'LINE_MANY':
      return `条线只能写一个，您写了${e.lines.map((l) => `“${quote(l)}”`).join('和')}，请只保留一个。`
    case 'EXTRA_WORDS':
      return `单位“${e.org.name}”后面的“${quote(e.words.join(' '))}”无法识别：条线只能写工会、团委或妇联。`
    case 'ORG_UNKNOWN':
      if (e.retired)
        return `${e.retired.name}${e.since ? `自 ${e.since.slice(0, 4)}年${dayMonthLabel(e.since)}起` : '已'}退出示范点名单，不再接受注册和记录。如有疑问请联系管理员。`
      return (
        `没有找到单位“${quote(e.input)}”。` +
        (e.suggestions.length > 0
          ? `您是不是指：\n${numbered(e.suggestions)}`
          : '发送 #示范点 可查看全部单位和编号。')
      )
    case 'ORG_AMBIGUOUS':
      return `“${quote(e.input)}”对应多个单位，请写全称或编号：\n${numbered(e.candidates)}`
    case 'LINE_CONFLICT':
      return e.org.kind === 'site'
        ? `条线只能写一个，您写了“${quote(e.other)}”和“${quote(e.given)}”。`
        : `“${e.org.name}”属于${e.org.line}条线，与填写的“${quote(e.given)}”不一致，请核对后重发。`
  }
}

/** Marks a site nobody has registered for (nobody to @-mention). */
const NOBODY_MARK = '*'

/**
 * The sites behind, one line per working group, each site once: `第一组（3）：A、B*、C`, a site
 * marked * when nobody has registered for it; with `names`, the people of each site in brackets.
 */
export function behindLines(unreported: Site[], nobody: Site[], names?: Map<string, string[]>): string[] {
  const empty = new Set(nobody.map((s) => s.id))
  const lines: string[] = []
  for (const g of GROUP_NOS) {
    const inGroup = unreported.filter((s) => s.group === g)
    if (inGroup.length === 0) continue
    const shown = inGroup.map((s) => {
      if (empty.has(s.id)) return shortName(s) + NOBODY_MARK
      const who = names?.get(s.id)
      return who && who.length > 0 ? `${shortName(s)}（${who.join('、')}）` : shortName(s)
    })
    lines.push(`${GROUP_NAMES[g]}（${inGroup.length}）：${shown.join('、')}`)
  }
  if (nobody.length > 0) lines.push(`${NOBODY_MARK} 尚无人注册，无法 @`)
  return lines
}

/** 第一组（3）：A、B、C — one line per group that has any of the sites. */
export function byGroup(sites: Site[]): string[] {
  return GROUP_NOS.flatMap((g) => {
    const inGroup = sites.filter((s) => s.group === g)
    return inGroup.length > 0
      ? [`${GROUP_NAMES[g]}（${inGroup.length}）：${listed(inGroup.map(shortName))}`]
      : []
  })
}
