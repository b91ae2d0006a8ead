/** #六有: the six items of the notice per site — record one, show a site, or the matrix of a scope. */
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { sitesIn } from '../../src/domain/authority.js'
import {
  parseSixItem,
  parseSixState,
  SIX_ITEMS,
  SIX_STATES,
  sixDone,
  sixOf,
} from '../../src/domain/records.js'
import { REC } from '../../src/messages/records.js'
import { awaitFiles, sharedBefore } from './record-shares.js'
import { actorOf, recordsOf, siteOrOwn } from './record-site.js'

export const sixHave = defineCommand({
  name: '六有',
  aliases: ['六有台账'],
  usage: REC.sixUsage,
  summary: '六有台账：记录或查看有人员、有阵地、有项目、有载体、有制度、有特色',
  details: [
    '状态写 已达标（达标、完成）、建设中（在建）或 未达标；说明中写“编号12”可关联上报作为佐证。',
    '示范点成员记录本单位，联络员、组长记录负责范围内的示范点（写明单位）。',
    '记录后几分钟内分享的照片、文件作为该项佐证（记录前刚分享的也算）。',
    '#六有 单位 查看一个示范点；组长、联络员、管理员只发 #六有 查看负责范围的完成矩阵。',
  ],
  examples: ['#六有 有阵地 已达标 社区党群服务中心二楼活动室120㎡', '#六有 日新街道', '#六有'],
  category: 'records',
  requires: [registered],
  args: rawArgs.transform((a) => a.tokens),
  async run(ctx, tokens) {
    const { deps, sender } = ctx
    const rec = recordsOf(deps)
    if (!rec.ok) return rec.reply
    const { records } = rec.value
    const at = tokens.findIndex((t) => parseSixItem(t) !== null && !/^\d$/.test(t))
    if (at < 0) {
      const scope = sender.roles.length > 0 && tokens.length === 0 ? ctx.scope(undefined, 'act') : null
      if (scope) {
        if (!scope.ok) return scope.reply
        const sites = sitesIn(deps.repo.roster(), scope.value.scopes)
        const rows = sites.map((site) => {
          const six = sixOf(records.six(), site.id)
          return { site, states: SIX_ITEMS.map((i) => six[i]?.state ?? SIX_STATES[0]) }
        })
        return [{ text: REC.sixMatrix(rows, [...new Set(sites.map((s) => s.group))].sort()) }]
      }
      const site = siteOrOwn(ctx, tokens.join(''))
      if (!site.ok) return site.reply
      return [{ text: REC.sixOfSite(site.value, sixOf(records.six(), site.value.id)) }]
    }
    const item = parseSixItem(tokens[at]!)!
    const stateWord = tokens[at + 1] ?? ''
    const state = parseSixState(stateWord)
    if (!state) return [{ text: REC.sixBadState(stateWord) }]
    const site = siteOrOwn(ctx, tokens.slice(0, at).join(''))
    if (!site.ok) return site.reply
    const ok = ctx.actFor(site.value)
    if (!ok.ok) return ok.reply
    const description = tokens.slice(at + 2).join(' ')
    const reports = [...description.matchAll(/编号\s*(\d+)/g)].map((m) => Number(m[1]))
    const files = sharedBefore(deps, sender)
    const entry = await records.setSix(
      site.value.id,
      item,
      { state, description, evidence: { reports, files } },
      actorOf(sender),
      deps.clock(),
    )
    awaitFiles(deps, sender, { kind: 'six', siteId: site.value.id, item })
    return [{ text: REC.sixSaved(site.value, entry, sixDone(records.six(), site.value.id)) }]
  },
})
