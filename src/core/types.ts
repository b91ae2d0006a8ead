import type { z } from 'zod'
import type { VerifyCodePort } from './verify-code-port.js'
import type { Logger } from '../logger.js'
import type { Member, Org, Role, RoleGrant, Site } from '../domain/types.js'
import type { Scope } from '../domain/authority.js'
import type { LinkInfo } from '../domain/reports.js'
import { DEFAULT_REPORT_KEYWORDS } from '../domain/vocabulary.js'
import type { ReminderSettings } from '../domain/reminders.js'
import type { HolidayCalendar } from '../domain/holidays.js'
import type { Repository } from './ports.js'
import type { StatusPort } from './status-port.js'

export interface Conversation {
  kind: 'room' | 'private'
  /** Room id, or for a private chat the other person's contact id. */
  id: string
}

/** One incoming WeChat message as a plain object; nothing past the transport sees Wechaty. */
export interface Incoming {
  id: string
  conversation: Conversation
  senderId: string
  /** The WeChat display name: shown in lists, never trusted for identity. */
  senderName: string
  /** The text, with the bot's own @-mention taken out. */
  text: string
  kind: 'text' | 'url' | 'file' | 'image' | 'other'
  /** True when the message @-mentions the bot. */
  mentionSelf: boolean
  /** Other contacts @-mentioned in the message. */
  mentions: { id: string; name: string }[]
  at: Date
  /** What a shared article, file or image carries. */
  share?: Share
}

export type Share =
  { kind: 'url'; link: LinkInfo } | { kind: 'file' | 'image'; name: string; load: () => Promise<Buffer> }

export interface ReportSettings {
  /** A shared article whose title holds one of these counts without a command. */
  keywords: string[]
  /** 补报 for a month is accepted until this day of the next month. */
  lateDays: number
  /** A share and #上报 from the same member within this time belong together. */
  shareWindowMs: number
  /** Who issues the Word documents (ISSUER_NAME); the default issuer when absent. */
  issuer?: string
}

export interface Reply {
  /** Where to send; the incoming conversation when absent. */
  to?: Conversation
  text: string
  /** Contacts to @-mention (room only), in one message. */
  mentionIds?: string[]
  /**
   * Receipts that may be merged with others of the same key still waiting to be sent:
   * `part` names this one (大连大学（57）), `suffix` is the latest progress figure. With
   * `replace`, a later reply of the key takes the waiting one's place instead (its text says
   * the latest state: a burst of photos added to a report gets one confirmation).
   */
  merge?: { key: string; part: string; suffix: string; replace?: boolean }
  /** A file or picture sent after the text (the text may be empty when only the file goes). */
  file?: OutgoingFile
  /** The identifier of a refusal made with ctx.fail: tests assert it where the wording is not the point. */
  refusal?: FailCode
}

/** A file the bot sends: an Excel export, a chart, a Word compilation. */
export interface OutgoingFile {
  name: string
  data: Buffer
  kind: 'file' | 'image'
}

export interface RoomMember {
  id: string
  name: string
}

/** What the bot can ask of WeChat itself, provided by the transport. */
export interface Directory {
  /** Members of the coordination room (without the bot), or null when the room is not bound yet. */
  roomMembers(): Promise<RoomMember[] | null>
}

/**
 * State a feature keeps for the life of one bot (shares waiting for their #上报, lockouts), made
 * on first use. Core holds the container and knows nothing of what is in it.
 */
export interface LocalKey<T> {
  readonly id: symbol
  init(deps: Deps): T
}

export function localKey<T>(name: string, init: (deps: Deps) => T): LocalKey<T> {
  return { id: Symbol(name), init }
}

export interface Deps {
  repo: Repository
  clock: () => Date
  logger: Logger
  directory: Directory
  settings: ReportSettings
  /** Reminder settings from the configuration; admins' changes live in the store. */
  reminderDefaults: ReminderSettings
  /** Workdays: official holidays and 调休, from the library with the admins' #节假日 years on top. */
  calendar: HolidayCalendar
  /** This bot's instance of a feature's state. */
  local<T>(key: LocalKey<T>): T
  /** The running process, for #状态 (absent in tests that do not need it). */
  status?: StatusPort
  /** Where #验证码 enters a login verify code (only with the WorkPro client). */
  verifyCode?: VerifyCodePort
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  keywords: [...DEFAULT_REPORT_KEYWORDS],
  lateDays: 5,
  shareWindowMs: 10 * 60_000,
}

