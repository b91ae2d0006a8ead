import type { AnyCommand } from '../src/core/types.js'
import { adminAuth } from './admin-auth.js'
import { appoint, dismiss, roles } from './appoint.js'
import { help } from './help.js'
import { myInfo } from './my-info.js'
import { register } from './register.js'
import { org, sites, unregistered } from './sites.js'
import { behalfReport, lateReport, report, withdraw } from './reporting.js'
import { missing, progress, summary, tally } from './tallies.js'
import { restoreSite, retireSite } from './site-admin.js'
import { reminderSettings, reminders } from './reminders.js'
export { onShare } from './reporting.js'

/** Every command, in the order #帮助 lists them. A fresh set per bot (some keep state, e.g. lockouts). */
export function builtinCommands(): AnyCommand[] {
  return [
    help,
    register,
    myInfo,
    report,
    lateReport,
    withdraw,
    tally,
    progress,
    sites,
    org,
    missing,
    summary,
    reminders,
    behalfReport,
    unregistered,
    roles,
    appoint,
    dismiss,
    retireSite,
    restoreSite,
    reminderSettings,
    adminAuth(),
  ]
}
