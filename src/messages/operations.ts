/** Sentences for operations: the data-folder lock, backups and restore. */

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
} as const
