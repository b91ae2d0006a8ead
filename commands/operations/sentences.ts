/** What the operations commands say: #帮助, #状态 and #日志. */
import type { AnyCommand, CommandCategory } from '../../src/core/types.js'
import type { BackupStatus, ConnectionCounts, SendFailure } from '../../src/core/status-port.js'
import type { AuditEntry } from '../../src/domain/audit.js'
import { shanghaiDate, TIME_ZONE, type Month } from '../../src/domain/calendar.js'
import type { Occurrence } from '../../src/domain/reminders.js'
import { AUDIT_LABEL, auditDetail, shanghaiTime } from '../../src/messages/audit.js'
import { REGISTER_EXAMPLE, REGISTER_USAGE } from '../../src/messages/core.js'
import { monthLabel } from '../../src/messages/format.js'
import { duration } from '../../src/messages/operations.js'
import { quote } from '../../src/messages/quote.js'
import { whoMayUse } from '../../src/messages/refusals.js'
import { KIND_LABEL } from '../../src/messages/reminders.js'
const CATEGORY_LABEL: Record<CommandCategory, string> = {
  start: '入门',
  report: '上报',
  query: '查询',
  records: '档案',
  manage: '管理',
}
const CATEGORY_ORDER: CommandCategory[] = ['start', 'report', 'query', 'records', 'manage']

const registerFirst = `请先实名注册：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}\n注册后可以上报创建信息、查看统计。`

export const HELP = {
  allWords: ['全部', '所有', '详细', 'all'],

  /** One line per category with the command names: fits a phone screen. */
  overview(usable: readonly AnyCommand[], registered: boolean): string {
    const lines = ['工青妇协同助手 您可用的命令：']
    for (const cat of CATEGORY_ORDER) {
      const names = usable.filter((c) => c.category === cat).map((c) => `#${c.name}`)
      if (names.length > 0) lines.push(`${CATEGORY_LABEL[cat]}：${names.join(' ')}`)
    }
    if (!registered) lines.push(registerFirst)
    lines.push('发送“#帮助 命令名”查看用法，例如：#帮助 上报；“#帮助 全部”列出每条命令的说明。')
    return lines.join('\n')
  },

  /** Every usable command with its usage and summary. */
  full(usable: readonly AnyCommand[], registered: boolean): string {
    const lines = ['工青妇协同助手 您可用的命令：']
    for (const c of usable) lines.push(`${c.usage}\n  ${c.summary}`)
    if (!registered) lines.push(registerFirst)
    lines.push('发送“#帮助 命令名”查看详细说明，例如：#帮助 注册')
    return lines.join('\n')
  },

  one(cmd: AnyCommand): string {
    const lines = [cmd.usage + whoMayUse(cmd.requires), cmd.summary + '。', ...cmd.details]
    if (cmd.aliases.length > 0) lines.push(`也可写作：${cmd.aliases.map((a) => '#' + a).join('、')}`)
    lines.push('例如：', ...cmd.examples)
    return lines.join('\n')
  },

  unknown: (word: string) => `没有“${quote(word)}”这个命令。发送 #帮助 查看全部命令。`,
}

export interface StatusFacts {
  version: string
  /** How long the process has run; null when unknown (no transport). */
  uptimeMs: number | null
  account: string | null
  room: string | null
  members: number
  /** Active sites with at least one registered member, and all active sites. */
  sitesCovered: number
  sitesTotal: number
  month: Month
  reportsThisMonth: number
  store: { files: number; bytes: number } | null
  lastBackup: BackupStatus | null
  /** Years the holiday calendar knows (from last year on), and those admins entered. */
  holidayYears: number[]
  enteredYears: number[]
  next: Occurrence[]
  remindersPaused: boolean
  lastSendFailure: SendFailure | null
  /** Reconnects and watchdog resets of this process; null in the console group. */
  connection?: ConnectionCounts | null
}

/** 2026-11-25 09:30 (Beijing time). */
export function timeLabel(at: Date): string {
  const hm = at.toLocaleTimeString('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })
  return `${shanghaiDate(at)} ${hm}`
}

function bytesLabel(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

const FAILURE_REASON: Record<string, string> = {
  'send-failed': '微信发送失败',
  'file-too-large': '文件过大',
  stopped: '发送前已停止',
}

export const STATUS = {
  usage: '#状态',
  report(f: StatusFacts): string {
    const lines = [
      `【机器人状态】版本 ${f.version || '未知'}` +
        (f.uptimeMs === null ? '' : `，已运行 ${duration(f.uptimeMs)}`),
      `微信账号：${f.account ?? '未登录'}；工作群：${f.room ?? '未绑定'}`,
      ...(f.connection
        ? [
            `连接：本次运行重连 ${f.connection.reconnects} 次，其中看门狗重置 ${f.connection.watchdogResets} 次`,
          ]
        : []),
      `注册成员 ${f.members} 人，覆盖示范点 ${f.sitesCovered}/${f.sitesTotal}；${monthLabel(f.month)}已报 ${f.reportsThisMonth} 条`,
      `数据文件：${f.store ? `${f.store.files} 个，共 ${bytesLabel(f.store.bytes)}` : '仅在内存中'}`,
      `最近备份：${
        f.lastBackup === null
          ? '本次运行尚未备份'
          : f.lastBackup.ok
            ? `${timeLabel(f.lastBackup.at)} 完成`
            : `${timeLabel(f.lastBackup.at)} 失败（${f.lastBackup.error ?? ''}）`
      }`,
      `节假日数据：${f.holidayYears.length > 0 ? f.holidayYears.map((y) => `${y}年`).join('、') : '无'}` +
        (f.enteredYears.length > 0
          ? `（管理员录入：${f.enteredYears.map((y) => `${y}年`).join('、')}）`
          : ''),
      `下次提醒：${
        f.remindersPaused
          ? '已暂停'
          : f.next.length > 0
            ? f.next.map((o) => `${o.date.slice(5)} ${o.time} ${KIND_LABEL[o.kind]}`).join('；')
            : '近期没有'
      }`,
      `最近发送失败：${
        f.lastSendFailure
          ? `${timeLabel(f.lastSendFailure.at)}（${FAILURE_REASON[f.lastSendFailure.reason] ?? f.lastSendFailure.reason}）`
          : '无'
      }`,
    ]
    return lines.join('\n')
  },
} as const

/** #日志. */
export const AUDIT_LOG = {
  usage: '#日志 [条数|单位]',
  empty: '日志中还没有记录。',
  noneAbout: (site: string) => `日志中还没有与${site}有关的记录。`,
  lines: (entries: readonly AuditEntry[], total: number, nameOf: (target: string) => string) =>
    [
      `操作日志（共 ${total} 条，最新在前）：`,
      ...entries.map((e) => {
        // A detail that repeats the target's name (任命 赵刚 赵刚) is said once, with the unit that
        // tells namesakes apart when the detail has it (任命 张三（大船）).
        const named = e.detail['name'] ?? ''
        const target = named.startsWith(nameOf(e.target)) ? named : nameOf(e.target)
        const what = Object.entries(e.detail)
          .filter(([k, v]) => v !== '' && !(k === 'name' && v === target))
          .map(([k, v]) => auditDetail(k, v))
          .join(' ')
        const line = `${shanghaiTime(e.at).slice(5)} ${e.byName || e.by} ${AUDIT_LABEL[e.action]} ${target}${what ? ` ${what}` : ''}${e.reason ? ` 原因：${e.reason}` : ''}`
        return line.length > 60 ? `${line.slice(0, 59)}…` : line
      }),
    ].join('\n'),
}
