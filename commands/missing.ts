import { rawArgs } from '../src/core/args.js'
import { role } from '../src/core/preconditions.js'
import { defineCommand } from '../src/core/types.js'
import { contactsOf, tallyMonth } from '../src/domain/reports.js'
import { R } from '../src/messages/reports.js'
import { dueText, pickMonth } from './tally-support.js'

export const missing = defineCommand({
  name: '未报',
  aliases: ['未上报', '催报'],
  usage: '#未报 [YYYY-MM]',
  summary: '列出某月尚未上报的示范点，并 @ 其联系人（默认本月）',
  details: ['在群里发送时，一条消息 @ 所有未报示范点的已注册人员；私聊发送时只列出名单。'],
  examples: ['#未报', '#未报 2026-10'],
  category: 'query',
  requires: [role('liaison', 'leader', 'admin')],
  args: rawArgs.transform((a) => a.tokens[0] ?? ''),
  run({ deps, incoming }, word) {
    const m = pickMonth(deps, word)
    if (!m.ok) return [{ text: m.text }]
    const t = tallyMonth(
      deps.repo.rosterHistory.activeSitesFor(m.month),
      deps.repo.reports.ofMonth(m.month),
      m.month,
    )
    const unreported = t.sites.filter((s) => s.count === 0).map((s) => s.site)
    const { people, nobody } = contactsOf(unreported, deps.repo.members())
    const due = dueText(deps, m.month)
    const inRoom = incoming.conversation.kind === 'room'
    const text = R.missing(m.month, unreported, nobody, inRoom ? null : people.map((p) => p.name), due)
    return [{ text, mentionIds: inRoom ? people.map((p) => p.contactId) : [] }]
  },
})
