import type { AnyCommand, ShareHandler } from '../src/core/types.js'
import { assessment } from './assessment/assessment.js'
import { auditLog } from './operations/audit-log.js'
import { compilation } from './files/compilation.js'
import { guidance } from './records/guidance.js'
import { plan } from './records/plan.js'
import { projects } from './records/projects.js'
import { recommend } from './assessment/recommend.js'
import { reportKind } from './reporting/report-kind.js'
import { score } from './assessment/score.js'
import { sixHave } from './records/six-have.js'
import { adminAuth } from './people/admin-auth.js'
import { appoint } from './people/appoint.js'
import { behalfReport } from './reporting/behalf-report.js'
import { dismiss } from './people/dismiss.js'
import { help } from './operations/help.js'
import { holidays } from './reminders/holidays.js'
import { lateReport } from './reporting/late-report.js'
import { missing } from './tallies/missing.js'
import { myInfo } from './people/my-info.js'
import { org } from './people/org.js'
import { progress } from './tallies/progress.js'
import { register } from './people/register.js'
import { reminderSettings } from './reminders/reminder-settings.js'
import { reminders } from './reminders/reminders.js'
import { report } from './reporting/report.js'
import { restoreSite } from './roster/restore-site.js'
import { retireSite } from './roster/retire-site.js'
import { roles } from './people/roles.js'
import { shareToReport } from './reporting/share.js'
import { sites } from './roster/sites.js'
import { status } from './operations/status.js'
import { summary } from './tallies/summary.js'
import { tally } from './tallies/tally.js'
import { unregistered } from './people/unregistered.js'
import { withdraw } from './reporting/withdraw.js'
import { exportFile } from './files/export.js'
import { chart } from './files/chart.js'
import { weekly } from './reminders/weekly.js'
import { siteFile } from './records/site-file.js'
import { shareToRecords } from './records/records-share.js'
import { assessmentSettings } from './assessment/assessment-settings.js'
import { addSite } from './roster/add-site.js'
import { moveSite } from './roster/move-site.js'
import { renameSite } from './roster/rename-site.js'
import { importHistory } from './imports/import.js'
import { shareToImport } from './imports/import-share.js'

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
  importHistory,
  status,
]

/** What shared articles, files and pictures go to. */
export const SHARE_HANDLERS: readonly ShareHandler[] = [shareToImport, shareToRecords, shareToReport]

/** The commands of one bot (kept as a function: the composition root and tests call it). */
export function builtinCommands(): AnyCommand[] {
  return [...COMMANDS]
}
