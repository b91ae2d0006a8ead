import type { AnyCommand, ShareHandler } from '../src/core/types.js'
import { assessment } from './assessment.js'
import { auditLog } from './audit-log.js'
import { compilation } from './compilation.js'
import { guidance } from './guidance.js'
import { plan } from './plan.js'
import { projects } from './projects.js'
import { recommend } from './recommend.js'
import { reportKind } from './report-kind.js'
import { score } from './score.js'
import { sixHave } from './six-have.js'
import { adminAuth } from './admin-auth.js'
import { appoint } from './appoint.js'
import { behalfReport } from './behalf-report.js'
import { dismiss } from './dismiss.js'
import { help } from './help.js'
import { holidays } from './holidays.js'
import { lateReport } from './late-report.js'
import { missing } from './missing.js'
import { myInfo } from './my-info.js'
import { org } from './org.js'
import { progress } from './progress.js'
import { register } from './register.js'
import { reminderSettings } from './reminder-settings.js'
import { reminders } from './reminders.js'
import { report } from './report.js'
import { restoreSite } from './restore-site.js'
import { retireSite } from './retire-site.js'
import { roles } from './roles.js'
import { shareToReport } from './share.js'
import { sites } from './sites.js'
import { status } from './status.js'
import { summary } from './summary.js'
import { tally } from './tally.js'
import { unregistered } from './unregistered.js'
import { withdraw } from './withdraw.js'
import { exportFile } from './export.js'
import { chart } from './chart.js'
import { weekly } from './weekly.js'
import { siteFile } from './site-file.js'
import { shareToRecords } from './records-share.js'
import { assessmentSettings } from './assessment-settings.js'
import { addSite } from './add-site.js'
import { moveSite } from './move-site.js'
import { renameSite } from './rename-site.js'
import { verifyCode } from './operations/verify-code.js'

/** Every command, in the order #帮助 lists them. */
export const COMMANDS: readonly AnyCommand[] = [
  help,
  register,
  myInfo,
  adminAuth,
  report,
  lateReport,
  withdraw,
  behalfReport,
  tally,
  progress,
  sites,
  org,
  reminders,
  missing,
  summary,
  exportFile,
  chart,
  weekly,
  siteFile,
  sixHave,
  projects,
  plan,
  guidance,
  reportKind,
  assessment,
  score,
  recommend,
  compilation,
  unregistered,
  roles,
  appoint,
  dismiss,
  retireSite,
  restoreSite,
  addSite,
  moveSite,
  renameSite,
  auditLog,
  assessmentSettings,
  reminderSettings,
  holidays,
  status,
  verifyCode,
]

/** What shared articles, files and pictures go to. */
export const SHARE_HANDLERS: readonly ShareHandler[] = [shareToRecords, shareToReport]

/** The commands of one bot (kept as a function: the composition root and tests call it). */
export function builtinCommands(): AnyCommand[] {
  return [...COMMANDS]
}
