import { isTracked } from '../../src/domain/tracking.js'
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import type { Role } from '../../src/domain/types.js'
import { defineCommand } from '../../src/core/types.js'
import { inScope, parseScope } from '../../src/domain/authority.js'
import { monthOf, parseMonth } from '../../src/domain/calendar.js'
import { contactsOf, tallyMonth } from '../../src/domain/reports.js'
import { MISSING, TALLIES } from './sentences.js'
import { CORE } from '../../src/messages/core.js'
import { SCOPE_WORDS } from '../../src/domain/vocabulary.js'
import { dueText } from './month-asked.js'

/** Who may have #未报 @-mention the people of the sites behind. */
const ACTING: readonly Role[] = ['liaison', 'leader', 'admin']

export const missing = defineCommand({
  name: '未报',
  aliases: ['未上报', '催报'],
  usage: '#未报 [第N组|区名|省级|市级|全市] [月份]',
  summary: '列出尚未上报的示范点，并 @ 其联系人（默认本月、本人负责的范围）',
  details: [
    '不写范围时：组长看本组，联络员看本区，管理员看全市。范围和月份可任意顺序，月份可写 10月、上月、2026-10。',
    '因为会 @ 人，组长和联络员只能查自己负责的范围；其他范围请用 #统计 或 #汇总。',
    '在群里发送时，一条消息 @ 所列示范点的已注册人员；私聊发送时只列出名单和联系人。',
    '其他成员也可以问（如“@助手 还有谁没报”）：只列出示范点，不 @ 人，不写范围时为全市。',
  ],
  examples: ['#未报', '#未报 第一组', '#未报 上月', '#未报 西岗区 10月'],
  category: 'query',
  requires: [registered],
  args: rawArgs.transform((a) => a.tokens),
  run(ctx, tokens) {
    const { deps, incoming } = ctx
    let month = monthOf(ctx.now)
    let word: string | undefined
    for (const w of tokens) {
      const m = parseMonth(w, ctx.now)
      if (m) month = m
      else if (parseScope(w)) word = w
      else return [{ text: /\d|月/.test(w) ? CORE.monthInvalid(w, month) : MISSING.wordUnknown(w) }]
    }
    if (!isTracked(deps.repo.tracking(), month))
      return [{ text: TALLIES.tallyBeforeTracking(month, deps.repo.trackingSince()) }]
    // It @-mentions people: acting, so only within one's own scope. A member without a role asks
    // to know: the list is read, for any scope (the city by default), with no one mentioned.
    const acting = ctx.sender.roles.some((g) => ACTING.includes(g.role))
    const scope = acting ? ctx.scope(word, 'act') : ctx.scope(word ?? SCOPE_WORDS.all[0], 'read')
    if (!scope.ok) return scope.reply
    const { scopes, label } = scope.value
    const t = tallyMonth(
      deps.repo.rosterHistory.activeSitesFor(month).filter((s) => scopes.some((sc) => inScope(sc, s))),
      deps.repo.reports.ofMonth(month),
      month,
    )
    const unreported = t.sites.filter((s) => s.count === 0).map((s) => s.site)
    const { people, nobody } = contactsOf(unreported, deps.repo.members())
    const due = dueText(deps, month)
    const inRoom = incoming.conversation.kind === 'room'
    if (!acting) return [{ text: MISSING.list(month, label, unreported, nobody, null, due) }]
    const names = new Map<string, string[]>()
    for (const p of people) names.set(p.orgId, [...(names.get(p.orgId) ?? []), p.name])
    const text = MISSING.list(month, label, unreported, nobody, inRoom ? null : names, due)
    return [{ text, mentionIds: inRoom ? people.map((p) => p.contactId) : [] }]
  },
})
