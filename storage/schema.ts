import { z } from 'zod'

const line = z.enum(['工会', '团委', '妇联'])
const iso = z.string().min(10)

const orgBase = {
  id: z.string().min(1),
  no: z.number().int().positive(),
  name: z.string().min(2),
  district: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  retired: z.boolean().optional(),
}

export const orgSchema = z.discriminatedUnion('kind', [
  z.object({
    ...orgBase,
    kind: z.literal('site'),
    level: z.enum(['省级', '市级']),
    group: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  z.object({ ...orgBase, kind: z.enum(['district', 'city']), line }),
])

export const ROSTER_SCHEMA_VERSION = 1
export const rosterFileSchema = z.object({
  schemaVersion: z.literal(ROSTER_SCHEMA_VERSION),
  rosterVersion: z.number().int(),
  orgs: z.array(orgSchema),
})
export type RosterFile = z.infer<typeof rosterFileSchema>

const registrationRecord = z.object({ name: z.string(), orgId: z.string(), line: line.nullable(), at: iso })

export const memberSchema = z.object({
  contactId: z.string().min(1),
  name: z.string().min(1),
  orgId: z.string().min(1),
  line: line.nullable(),
  registeredAt: iso,
  updatedAt: iso,
  history: z.array(registrationRecord),
  wechatName: z.string(),
})

export const roleGrantSchema = z.object({
  role: z.enum(['admin', 'leader', 'liaison']),
  scope: z.string(),
  grantedBy: z.string(),
  grantedAt: iso,
})

export const adminCodeSchema = z.object({
  salt: z.string(),
  hash: z.string(),
  source: z.enum(['generated', 'env']),
  createdAt: iso,
  usedBy: z.string().nullable(),
  usedAt: iso.nullable(),
})

export const CORE_SCHEMA_VERSION = 2
export const coreFileSchema = z.object({
  schemaVersion: z.literal(CORE_SCHEMA_VERSION),
  /** The first month the bot counted reports for (YYYY-MM): yearly views start there. */
  trackingSince: z.string().regex(/^\d{4}-\d{2}$/),
  room: z.object({ id: z.string(), topic: z.string(), boundAt: iso }).nullable(),
  adminCode: adminCodeSchema.nullable(),
  members: z.record(z.string(), memberSchema),
  roles: z.record(z.string(), z.array(roleGrantSchema)),
  /** Contacts already greeted on joining, so a re-delivered join event greets no one twice. */
  greeted: z.array(z.string()),
})
export type CoreFile = z.infer<typeof coreFileSchema>
