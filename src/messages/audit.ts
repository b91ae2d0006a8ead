/** The audit trail in words: the actions, what a detail value means, and what an entry concerns. */
import type { AuditAction } from '../domain/audit.js'
import type { Project } from '../domain/records.js'
import type { GroupNo, Site } from '../domain/types.js'
import { GROUP_NAMES } from '../domain/types.js'
import { SETTING_LABEL } from './assessment.js'
import { periodLabel, PROJECT_STATUS, shortName } from './records.js'
import { span } from './imports.js'
import type { Month } from '../domain/calendar.js'

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
  // An import: 第1批 2026年7月至10月 4个示范点 12篇 (the batch number alone said nothing).
  batch: (v) => `第${v}批`,
  months: (v) => span(v.split(',') as Month[]),
  sites: (v) => `${v}个示范点`,
  pieces: (v) => `${v}篇`,
}

/** One detail of an entry in words: 2026-12-01起, 第二组, 优秀线=85. */
export const auditDetail = (key: string, value: string): string =>
  DETAIL[key]?.(value) ?? (key in SETTING_LABEL ? `${SETTING_LABEL[key]}=${value}` : value)

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
  'admin.redeem': '认证管理员',
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
