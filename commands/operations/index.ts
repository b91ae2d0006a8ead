/** Feature operations: help, the audit log and the process status. */
import type { Feature } from '../../src/core/feature.js'
import { auditLog } from './audit-log.js'
import { help } from './help.js'
import { status } from './status.js'
import { verifyCode } from './verify-code.js'

export const operationsFeature: Feature = {
  name: 'operations',
  commands: [help, auditLog, status, verifyCode],
}
