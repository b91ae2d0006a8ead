/** #状态: how the running bot is doing, for admins, in one concise message. */
import type { BackupStatus, ConnectionCounts, SendFailure } from '../core/status-port.js'
import { shanghaiDate, TIME_ZONE, type Month } from '../domain/calendar.js'
import { monthLabel } from './format.js'
import type { Occurrence } from '../domain/reminders.js'
import { duration } from './operations.js'
import { KIND_LABEL } from './reminders.js'

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
