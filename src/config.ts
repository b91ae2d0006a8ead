import { existsSync, readFileSync } from 'node:fs'
import { parse as parseDotenv } from 'dotenv'
import { z } from 'zod'
import { HHMM, MONTH_DAY_MAX, MONTH_DAY_MIN } from './domain/time-rules.js'
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from './core/types.js'
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from './domain/reminders.js'
import { DEFAULT_DIGEST_SETTINGS, type DigestSettings } from './domain/digest.js'
import { CFG } from './messages/config.js'
import { DEFAULT_ISSUER } from './messages/compilation.js'

/** Raw environment, as `process.env` gives it. */
export type Env = Record<string, string | undefined>

const DEFAULT_ROOM_TOPIC: string = CFG.defaultRoomTopic

const boolString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: CFG.boolean })
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: CFG.integer })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: CFG.atLeast(min) })
        .max(max, { message: CFG.atMost(max) }),
    )

const hhmm = z.string().regex(HHMM, { message: CFG.hhmm })

/** Every variable the bot reads, with its default and its rule. `.env.example` mirrors this list. */
const envSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP_DAILY: intString(1, 366).optional(),
  BACKUP_KEEP_MONTHLY: intString(0, 120).optional(),
  BACKUP_TIME: hhmm.optional(),
  COORDINATION_ROOM_TOPIC: z.string().trim().min(1, { message: CFG.notEmpty }).default(DEFAULT_ROOM_TOPIC),
  GQF_ADMIN_CODE: z
    .string()
    .regex(/^[A-Za-z0-9-]{6,64}$/, { message: CFG.adminCode })
    .optional(),
  SEND_INTERVAL_MS: intString(0, 60_000).default(1000),
  MAX_MESSAGE_LENGTH: intString(200, 4000).default(1500),
  MAX_MESSAGE_AGE_HOURS: intString(1, 168).default(24),
  LOGIN_TIMEOUT_MS: intString(1000, 3_600_000).default(60_000),
  RECONNECT_GIVE_UP_MS: intString(10_000, 7 * 24 * 3_600_000).default(30 * 60_000),
  REPORT_KEYWORDS: z
    .string()
    .transform((s) => s.split(/[,，、\s]+/).filter((k) => k !== ''))
    .pipe(z.array(z.string()).min(1, { message: CFG.keywords }))
    .optional(),
  LATE_REPORT_DAYS: intString(0, 28).optional(),
  SHARE_WINDOW_MINUTES: intString(1, 120).optional(),
  REMINDERS_ENABLED: boolString.optional(),
  REMINDER_MID_DAY: intString(MONTH_DAY_MIN, MONTH_DAY_MAX).optional(),
  REMINDER_PRE_WORKDAYS: intString(1, 10).optional(),
  REMINDER_MID_TIME: hhmm.optional(),
  REMINDER_PRE_TIME: hhmm.optional(),
  REMINDER_FINAL_TIME: hhmm.optional(),
  REMINDER_CLOSE_TIME: hhmm.optional(),
  REMINDER_WARN_TIME: hhmm.optional(),
  DIGEST_ENABLED: boolString.optional(),
  DIGEST_TIME: hhmm.optional(),
  MAX_FILE_MB: intString(1, 100).default(20),
  ISSUER_NAME: z.string().trim().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { message: CFG.logLevel }).optional(),
  WECHATY_PUPPET: z
    .enum(['wechaty-puppet-service', '@juzi/wechaty-puppet-service', 'wechaty-puppet-mock'], {
      message: CFG.puppet,
    })
    .optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z
    .string()
    .regex(/^[^_\s]+_\S+$/, { message: CFG.token })
    .optional(),
  WECHATY_PUPPET_SERVICE_ENDPOINT: z
    .string()
    .regex(/^[\w.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, { message: CFG.endpoint })
    .optional(),
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: boolString.optional(),
  WECHATY_LOG: z.enum(['silent', 'error', 'warn', 'info', 'verbose', 'silly']).optional(),
  // Operations (src/ops): the watchdog, alerts outside WeChat, the health endpoint.
  WATCHDOG_SILENCE_MS: intString(0, 24 * 3_600_000)
    .refine((v) => v === 0 || v >= 1000, { message: CFG.zeroOrAtLeast(1000) })
    .default(10 * 60_000),
  WATCHDOG_PROBE_TIMEOUT_MS: intString(1000, 600_000).default(60_000),
  ALERT_WEBHOOK_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, { message: CFG.url })
    .optional(),
  ALERT_WEBHOOK_SECRET: z.string().optional(),
  ALERT_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, { message: CFG.smtpUrl })
    .optional(),
  ALERT_EMAIL_TO: z
    .string()
    .transform((s) => s.split(/[,，;；\s]+/).filter((a) => a !== ''))
    .pipe(
      z.array(z.string().regex(/^[^@\s]+@[^@\s]+$/, { message: CFG.email })).min(1, { message: CFG.email }),
    )
    .optional(),
  ALERT_EMAIL_FROM: z
    .string()
    .regex(/^[^@\s]+@[^@\s]+$/, { message: CFG.email })
    .optional(),
  ALERT_AFTER_MS: intString(0, 24 * 3_600_000).default(5 * 60_000),
  ALERT_DISK_FREE_MB: intString(0, 1_000_000).default(1024),
  HEALTH_PORT: intString(1, 65_535).optional(),
  HEALTH_HOST: z.string().trim().min(1).default('127.0.0.1'),
})

