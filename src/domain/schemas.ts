/**
 * The shapes of the domain's records, as zod schemas: the domain types are derived from them, and
 * the stores validate what they load with the same schemas, so one rule holds each fact.
 */
import { z } from 'zod'
import { LEVEL_WORDS, LINE_WORDS } from './vocabulary.js'

export const lineSchema = z.enum(LINE_WORDS)
export const groupNoSchema = z.union([z.literal(1), z.literal(2), z.literal(3)])
export const levelSchema = z.enum(LEVEL_WORDS)
export const isoSchema = z.string().min(10)
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** The longest name or short name an organisation may have (the notice's longest is 14). */
export const NAME_MAX = 40

const orgBase = {
  /** Stable id, never shown: `S01`…`S30` for sites, `O31`… for the others. */
  id: z.string().min(1),
  /** The 编号 people may type: 1–30 are the sites in the order of the notice's annexes. */
  no: z.number().int().positive(),
  /** Full name, as the notice writes it. */
  name: z.string().min(2).max(NAME_MAX),
  district: z.string().min(1),
  aliases: z.array(z.string().min(1).max(NAME_MAX)),
  retired: z.boolean().optional(),
}

export const siteSchema = z.object({
  ...orgBase,
  kind: z.literal('site'),
  level: levelSchema,
  group: groupNoSchema,
})

/** A 区市县 / 开放先导区 总工会, 团委 or 妇联, or the city's own. */
export const lineOrgSchema = z.object({ ...orgBase, kind: z.enum(['district', 'city']), line: lineSchema })

export const orgSchema = z.discriminatedUnion('kind', [siteSchema, lineOrgSchema])

const grantMeta = { grantedBy: z.string(), grantedAt: isoSchema }

/** A role with its scope: an admin has none, a leader a working group, a liaison a district. */
export const roleGrantSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin'), ...grantMeta }),
  z.object({ role: z.literal('leader'), group: groupNoSchema, ...grantMeta }),
  z.object({ role: z.literal('liaison'), district: z.string().min(1), ...grantMeta }),
])

export const registrationRecordSchema = z.object({
  name: z.string(),
  orgId: z.string(),
  line: lineSchema.nullable(),
  at: isoSchema,
})

export const memberSchema = z.object({
  contactId: z.string().min(1),
  name: z.string().min(1),
  orgId: z.string().min(1),
  line: lineSchema.nullable(),
  registeredAt: isoSchema,
  updatedAt: isoSchema,
  /** Earlier registrations, oldest first. */
  history: z.array(registrationRecordSchema),
  /** The WeChat display name seen at the last registration, for leaders' lists only. */
  wechatName: z.string(),
})

export const linkInfoSchema = z.object({ title: z.string(), url: z.string(), description: z.string() })

export const fileInfoSchema = z.object({
  /** Name as shared. */
  name: z.string(),
  /** Path under DATA_DIR, with forward slashes. */
  path: z.string(),
  size: z.number(),
  kind: z.enum(['file', 'image']),
})

/** One piece of 创建信息, as stored. Withdrawn reports stay, marked, and stop counting. */
export const reportSchema = z.object({
  no: z.number().int().positive(),
  month: monthSchema,
  orgId: z.string().min(1),
  /** Who sent it (a member of the site, or a liaison, leader or admin on its behalf). */
  submitterId: z.string().min(1),
  submitterName: z.string(),
  onBehalf: z.boolean(),
  /** How it arrived: #上报 text, a shared link, file or image, a link recognised by its title, or
   * an imported count (never stored: made from #导入, see domain/imports.ts). */
  via: z.enum(['text', 'share', 'auto', 'import']),
  title: z.string(),
  text: z.string(),
  links: z.array(linkInfoSchema),
  files: z.array(fileInfoSchema),
  /** The WeChat message ids it came from: a message delivered twice is recognised by them. */
  messageIds: z.array(z.string()),
  at: isoSchema,
  late: z.boolean(),
  withdrawn: z.object({ by: z.string(), at: isoSchema }).nullable(),
})
