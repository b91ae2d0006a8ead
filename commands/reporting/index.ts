/** Feature reporting: 创建信息 reports: #上报, #补报, #代报, #撤回 and shared articles. */
import type { Feature } from '../../src/core/feature.js'
import { behalfReport } from './behalf-report.js'
import { lateReport } from './late-report.js'
import { report } from './report.js'
import { reportKind } from './report-kind.js'
import { withdraw } from './withdraw.js'
import { reportShares } from './report-shares.js'

export const reportingFeature: Feature = {
  name: 'reporting',
  commands: [report, lateReport, withdraw, behalfReport, reportKind],
  shares: [reportShares],
}