/** Values never shown in a configuration error (they hold passwords or keys). */
const SECRET_KEYS = new Set([
  'WECHATY_PUPPET_SERVICE_TOKEN',
  'GQF_ADMIN_CODE',
  'ALERT_WEBHOOK_URL',
  'ALERT_WEBHOOK_SECRET',
  'ALERT_SMTP_URL',
])

/** Every variable the bot reads; `.env.example` lists each of them. */
export const CONFIG_KEYS = Object.keys(envSchema.shape)

export type Mode = 'service' | 'console'

export interface Config {
  mode: Mode
  dataDir: string
  /** Snapshots: where (DATA_DIR/backups by default) and how many are kept. */
  backup: { dir: string | undefined; keepDaily: number; keepMonthly: number; time: string }
  roomTopic: string
  adminCode: string | undefined
  sendIntervalMs: number
  maxMessageLength: number
  /** Messages sent longer ago than this (delivered late or replayed) are ignored. */
  maxMessageAgeMs: number
  loginTimeoutMs: number
  /** After losing the service, keep reconnecting this long, then exit 1 for systemd/pm2 to restart. */
  reconnectGiveUpMs: number
  reports: ReportSettings
  /** Reminder defaults (admins may change them with #提醒设置), or false when reminders are off. */
  reminders: ReminderSettings | false
  /** The weekly digest to leaders and admins (its time also carries the half-year notice). */
  digest: DigestSettings
  /** Largest file (Excel, picture) the bot sends; a larger one is refused with a message. */
  maxFileBytes: number
  logLevel: 'debug' | 'info' | 'warn' | 'error'
  /** Wechaty's own log level (WECHATY_LOG); errors only by default, so the console stays readable. */
  wechatyLog: 'silent' | 'error' | 'warn' | 'info' | 'verbose' | 'silly'
  service: {
    token: string | undefined
    endpoint: string | undefined
    noTlsInsecureClient: boolean
    /** Which client: the open-source one, or Juzi's for WorkPro tokens (TLS always off). */
    flavour: 'wechaty-puppet-service' | '@juzi/wechaty-puppet-service'
  }
  /** Operations: the watchdog, alerts outside WeChat, the health endpoint (src/ops). */
  ops: OpsConfig
}

export interface OpsConfig {
  /** Probe end to end after this long without an event (0: no watchdog); reset if unanswered in probeTimeoutMs. */
  watchdog: { silenceMs: number; probeTimeoutMs: number }
  alerts: {
    webhookUrl: string | undefined
    webhookSecret: string | undefined
    smtpUrl: string | undefined
    emailTo: string[]
    emailFrom: string | undefined
    /** A lost connection is reported once it has lasted this long. */
    afterMs: number
    /** Free space under DATA_DIR below which the disk counts as nearly full (0: not checked). */
    diskFreeBytes: number
  }
  /** GET /healthz and /metrics on host:port; null when HEALTH_PORT is not set. */
  health: { host: string; port: number } | null
}

/** A configuration problem the operator can fix; the message names the variable and the fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(CFG.invalid(problems))
    this.name = 'ConfigError'
  }
}

/** Reads `.env` (if present) under the real environment: variables already set win. */
export function loadDotenv(path = '.env', env: Env = process.env): Env {
  if (!existsSync(path)) return env
  const fromFile = parseDotenv(readFileSync(path))
  return { ...fromFile, ...env }
}

type EnvValues = z.infer<typeof envSchema>

/** The variables that are set (empty strings count as "not set"), checked; ConfigError names each bad one. */
function parseEnv(env: Env): EnvValues {
  // `.env.example` copied as is leaves many of them empty.
  const cleaned: Record<string, string> = {}
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value.trim() !== '') cleaned[key] = value.trim()
  }
  const parsed = envSchema.safeParse(cleaned)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '?')
    const shown = SECRET_KEYS.has(key) ? CFG.hidden : CFG.shown(cleaned[key] ?? '')
    return CFG.problem(key, shown, issue.message)
  })
  throw new ConfigError(problems)
}

