/**
 * What `#状态` needs to know about the running process, which only the transport and the
 * composition root can tell: the account, how long it has run, the last failed send, the last
 * backup, how big the data files are.
 */
export interface SendFailure {
  at: Date
  /** `room:<id>` or `private:<id>`. */
  to: string
  reason: string
}

export interface BackupStatus {
  at: Date
  ok: boolean
  /** The snapshot folder (when ok). */
  path?: string
  /** Why it failed (when not ok). */
  error?: string
}

export interface StatusPort {
  /** The program's version (package.json). */
  version: string
  /** When this process started. */
  startedAt: Date
  /** The WeChat name the bot is logged in as; null while logged out. */
  account(): string | null
  lastSendFailure(): SendFailure | null
  lastBackup(): BackupStatus | null
  /** Files and bytes under DATA_DIR (backups excluded); null without a data folder. */
  storeSize(): Promise<{ files: number; bytes: number } | null>
  /** Reconnects and watchdog resets since start; absent without a puppet service (console group). */
  connection?(): ConnectionCounts
}

export interface ConnectionCounts {
  /** Outages the supervisor recovered from. */
  reconnects: number
  /** Of the resets, those the watchdog made because the event stream had gone silent. */
  watchdogResets: number
}
