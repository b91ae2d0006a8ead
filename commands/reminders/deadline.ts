/** #截止: when this month's reports are due, and until when last month's may still be 补报. */
import { noArgs } from '../../src/core/args.js'
import { defineCommand } from '../../src/core/types.js'
import { addMonths, lateDeadline, monthOf, shanghaiDate } from '../../src/domain/calendar.js'
import { workdaysOf } from '../../src/domain/workdays.js'
import { REMINDERS } from './sentences.js'

export const deadline = defineCommand({
  name: '截止',
  aliases: ['截止日期', '截止时间', '截止日'],
  usage: '#截止',
  summary: '查看本月创建信息的截止日期和上月补报的截止日期',
  details: ['截止日按法定节假日和调休安排，为本月最后一个工作日。也可以 @助手 问“这个月截止到哪天”。'],
  examples: ['#截止'],
  category: 'query',
  requires: [],
  args: noArgs,
  run({ deps }) {
    const now = deps.clock()
    const month = monthOf(now)
    const last = workdaysOf(month, deps.calendar).at(-1) ?? `${month}-28`
    const prev = addMonths(month, -1)
    const closes = lateDeadline(prev, deps.settings.lateDays)
    const lateUntil = now < closes ? shanghaiDate(new Date(closes.getTime() - 1)) : null
    return [{ text: REMINDERS.deadline(month, last, prev, lateUntil) }]
  },
})
