/**
 * What operators are told outside WeChat (webhook, email): one message when an incident starts, one
 * when it is over. Never the token, never a member's message text.
 */
import { duration } from './operations.js'

/** The events that reach operators (src/ops/alerts.ts); 'verify-code' texts come from the login step. */
export const ALERT_TITLE: Record<string, string> = {
  'connection-lost': '微信连接中断',
  'logged-out': '微信账号需要登录',
  'verify-code': '登录需要验证码',
  'gave-up': '重连失败，进程退出',
  'reminder-expired': '提醒未能发出',
  'backup-failed': '数据备份失败',
  'disk-full': '磁盘空间不足',
  'holidays-missing': '缺少明年节假日安排',
}

const BOT = '工青妇协同助手'

export const ALERT = {
  /** Every alert starts with the bot's name, so a shared channel shows whose it is. */
  line: (text: string) => `【${BOT}】${text}`,
  subject: (event: string, recovery: boolean) =>
    `${BOT}：${recovery ? '已恢复 · ' : ''}${ALERT_TITLE[event] ?? event}`,

  connectionLost: (downMs: number, reason: string) =>
    `与微信服务的连接已中断约 ${duration(downMs)}，正在自动重连；此间群里的消息得不到回复。原因：${reason}`,
  connectionBack: (downMs: number, attempts: number) =>
    `与微信服务的连接已恢复（中断约 ${duration(downMs)}，重连 ${attempts} 次）。`,
  loggedOut: '微信账号已退出登录，机器人暂停服务。请用机器人的微信重新扫码登录（二维码链接见日志）。',
  scan: (link: string) =>
    `微信账号需要扫码登录，机器人暂停服务。请用机器人的微信扫描此二维码：${link}（过期后新的链接见日志）`,
  loggedIn: '微信账号已重新登录，机器人恢复服务。',
  gaveUp: (downMs: number, attempts: number) =>
    `与微信服务的连接中断已 ${duration(downMs)}，重连 ${attempts} 次仍未成功，机器人进程现在退出（退出码 1），由 systemd 或 Docker 重新启动。若一直连不上，请检查 puppet service 与 token。`,
  reminderExpired: (label: string, date: string, time: string) =>
    `${date} ${time} 的“${label}”在失效前未能发出，已作废、不再补发；如有需要请管理员在群里提醒。`,
  backupFailed: (error: string) => `每日数据备份失败：${error}。请检查备份目录的磁盘空间和权限。`,
  backupBack: '每日数据备份已恢复正常。',
  diskFull: (freeMb: number, dir: string) =>
    `数据目录 ${dir} 所在磁盘仅剩 ${freeMb} MB，写满后报送将无法保存。请尽快清理（旧备份可移到别处）。`,
  diskBack: (freeMb: number) => `数据目录所在磁盘空间已恢复（剩余 ${freeMb} MB）。`,
  holidaysMissing: (year: number) =>
    `机器人还没有 ${year} 年的法定节假日和调休安排，明年的提醒将按周一至周五计算工作日。国务院办公厅通知发布后，请管理员在群里用“#节假日 ${year} …”录入，或升级机器人。`,
  holidaysBack: (year: number) => `${year} 年的节假日安排已具备。`,
} as const
