export type Level = '省级' | '市级'
export type GroupNo = 1 | 2 | 3
export type Line = '工会' | '团委' | '妇联'
export const LINES: readonly Line[] = ['工会', '团委', '妇联']
export const GROUP_NAMES: Record<GroupNo, string> = { 1: '第一组', 2: '第二组', 3: '第三组' }

interface OrgBase {
  /** Stable id, never shown: `S01`…`S30` for sites, `O31`… for the others. */
  id: string
  /** The 编号 people may type: 1–30 are the sites in the order of the notice's annexes. */
  no: number
  /** Full name, as the notice writes it. */
  name: string
  district: string
  aliases: string[]
  retired?: boolean
}

export interface Site extends OrgBase {
  kind: 'site'
  level: Level
  group: GroupNo
}

/** A 区市县 / 开放先导区 总工会, 团委 or 妇联, or the city's own. */
export interface LineOrg extends OrgBase {
  kind: 'district' | 'city'
  line: Line
}

export type Org = Site | LineOrg

export type Role = 'admin' | 'leader' | 'liaison'

export interface RoleGrant {
  role: Role
  /** For a leader: '1' | '2' | '3' (working group); for a liaison: the district; for an admin: ''. */
  scope: string
  grantedBy: string
  grantedAt: string
}

export interface RegistrationRecord {
  name: string
  orgId: string
  line: Line | null
  at: string
}

export interface Member {
  contactId: string
  name: string
  orgId: string
  line: Line | null
  registeredAt: string
  updatedAt: string
  /** Earlier registrations, oldest first. */
  history: RegistrationRecord[]
  /** The WeChat display name seen at the last registration, for leaders' lists only. */
  wechatName: string
}
