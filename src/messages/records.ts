/** Every sentence of the site records: 六有, projects, plans, guidance, kinds, 档案, roster changes, 日志. */
import type { AuditAction, AuditEntry } from '../domain/audit.js'
import type { Guidance, Plan, Project, SixHaveEntry, SixItem, SixState } from '../domain/records.js'
import { SIX_ITEMS } from '../domain/records.js'
import type { RosterChangeError } from '../domain/roster-history.js'
import { rosterProblem } from './zh.js'
import { addMonths } from '../domain/calendar.js'
import { dayMonthLabel, displayName, fullMonthLabel, periodLabel } from './format.js'

/** The first month a change from `day` covers whole: that month when it is the 1st, else the next. */
const firstWholeMonth = (day: string) =>
  day.endsWith('-01') ? day.slice(0, 7) : addMonths(day.slice(0, 7), 1)
import type { GroupNo, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { SETTING_LABEL } from './assessment-settings.js'
import { quote } from './quote.js'

export { periodLabel }

const STATE_MARK: Record<SixState, string> = { 已达标: '✅', 建设中: '🚧', 未达标: '❌' }
const PROJECT_STATUS: Record<Project['status'], string> = {
  active: '进行中',
  done: '已完成',
  stopped: '已停止',
}

/** "未提交计划（3）：A、B、C" with at most `max` names. */
export function namedList(label: string, names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).join('、')
  return `${label}（${names.length}）：${shown}${names.length > max ? '…' : ''}`
}

export const shortName = (s: Site): string => displayName(s)

/** An instant as Dalian reads it: `2026-11-24 10:00` (Asia/Shanghai has no daylight saving: UTC+8). */
export const shanghaiTime = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/** How a detail value of the audit trail reads, by its key (others as they are). */
const DETAIL: Record<string, (v: string) => string> = {
  from: (v) => `${v}起`,
  group: (v) => GROUP_NAMES[Number(v) as GroupNo] ?? v,
  status: (v) => (v in PROJECT_STATUS ? PROJECT_STATUS[v as Project['status']] : v),
  no: (v) => `#${v}`,
  period: (v) => periodLabel(v),
  score: (v) => `${v}分`,
  year: (v) => `${v}年`,
}

/** What an audit entry concerns, in words: a site's short name, a person, a report number. */
export function auditTarget(target: string, org: Site | undefined, person: string | undefined): string {
  if (org) return shortName(org)
  if (person) return person
  return /^\d+$/.test(target) ? `编号${target}` : target === 'assessment' ? '考核设置' : target
}

/** The audit actions in words. */
export const AUDIT_LABEL: Record<AuditAction, string> = {
  'roster.retire': '退出示范点',
  'roster.restore': '恢复示范点',
  'roster.add': '新增示范点',
  'roster.move': '调整工作组',
  'roster.rename': '示范点更名',
  'role.grant': '任命',
  'role.revoke': '免职',
  'report.withdraw': '撤回上报',
  'report.kind': '标记类别',
  'report.recommend': '推荐典型',
  'report.unrecommend': '撤销推荐',
  'settings.change': '修改设置',
  'six.set': '六有',
  'project.add': '新增项目',
  'project.status': '项目状态',
  'plan.set': '工作计划',
  'guidance.add': '指导',
  'score.set': '组长评分',
  'assessment.verdict': '考核结论',
  'import.apply': '导入历史数据',
  'import.undo': '撤回导入',
}

