/** #提醒 lists what comes next. */
import { noArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { upcoming } from '../../src/domain/reminders.js'
import { REMINDERS } from './sentences.js'

export const reminders = defineCommand({
  name: '提醒',
  aliases: ['提醒安排', '日程'],
  usage: '#提醒',
  summary: '查看接下来的提醒及日期',
  details: ['提醒按法定节假日和调休安排工作日，逢节假日提前到前一个工作日。'],
  examples: ['#提醒'],
  category: 'query',
  requires: [registered],
  args: noArgs,
  run({ deps }) {
    const s = deps.repo.reminders.settings(deps.reminderDefaults)
    const list = upcoming(
      { ...s, paused: false },
      deps.settings.lateDays,
      deps.clock(),
      (id) => !!deps.repo.reminders.state(id),
      deps.calendar,
    )
    return [{ text: list.length === 0 ? REMINDERS.upcomingNone : REMINDERS.upcoming(list, s) }]
  },
})