/** Who may use a command (checked by core before the arguments are read; see preconditions.ts). */
export type Precondition =
  /** A registered member, or anyone holding a role. */
  | { kind: 'registered' }
  /** Registered for a demonstration site that is on the roster (not retired). */
  | { kind: 'siteMember' }
  /** Holds one of the roles. */
  | { kind: 'role'; roles: readonly Role[] }

export interface Sender {
  id: string
  wechatName: string
  /** The name to record and show: the registered name, else the WeChat name (resolved once). */
  name: string
  member: Member | undefined
  roles: RoleGrant[]
  /** The organisation the member registered for, when it is still on the roster. */
  org: Org | undefined
}

/** What a command's zod schema receives. */
export interface RawArgs {
  /** Arguments, normalised (width-folded) and split on spaces, quotes kept together. */
  tokens: string[]
  /** Everything after the command word, as typed (only trimmed). */
  rest: string
  /** Contacts @-mentioned besides the bot. */
  mentions: { id: string; name: string }[]
}

export type Found<T> = { ok: true; value: T } | { ok: false; reply: Reply[] }

/** What a scope is asked for: reading tallies (open to every registered member) or acting. */
export type ScopeUse = 'read' | 'act'

/** The sites a command covers, with their label (第一组、第三组 / 西岗区 / 全市). */
export interface ScopeChoice {
  scopes: Scope[]
  label: string
  /** True when the command named the scope; false for the person's default. */
  named: boolean
  /** True when the scope is the whole city. */
  all: boolean
}

/** Identifiers of refusals whose sentences live in src/messages/refusals.ts (FAILS). */
export type FailCode = 'SCOPE_NOT_YOURS' | 'SCOPE_UNKNOWN' | 'SCOPE_NONE' | 'NOT_A_SITE' | 'SITE_MISSING'
export type FailParams = Record<string, string>

/** The per-message context, built once by core and handed to every command and share handler. */
export interface CommandContext {
  incoming: Incoming
  /** The actor: registered member or not, with roles, organisation and name resolved once. */
  sender: Sender
  deps: Deps
  /** The registry, for commands that describe commands (#帮助). */
  commands: CommandRegistryView
  /** When the message is handled (the injected clock), and its day in Asia/Shanghai (2026-11-24). */
  now: Date
  today: string
  /** The actor's own active demonstration site, if they are registered to one. */
  ownSite(): Site | undefined
  /** The one site finder (full name, alias or 编号): the site, or the reply with candidates or did-you-mean. */
  site(text: string, opts?: { includeRetired?: boolean }): Found<Site>
  /** Any organisation by what was typed (sites and line organisations), with the same replies. */
  org(text: string, opts?: { includeRetired?: boolean }): Found<Org>
  /** THE scope policy (domain/authority.ts resolveScope): the scope named by `word`, or the default. */
  scope(word: string | undefined, use: ScopeUse): Found<ScopeChoice>
  /** May the actor act for this site (write for it, @ its people, file its names)? The refusal if not. */
  actFor(site: Site): Found<Site>
  /** A refusal keyed by identifier; the sentence comes from the messages. */
  fail(code: FailCode, params?: FailParams): Reply[]
}

export interface CommandRegistryView {
  all(): readonly AnyCommand[]
  find(word: string): AnyCommand | undefined
}

/** Where #帮助 lists a command. */
export type CommandCategory = 'start' | 'report' | 'query' | 'records' | 'manage'

export interface Command<A> {
  name: string
  aliases: string[]
  /** One line: `#注册 姓名 单位 [工会|团委|妇联]`. */
  usage: string
  /** One short line for the #帮助 list. */
  summary: string
  /** Further lines for `#帮助 <命令>`. */
  details: string[]
  examples: string[]
  category: CommandCategory
  /** Checks core runs before the arguments are read; all must pass. None: anyone may use it. */
  requires: readonly Precondition[]
  /** Parses the raw arguments into what `run` takes; its first issue's message is the answer to bad input. */
  args: z.ZodType<A, RawArgs>
  run(ctx: CommandContext, args: A): Promise<Reply[]> | Reply[]
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds commands of every argument type
export type AnyCommand = Command<any>

/** Declares a command; the identity function gives type inference for `args` and `run`. */
export function defineCommand<A>(cmd: Command<A>): Command<A> {
  return cmd
}
