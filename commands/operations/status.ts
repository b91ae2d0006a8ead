/** #状态: the running bot at a glance, for admins (version, connection, data, backups, reminders). */
import { noArgs } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { counts } from '../../src/domain/reports.js'
import { upcoming } from '../../src/domain/reminders.js'
import { STATUS } from '../../src/messages/status.js'

export const status = defineCommand({
  name: '状态',
  aliases: ['运行状态'],
  usage: STATUS.usage,
  summary: '查看机器人的运行状态（版本、连接、数据、备份、提醒）',
  details: ['仅管理员可用。'],
  examples: ['#状态'],
  category: 'manage',
  requires: [role('admin')],
  args: noArgs,
  async run({ deps }) {
    const { repo, clock, status: proc } = deps
    const now = clock()
    const month = monthOf(now)
    const sites = repo.rosterHistory.activeSitesFor(month)
    const members = repo.members()
    const withMembers = new Set(members.map((m) => m.orgId))
    const settings = repo.reminders.settings(deps.reminderDefaults)
    const year = Number(month.slice(0, 4))
    const holidayYears = [year - 1, year, year + 1, year + 2].filter((y) => deps.calendar.hasData(y))
    const text = STATUS.report({
      version: proc?.version ?? '',
      uptimeMs: proc ? now.getTime() - proc.startedAt.getTime() : null,
      account: proc?.account() ?? null,
      room: repo.room()?.topic ?? null,
      members: members.length,
      sitesCovered: sites.filter((s) => withMembers.has(s.id)).length,
      sitesTotal: sites.length,
      month,
      reportsThisMonth: repo.reports.ofMonth(month).filter(counts).length,
      store: (await proc?.storeSize()) ?? null,
      lastBackup: proc?.lastBackup() ?? null,
      holidayYears,
      enteredYears: repo.holidays.years(),
      next: upcoming(
        settings,
        deps.settings.lateDays,
        now,
        (id) => !!repo.reminders.state(id),
        deps.calendar,
        3,
      ),
      remindersPaused: settings.paused,
      lastSendFailure: proc?.lastSendFailure() ?? null,
      connection: proc?.connection?.() ?? null,
    })
    return [{ text }]
  },
})
