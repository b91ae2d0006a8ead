/** Sentences for operations: the data-folder lock, backups and restore, reconnects, restarts. */

/** 3 小时 5 分, 12 分钟, 40 秒. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  if (s < 60) return `${s} 秒`
  const m = Math.round(s / 60)
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  if (h < 48) return m % 60 === 0 ? `${h} 小时` : `${h} 小时 ${m % 60} 分`
  return `${Math.floor(h / 24)} 天 ${h % 24} 小时`
}

export const OPS = {
  lockHeld: (dir: string, pid: number, hostname: string, startedAt: string) =>
    `数据目录 ${dir} 正被另一个机器人进程使用（进程号 ${pid}，主机 ${hostname}，启动于 ${startedAt}），本次未启动。\n` +
    `同一数据目录只能由一个进程使用，否则数据会损坏。请先停止那个进程；若确认它已不在运行，删除 ${dir}/.lock 后重试。`,
  lockOtherHost: (dir: string, pid: number, hostname: string, startedAt: string) =>
    `数据目录 ${dir} 被另一台主机 ${hostname} 上的进程（进程号 ${pid}，启动于 ${startedAt}）锁定，本次未启动。\n` +
    `无法从本机判断那个进程是否仍在运行。请确认它已停止后，删除 ${dir}/.lock 再重试。`,
  lockUnreadable: (dir: string) =>
    `数据目录 ${dir} 的锁文件 .lock 内容无法识别，且刚刚被创建，可能有另一个进程正在启动，本次未启动。请稍后重试；若确认没有其他进程，删除 ${dir}/.lock 后重试。`,
  backupDone: (path: string, files: number, bytes: number) =>
    `备份完成：${path}（${files} 个文件，共 ${bytes} 字节）`,
  backupSkipped: (path: string) => `今天的备份已存在，未重复备份：${path}`,
  backupRotated: (names: string[]) => `已按保留规则删除旧备份：${names.join('、')}`,
  restoreUsage: '用法：npm run restore -- <备份文件夹>（例如 data/backups/2026-05-01）',
  restoreRunning: (dir: string, pid: number, hostname: string) =>
    `机器人正在使用数据目录 ${dir}（进程号 ${pid}，主机 ${hostname}），不能在运行时恢复。请先停止机器人再恢复。`,
  restoreBadSnapshot: (path: string, detail: string) =>
    `备份 ${path} 无法使用：${detail}。数据目录未做任何修改。`,
  restoreDone: (dir: string, aside: string) =>
    `已从备份恢复数据目录 ${dir}。原来的数据已移到 ${aside}，确认无误后可删除。`,
  failed: (detail: string) => `操作失败：${detail}`,
  /** Privately to admins, once per outage, when the connection to WeChat is back. */
  connectionBack: (downMs: number) =>
    `【提示】机器人与微信服务的连接中断了约 ${duration(downMs)}，现已恢复。中断期间到期的提醒会补发一次；期间群里的消息如未收到回复，请重发。`,
  /** Replies a crash kept from going out, sent after the restart (texts in order). */
  owedReplies: (texts: string[]) => `【补发】机器人重启前未及发出的回复：\n${texts.join('\n')}`,

  // Start-up, in the log
  adminCodeGenerated: (code: string) => `管理员认证码（一次性，仅显示这一次）：${code}`,
  adminCodeHow: (code: string) => `在工作群或私聊机器人发送：#认证管理员 ${code}`,
  loggedIn: '已登录',
  loggedOut: '已退出登录',
  connecting: '正在连接微信服务',
  discovery: '(服务发现)',
  startFailed: '启动失败',
  healthFailed: '健康检查端口未能打开（HEALTH_PORT/HEALTH_HOST），机器人继续运行',
  scanToLogin: '请用微信扫码登录',
  connectFailure: (seconds: number, endpoint: string | undefined, lastError: string | undefined) =>
    [
      `在 ${seconds} 秒内没有连上微信服务，机器人已停止。` + (lastError ? `最后的错误：${lastError}` : ''),
      '请检查：',
      `- WECHATY_PUPPET_SERVICE_ENDPOINT（当前：${endpoint ?? '未设置，将通过公网服务发现，离线环境下会失败'}）是否正确，服务是否在运行；`,
      '- WECHATY_PUPPET_SERVICE_TOKEN 是否与服务端一致；',
      '- TLS：服务端关闭了 TLS 时，设置 WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT=true；token 前缀不是 insecure_ 时，通常需要双方都关闭 TLS。',
    ].join('\n'),
} as const
