import type { z } from 'zod'
import type {
  groupNoSchema,
  levelSchema,
  lineOrgSchema,
  lineSchema,
  memberSchema,
  orgSchema,
  registrationRecordSchema,
  roleGrantSchema,
  siteSchema,
} from './schemas.js'
import { LINE_WORDS } from './vocabulary.js'

export type Level = z.infer<typeof levelSchema>
export type GroupNo = z.infer<typeof groupNoSchema>
export type Line = z.infer<typeof lineSchema>
export const LINES: readonly Line[] = LINE_WORDS
export const GROUP_NOS: readonly GroupNo[] = [1, 2, 3]
export { GROUP_NAMES } from './vocabulary.js'

export type Site = z.infer<typeof siteSchema>
export type LineOrg = z.infer<typeof lineOrgSchema>
export type Org = z.infer<typeof orgSchema>

export type RoleGrant = z.infer<typeof roleGrantSchema>
export type Role = RoleGrant['role']
/** A role and its scope, without who granted it: what #任命 and #免职 are about. */
export type RoleSpec =
  { role: 'admin' } | { role: 'leader'; group: GroupNo } | { role: 'liaison'; district: string }

export type RegistrationRecord = z.infer<typeof registrationRecordSchema>
export type Member = z.infer<typeof memberSchema>
