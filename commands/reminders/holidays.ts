/** #节假日: admins enter a year's official holidays and 调休 make-up workdays; members may view them. */
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { isAdmin } from '../../src/domain/authority.js'
import {
  applyHolidayCommand,
  parseHolidayCommand,
  type HolidayCommand,
} from '../../src/domain/holiday-input.js'
import { HOL, HOLIDAY_WORDS } from '../../src/messages/holidays.js'
import { auditNote } from '../operations/audited.js'

type Input = { ok: true; command: HolidayCommand } | { ok: false; text: string }

export const holidays = defineCommand({
  name: '节假日',
  aliases: ['放假安排', '调休'],
  usage: HOL.usage,
  summary: '查看或录入某年的法定节假日和调休上班日',
  details: [
    'chinese-days 没有的年份（通常是次年，约11月公布），由管理员按国务院办公厅的通知录入；提醒按录入的数据计算工作日。',
    '每个假期一条，日期可写 2027-02-06至2027-02-14、2027-02-06~2027-02-14 或 2027/2/6至2027/2/14；调休上班日可一次写多个。',
    '同名假期重新录入即修改；“删除 假期名或日期”删去一项，“清除”删去整年。所有成员可查看，只有管理员可修改。',
  ],
  examples: [
    '#节假日 2027',
    '#节假日 2027 春节 2027-02-06至2027-02-14 放假',
    '#节假日 2027 调休上班 2027-02-04 2027-02-20',
    '#节假日 2027 删除 春节',
  ],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a): Input => {
    const parsed = parseHolidayCommand(a.tokens, HOLIDAY_WORDS)
    return parsed.ok ? { ok: true, command: parsed.value } : { ok: false, text: HOL.error(parsed.error) }
  }),
  async run({ deps, sender, incoming }, input) {
    if (!input.ok) return [{ text: input.text }]
    const cmd = input.command
    const store = deps.repo.holidays
    const computed = deps.calendar.statutory?.(cmd.year) ?? null
    if (cmd.op === 'show') return [{ text: HOL.show(cmd.year, store.year(cmd.year), computed) }]
    if (!isAdmin(sender.roles)) return [{ text: HOL.adminOnly }]
    const next = applyHolidayCommand(store.year(cmd.year), cmd)
    if (!next.ok) return [{ text: HOL.error(next.error) }]
    const note = auditNote(deps, sender, 'settings.change', 'holidays', {
      holidays: incoming.text.slice(0, 80),
    })
    await store.setYear(cmd.year, next.value, sender.id, deps.clock(), note)
    return [{ text: HOL.saved(cmd.year, next.value) }]
  },
})
