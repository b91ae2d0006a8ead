/** The audit entry a command's change carries: who, when, what, why (written with the change, in one write). */
import type { AuditAction, AuditNote } from '../../src/domain/audit.js'
import type { Deps, Sender } from '../../src/core/types.js'

export function auditNote(
  deps: Deps,
  sender: Sender,
  action: AuditAction,
  target: string,
  detail: Record<string, string>,
  reason = '',
): AuditNote {
  return {
    at: deps.clock().toISOString(),
    by: sender.id,
    byName: sender.member?.name ?? sender.wechatName,
    action,
    target,
    detail,
    reason,
  }
}
