import { auditOutboxField } from './audited-update.js'
import { z } from 'zod'
import { isoSchema as iso, memberSchema, orgSchema, roleGrantSchema } from '../src/domain/schemas.js'

export const ROSTER_SCHEMA_VERSION = 1
export const rosterFileSchema = z.object({
  schemaVersion: z.literal(ROSTER_SCHEMA_VERSION),
  rosterVersion: z.number().int(),
  orgs: z.array(orgSchema),
})
export type RosterFile = z.infer<typeof rosterFileSchema>

export const adminCodeSchema = z.object({
  salt: z.string(),
  hash: z.string(),
  source: z.enum(['generated', 'env']),
  createdAt: iso,
  usedBy: z.string().nullable(),
  usedAt: iso.nullable(),
})

export const CORE_SCHEMA_VERSION = 3
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
  ...auditOutboxField,
})
export type CoreFile = z.infer<typeof coreFileSchema>
