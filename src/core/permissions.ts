import type { Permission, Sender } from './types.js'

/** Whether the sender may run a command of this permission. Roles are keyed by contact id only. */
export function allows(permission: Permission, sender: Sender): boolean {
  const has = (r: string) => sender.roles.some((g) => g.role === r)
  switch (permission) {
    case 'anyone':
      return true
    case 'member':
      return !!sender.member || sender.roles.length > 0
    case 'liaison':
      return has('liaison') || has('leader') || has('admin')
    case 'leader':
      return has('leader') || has('admin')
    case 'admin':
      return has('admin')
  }
}
