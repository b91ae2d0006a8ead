/** What the site records say: 六有, 服务项目, 工作计划, 指导 and 档案. */
import type { Guidance, Plan, Project, SixHaveEntry, SixItem, SixState } from '../../src/domain/records.js'
import { SIX_ITEMS } from '../../src/domain/records.js'
import type { GroupNo, Site } from '../../src/domain/types.js'
import { GROUP_NAMES } from '../../src/domain/types.js'
import { quote } from '../../src/messages/quote.js'
import { periodLabel, PROJECT_STATUS, shortName, STATE_MARK } from '../../src/messages/records.js'

/** An item nobody has entered yet: not the same as 未达标, and never counted as failed. */
const UNFILLED = '未填报'
const UNFILLED_MARK = '⚪'
const mark = (x: SixState | null) => (x ? STATE_MARK[x] : UNFILLED_MARK)

/** "未提交计划（3）：A、B、C" with at most `max` names. */
function namedList(label: string, names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).join('、')
  return `${label}（${names.length}）：${shown}${names.length > max ? '…' : ''}`
}

export const RECORDS = {
  noSiteOfYours: '请写明单位：您没有注册到示范点。',

  // #六有
  sixUsage: '#六有 [单位] 有阵地 已达标 说明',
  sixBadItem: (w: string) => `“${quote(w)}”不是六有中的一项。六有：${SIX_ITEMS.join('、')}。`,
  sixBadState: (w: string) => `“${quote(w)}”不是状态。请写：已达标、建设中 或 未达标。`,
  sixStateMissing: (item: string) =>
    `请在“${item}”后写状态：已达标、建设中 或 未达标，例如 #六有 ${item} 已达标 说明`,
  sixSaved: (s: Site, e: SixHaveEntry, done: number) =>
    `已记录：${s.name} ${e.item} ${STATE_MARK[e.state]}${e.state}${e.description ? `（${e.description}）` : ''}\n六有已达标 ${done}/6。`,
  sixOfSite: (s: Site, items: Record<SixItem, SixHaveEntry | null>) =>
    [
      `${s.name} 六有：`,
      ...SIX_ITEMS.map((i) => {
        const e = items[i]
        if (!e) return `${UNFILLED_MARK} ${i} ${UNFILLED}`
        // A report the description names already (…编号1) is not linked a second time.
        const said = e.description.normalize('NFKC')
        const linked = e.evidence.reports.filter((no) => !new RegExp(`编号\\s*${no}(?!\\d)`).test(said))
        const ev =
          (linked.length > 0 ? ` 见编号${linked.join('、')}` : '') +
          (e.evidence.files.length > 0 ? ` 附件${e.evidence.files.length}个` : '')
        return `${STATE_MARK[e.state]} ${i} ${e.state}${e.description ? `：${e.description}` : ''}${ev}`
      }),
    ].join('\n'),
  sixMatrix: (rows: { site: Site; states: (SixState | null)[] }[], groups: GroupNo[]) =>
    [
      `六有完成情况（✅达标 🚧建设中 ❌未达标 ${UNFILLED_MARK}未填报；顺序：人员 阵地 项目 载体 制度 特色）`,
      ...groups.flatMap((g) => [
        `【${GROUP_NAMES[g]}】`,
        ...rows
          .filter((r) => r.site.group === g)
          .map(
            (r) =>
              `${r.states.map(mark).join('')} ${shortName(r.site)} ${r.states.filter((x) => x === '已达标').length}/6`,
          ),
      ]),
    ].join('\n'),

  // #项目
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

  // #计划
  planUsage: '#计划 [单位] 年份 计划内容',
  planYearMissing: '请写年份和计划内容，例如 #计划 2027 一季度完成阵地改造…',
  planAwaitingFile: (year: number, minutes: number) =>
    `请在 ${minutes} 分钟内分享${year}年工作计划文件（Word、PDF 或照片），或写 #计划 ${year} 计划内容。`,
  planSaved: (s: Site, p: Plan, updated: boolean) =>
    `已${updated ? '更新' : '提交'} ${s.name} ${p.year}年工作计划${p.file ? `（文件：${p.file.name}）` : ''}。`,
  plansMissing: (year: number, missing: readonly Site[], total: number) =>
    missing.length === 0
      ? `${year}年工作计划：${total} 个示范点全部已提交。`
      : `${year}年工作计划：已提交 ${total - missing.length}/${total}\n${namedList('未提交计划', missing.map(shortName))}`,

  // #指导
  guidanceUsage: '#指导 单位 内容',
  guidanceContentMissing: '请写指导内容，例如 #指导 日新街道 现场指导阵地建设',
  guidanceSaved: (s: Site, g: Guidance, count: number, period: string) =>
    `已记录对 ${s.name} 的指导（${g.date}）。${periodLabel(period)}累计 ${count} 次。`,

  // #档案
  fileUsage: '#档案 [单位] [年份]',
  siteFile: (f: {
    site: Site
    people: number
    months: { reported: number; elapsed: number; year: string }
    six: (SixState | null)[]
    projects: number
    plans: string[]
    guidance: number
    period: string
    /** The last assessment; score and rank null when the site could not be rated. */
    last: { period: string; score: number | null; verdict: string; rank: number; of: number } | null
  }) =>
    [
      `【${f.site.name}】${f.site.retired ? '（已退出）' : ''}`,
      `编号${f.site.no} ${f.site.level} ${GROUP_NAMES[f.site.group]} ${f.site.district}`,
      `已注册 ${f.people} 人`,
      `${f.months.year}年已报 ${f.months.reported}/${f.months.elapsed} 个月`,
      `六有 ${f.six.map(mark).join('')} 已达标 ${f.six.filter((x) => x === '已达标').length}/6`,
      `服务项目 ${f.projects} 个`,
      `工作计划：${f.plans.join('；')}`,
      `${periodLabel(f.period)}指导 ${f.guidance} 次`,
      `最近考核：${
        f.last
          ? f.last.score === null
            ? `${periodLabel(f.last.period)} ${f.last.verdict}`
            : `${periodLabel(f.last.period)} ${f.last.score}分 ${f.last.verdict}（组内第${f.last.rank}/${f.last.of}）`
          : '暂无'
      }`,
    ].join('\n'),
  planNone: (year: number) => `${year}年未提交`,
  planShort: (p: Plan) =>
    `${p.year}年已提交${p.file ? `（${p.file.name}）` : `：${p.text.slice(0, 16)}${p.text.length > 16 ? '…' : ''}`}`,
}
