/** Writes a change to the append-only audit trail: who, when, what, why. */
import type { AuditAction } from '../../src/domain/audit.js'
import type { Deps, Sender } from '../../src/core/types.js'

export async function audited(
  deps: Deps,
  sender: Sender,
  action: AuditAction,
  target: string,
  detail: Record<string, string>,
  reason = '',
): Promise<void> {
  await deps.repo.audit.append({
    at: deps.clock().toISOString(),
    by: sender.id,
    byName: sender.member?.name ?? sender.wechatName,
    action,
    target,
    detail,
    reason,
  })
}