function remindersOf(v: EnvValues): ReminderSettings | false {
  if (v.REMINDERS_ENABLED === false) return false
  const d = DEFAULT_REMINDER_SETTINGS
  return {
    ...d,
    midDay: v.REMINDER_MID_DAY ?? d.midDay,
    preWorkdays: v.REMINDER_PRE_WORKDAYS ?? d.preWorkdays,
    times: {
      mid: v.REMINDER_MID_TIME ?? d.times.mid,
      pre: v.REMINDER_PRE_TIME ?? d.times.pre,
      final: v.REMINDER_FINAL_TIME ?? d.times.final,
      close: v.REMINDER_CLOSE_TIME ?? d.times.close,
      warn: v.REMINDER_WARN_TIME ?? d.times.warn,
    },
  }
}

function reportsOf(v: EnvValues): ReportSettings {
  return {
    keywords: v.REPORT_KEYWORDS ?? DEFAULT_REPORT_SETTINGS.keywords,
    lateDays: v.LATE_REPORT_DAYS ?? DEFAULT_REPORT_SETTINGS.lateDays,
    shareWindowMs: (v.SHARE_WINDOW_MINUTES ?? DEFAULT_REPORT_SETTINGS.shareWindowMs / 60_000) * 60_000,
    issuer: v.ISSUER_NAME ?? DEFAULT_ISSUER,
  }
}

/** Validates the environment; throws ConfigError with one line per bad variable. */
export function readConfig(env: Env = process.env): Config {
  const v = parseEnv(env)
  const juzi = v.WECHATY_PUPPET === '@juzi/wechaty-puppet-service'
  const wantsService =
    v.WECHATY_PUPPET === 'wechaty-puppet-service' ||
    juzi ||
    (!v.WECHATY_PUPPET && !!v.WECHATY_PUPPET_SERVICE_TOKEN)
  if (wantsService && !v.WECHATY_PUPPET_SERVICE_TOKEN) {
    throw new ConfigError([CFG.serviceNeedsToken])
  }
  if (!!v.ALERT_SMTP_URL !== !!v.ALERT_EMAIL_TO) throw new ConfigError([CFG.emailNeedsBoth])
  return {
    mode: wantsService ? 'service' : 'console',
    dataDir: v.DATA_DIR,
    backup: {
      dir: v.BACKUP_DIR,
      keepDaily: v.BACKUP_KEEP_DAILY ?? 14,
      keepMonthly: v.BACKUP_KEEP_MONTHLY ?? 12,
      time: v.BACKUP_TIME ?? '03:00',
    },
    roomTopic: v.COORDINATION_ROOM_TOPIC,
    adminCode: v.GQF_ADMIN_CODE,
    sendIntervalMs: v.SEND_INTERVAL_MS,
    maxMessageLength: v.MAX_MESSAGE_LENGTH,
    maxMessageAgeMs: v.MAX_MESSAGE_AGE_HOURS * 3_600_000,
    loginTimeoutMs: v.LOGIN_TIMEOUT_MS,
    reconnectGiveUpMs: v.RECONNECT_GIVE_UP_MS,
    reminders: remindersOf(v),
    digest: {
      enabled: v.DIGEST_ENABLED ?? DEFAULT_DIGEST_SETTINGS.enabled,
      time: v.DIGEST_TIME ?? DEFAULT_DIGEST_SETTINGS.time,
    },
    maxFileBytes: v.MAX_FILE_MB * 1024 * 1024,
    reports: reportsOf(v),
    // The console group is a conversation on this terminal: only warnings interrupt it.
    logLevel: v.LOG_LEVEL ?? (wantsService ? 'info' : 'warn'),
    wechatyLog: v.WECHATY_LOG ?? 'error',
    service: {
      token: v.WECHATY_PUPPET_SERVICE_TOKEN,
      endpoint: v.WECHATY_PUPPET_SERVICE_ENDPOINT,
      noTlsInsecureClient: juzi || (v.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT ?? false),
      flavour: juzi ? '@juzi/wechaty-puppet-service' : 'wechaty-puppet-service',
    },
    ops: {
      watchdog: { silenceMs: v.WATCHDOG_SILENCE_MS, probeTimeoutMs: v.WATCHDOG_PROBE_TIMEOUT_MS },
      alerts: {
        webhookUrl: v.ALERT_WEBHOOK_URL,
        webhookSecret: v.ALERT_WEBHOOK_SECRET,
        smtpUrl: v.ALERT_SMTP_URL,
        emailTo: v.ALERT_EMAIL_TO ?? [],
        emailFrom: v.ALERT_EMAIL_FROM,
        afterMs: v.ALERT_AFTER_MS,
        diskFreeBytes: v.ALERT_DISK_FREE_MB * 1024 * 1024,
      },
      health: v.HEALTH_PORT === undefined ? null : { host: v.HEALTH_HOST, port: v.HEALTH_PORT },
    },
  }
}

export const DEFAULTS = { roomTopic: DEFAULT_ROOM_TOPIC }
