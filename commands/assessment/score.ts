/** #评分: a group leader's score for a site and half-year (one per leader, changeable). */
import { rawArgs, restAfter } from '../../src/core/args.js'
import { role } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { isAdmin, leaderGroups } from '../../src/domain/authority.js'
import { parsePeriod } from '../../src/domain/records.js'
import { ASSESSMENT } from './sentences.js'
import { actorOf, recordsOf } from '../records/record-site.js'
import { defaultPeriod } from './assessment-now.js'
import { displayName, scopesLabel } from '../../src/messages/format.js'

export const score = defineCommand({
  name: '评分',
  aliases: ['组长评分'],
  usage: ASSESSMENT.scoreUsage,
  summary: '组长为本组示范点的半年工作评分（0–100），计入考核',
  details: [
    '每位组长每半年对每个示范点一个分数，再次评分即为修改；考核取各组长评分的平均。',
    '可在分数后写半年，如 #评分 日新街道 90 2026上半年 亮点突出。',
  ],
  examples: ['#评分 日新街道 90 阵地建设扎实', '#评分 大船 85 2026上半年 宣传到位'],
  category: 'records',
  requires: [role('leader', 'admin')],
  args: rawArgs.transform((a) => ({ tokens: a.tokens, typed: a.rest })),
  async run(ctx, { tokens, typed }) {
    const { deps, sender } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const at = tokens.findIndex((t) => /^\d+(\.\d+)?分?$/.test(t))
    const site = ctx.site(tokens.slice(0, Math.max(at, 1)).join(' '))
    if (!site.ok) return site.reply
    const groups = leaderGroups(sender.roles)
    if (!isAdmin(sender.roles) && !groups.includes(site.value.group)) {
      // The scope policy's one sentence: a leader scores the sites of the groups they lead.
      const mine = scopesLabel(groups.map((group) => ({ kind: 'group' as const, group })))
      return [{ text: ASSESSMENT.notLeaderOf(mine, displayName(site.value)) }]
    }
    // The number as typed, a trailing 分 left off (the pattern above allows nothing else).
    const value = at < 0 ? NaN : parseFloat(tokens[at]!)
    // No number at all: the word where the score should be (日新街道 abc 好 → abc).
    const word = at < 0 ? (tokens[1] ?? '') : tokens[at]!
    if (!word) return [{ text: ASSESSMENT.scoreMissing }]
    if (!(value >= 0 && value <= 100)) return [{ text: ASSESSMENT.scoreBad(word) }]
    const rest = tokens.slice(at + 1)
    const named = rest[0] ? parsePeriod(rest[0]) : null
    const period = named ?? defaultPeriod(deps)
    const comment = restAfter(typed, at + 1 + (named ? 1 : 0))
    const updated = rec.value.records
      .scores()
      .some((s) => s.orgId === site.value.id && s.period === period && s.by === sender.id)
    await rec.value.records.setScore(site.value.id, period, value, comment, actorOf(sender), deps.clock())
    return [{ text: ASSESSMENT.scoreSaved(site.value.name, period, value, updated) }]
  },
})