export const REC = {
  unavailable: '示范点档案功能尚未启用，请联系管理员。',
  noScope: '请写明单位。组长、联络员和管理员不写单位时查看负责范围内的汇总。',
  noRole: '只有本单位已注册成员、联络员、组长或管理员可以记录。',
  notYours: (s: Site) => `你不能为“${s.name}”记录：只能记录本单位，或你负责范围内的示范点。`,
  notASite: (name: string) => `“${quote(name)}”不是示范点。`,
  siteMissing: '请写明单位（全称、简称或编号）。',
  noSiteOfYours: '请写明单位：你没有注册到示范点。',

  sixUsage: '#六有 [单位] 有阵地 已达标 说明',
  sixBadItem: (w: string) => `“${quote(w)}”不是六有中的一项。六有：${SIX_ITEMS.join('、')}。`,
  sixBadState: (w: string) => `“${quote(w)}”不是状态。请写：已达标、建设中 或 未达标。`,
  sixSaved: (s: Site, e: SixHaveEntry, done: number) =>
    `已记录：${s.name} ${e.item} ${STATE_MARK[e.state]}${e.state}${e.description ? `（${e.description}）` : ''}\n六有已达标 ${done}/6。`,
  sixOfSite: (s: Site, items: Record<SixItem, SixHaveEntry | null>) =>
    [
      `${s.name} 六有：`,
      ...SIX_ITEMS.map((i) => {
        const e = items[i]
        const state: SixState = e?.state ?? '未达标'
        const ev =
          (e && e.evidence.reports.length > 0 ? ` 见编号${e.evidence.reports.join('、')}` : '') +
          (e && e.evidence.files.length > 0 ? ` 附件${e.evidence.files.length}个` : '')
        return `${STATE_MARK[state]} ${i} ${state}${e?.description ? `：${e.description}` : ''}${ev}`
      }),
    ].join('\n'),
  sixMatrix: (rows: { site: Site; states: SixState[] }[], groups: GroupNo[]) =>
    [
      `六有完成情况（✅达标 🚧建设中 ❌未达标；顺序：人员 阵地 项目 载体 制度 特色）`,
      ...groups.flatMap((g) => [
        `【${GROUP_NAMES[g]}】`,
        ...rows
          .filter((r) => r.site.group === g)
          .map(
            (r) =>
              `${r.states.map((x) => STATE_MARK[x]).join('')} ${shortName(r.site)} ${r.states.filter((x) => x === '已达标').length}/6`,
          ),
      ]),
    ].join('\n'),

  projectUsage: '#项目 新增 "名称" 说明｜#项目 完成 编号｜#项目 停止 编号｜#项目 [单位]',
  projectAdded: (s: Site, p: Project) => `已新增服务项目 ${p.no}：${p.name}（${s.name}）`,
  projectUnknown: (no: number) => `没有编号为 ${no} 的服务项目。发送 #项目 查看。`,
  projectStatus: (p: Project) => `服务项目 ${p.no}「${p.name}」已标记为${PROJECT_STATUS[p.status]}。`,
  projectNameMissing: '请写项目名称，例如 #项目 新增 "四点半课堂" 面向双职工子女',
  projectsOfSite: (s: Site, list: readonly Project[]) =>
    list.length === 0
      ? `${s.name} 还没有登记服务项目。`
      : [
          `${s.name} 服务项目（${list.length}）：`,
          ...list.map(
            (p) =>
              `${p.no}. ${p.name}【${PROJECT_STATUS[p.status]}】${p.description ? ` ${p.description}` : ''}`,
          ),
        ].join('\n'),

  planUsage: '#计划 [单位] 年份 计划内容',
  planYearMissing: '请写年份和计划内容，例如 #计划 2027 一季度完成阵地改造…',
  planEmpty: '请写计划内容，或先分享计划文件再发送 #计划 年份。',
  planAwaitingFile: (year: number, minutes: number) =>
    `请在 ${minutes} 分钟内分享${year}年工作计划文件（Word、PDF 或照片），或写 #计划 ${year} 计划内容。`,
  planSaved: (s: Site, p: Plan, updated: boolean) =>
    `已${updated ? '更新' : '提交'} ${s.name} ${p.year}年工作计划${p.file ? `（文件：${p.file.name}）` : ''}。`,
  plansMissing: (year: number, missing: readonly Site[], total: number) =>
    missing.length === 0
      ? `${year}年工作计划：${total} 个示范点全部已提交。`
      : `${year}年工作计划：已提交 ${total - missing.length}/${total}\n${namedList('未提交计划', missing.map(shortName))}`,

  guidanceUsage: '#指导 单位 内容',
  guidanceContentMissing: '请写指导内容，例如 #指导 日新街道 现场指导阵地建设',
  guidanceSaved: (s: Site, g: Guidance, count: number, period: string) =>
    `已记录对 ${s.name} 的指导（${g.date}）。${periodLabel(period)}累计 ${count} 次。`,

  kindUsage: '#标记 编号 规定动作|自选动作|宣传报道',
  kindBad: (w: string) => `“${quote(w)}”不是类别。请写：规定动作、自选动作 或 宣传报道。`,
  reportUnknown: (no: string) => `没有编号为 ${quote(no)} 的上报。`,
  reportWithdrawn: (no: number) => `编号 ${no} 的上报已撤回。`,
  kindSaved: (no: number, kind: string) => `已将编号 ${no} 标记为「${kind}」。`,

  fileUsage: '#档案 [单位]',
  siteFile: (f: {
    site: Site
    people: number
    months: { reported: number; elapsed: number; year: string }
    six: SixState[]
    projects: number
    plan: string | null
    guidance: number
    period: string
    last: { period: string; score: number; verdict: string; rank: number; of: number } | null
  }) =>
    [
      `【${f.site.name}】${f.site.retired ? '（已退出）' : ''}`,
      `编号${f.site.no} ${f.site.level} ${GROUP_NAMES[f.site.group]} ${f.site.district}`,
      `已注册 ${f.people} 人`,
      `${f.months.year}年已报 ${f.months.reported}/${f.months.elapsed} 个月`,
      `六有 ${f.six.map((x) => STATE_MARK[x]).join('')} 已达标 ${f.six.filter((x) => x === '已达标').length}/6`,
      `服务项目 ${f.projects} 个`,
      `工作计划：${f.plan ?? '未提交'}`,
      `${periodLabel(f.period)}指导 ${f.guidance} 次`,
      `最近考核：${
        f.last
          ? `${periodLabel(f.last.period)} ${f.last.score}分 ${f.last.verdict}（组内第${f.last.rank}/${f.last.of}）`
          : '暂无'
      }`,
    ].join('\n'),
  planShort: (p: Plan) =>
    `${p.year}年已提交${p.file ? `（${p.file.name}）` : `：${p.text.slice(0, 16)}${p.text.length > 16 ? '…' : ''}`}`,

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

  recommendUsage: '#推荐 编号 理由｜#推荐 撤销 编号 [原因]',
  unrecommended: (no: number, site: string) => `已撤销编号 ${no}（${site}）的推荐，不再收入经验汇编。`,
  notRecommended: (no: number) => `编号 ${no} 没有被推荐，无需撤销。`,
  recommended: (no: number, site: string) => `已推荐编号 ${no}（${site}）为典型经验，将收入经验汇编。`,
  compilationUsage: '#经验汇编 2026上半年',
  compilationEmpty: (period: string) =>
    `${periodLabel(period)}还没有推荐的典型经验。发送 #推荐 编号 理由 推荐。`,
  compilationSent: (period: string, n: number) => `${periodLabel(period)}经验汇编（${n} 篇）已私信发给你。`,
  compilationFile: (period: string, n: number) => `${periodLabel(period)}经验汇编，共 ${n} 篇。`,
  auditUsage: '#日志 [条数|单位]',
  auditEmpty: '日志中还没有记录。',
  auditLines: (entries: readonly AuditEntry[], total: number, nameOf: (target: string) => string) =>
    [
      `操作日志（共 ${total} 条，最新在前）：`,
      ...entries.map((e) => {
        const what = Object.entries(e.detail)
          .filter(([, v]) => v !== '')
          .map(([k, v]) => DETAIL[k]?.(v) ?? (k in SETTING_LABEL ? `${SETTING_LABEL[k]}=${v}` : v))
          .join(' ')
        const line = `${shanghaiTime(e.at).slice(5)} ${e.byName || e.by} ${AUDIT_LABEL[e.action]} ${nameOf(e.target)}${what ? ` ${what}` : ''}${e.reason ? ` 原因：${e.reason}` : ''}`
        return line.length > 60 ? `${line.slice(0, 59)}…` : line
      }),
    ].join('\n'),
  auditSheet: {
    name: '操作日志',
    columns: ['序号', '时间', '操作人', '操作人ID', '操作', '对象', '内容', '原因', '哈希'],
  },
}

/** The audit trail as rows for an Excel sheet, oldest first. */
export function auditSheet(entries: readonly AuditEntry[]): {
  name: string
  columns: string[]
  rows: string[][]
} {
  return {
    name: REC.auditSheet.name,
    columns: REC.auditSheet.columns,
    rows: entries.map((e) => [
      String(e.seq),
      shanghaiTime(e.at),
      e.byName,
      e.by,
      AUDIT_LABEL[e.action],
      e.target,
      Object.entries(e.detail)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
      e.reason,
      e.hash,
    ]),
  }
}
