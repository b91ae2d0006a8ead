/** #六有: the six items of the notice per site — record one, show a site, or the matrix of a scope. */
import { restAfter } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { sitesIn } from '../../src/domain/authority.js'
import { parseSixItem, parseSixState, SIX_ITEMS, sixDone, sixOf } from '../../src/domain/records.js'
import { RECORDS } from './sentences.js'
import { awaitFiles, sharedBefore } from './record-shares.js'
import { actorOf, recordArgs, recordTarget, siteOrOwn } from './record-site.js'

export const sixHave = defineCommand({
  name: '六有',
  aliases: ['六有台账'],
  usage: RECORDS.sixUsage,
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
  args: recordArgs,
  async run(ctx, { tokens, rest }) {
    const { deps, sender } = ctx
    const { records } = deps.repo
    // An item is a word (有阵地, 第6项), or a bare 1–6 followed by a state (a bare number alone is a site's 编号).
    const at = tokens.findIndex(
      (t, i) => parseSixItem(t) !== null && (!/^\d$/.test(t) || parseSixState(tokens[i + 1] ?? '') !== null),
    )
    if (at < 0) {
      // A state word after something that is no item: say which word is not one of the six.
      const stateAt = tokens.findIndex((t, i) => i > 0 && parseSixState(t) !== null)
      if (stateAt > 0) return [{ text: RECORDS.sixBadItem(tokens[stateAt - 1]!) }]
      const scope = sender.roles.length > 0 && tokens.length === 0 ? ctx.scope(undefined, 'act') : null
      if (scope) {
        if (!scope.ok) return scope.reply
        const sites = sitesIn(deps.repo.roster(), scope.value.scopes)
        const rows = sites.map((site) => {
          const six = sixOf(records.six(), site.id)
          return { site, states: SIX_ITEMS.map((i) => six[i]?.state ?? null) }
        })
        return [{ text: RECORDS.sixMatrix(rows, [...new Set(sites.map((s) => s.group))].sort()) }]
      }
      const site = siteOrOwn(ctx, tokens.join(' '))
      if (!site.ok) return site.reply
      return [{ text: RECORDS.sixOfSite(site.value, sixOf(records.six(), site.value.id)) }]
    }
    const item = parseSixItem(tokens[at]!)!
    const stateWord = tokens[at + 1] ?? ''
    const state = parseSixState(stateWord)
    if (!stateWord) return [{ text: RECORDS.sixStateMissing(item) }]
    if (!state) return [{ text: RECORDS.sixBadState(stateWord) }]
    const site = recordTarget(ctx, tokens.slice(0, at).join(' '))
    if (!site.ok) return site.reply
    // Stored and shown as written: full-width punctuation, ㎡ and quotation marks kept.
    const description = restAfter(rest, at + 2)
    const reports = [...description.normalize('NFKC').matchAll(/编号\s*(\d+)/g)].map((m) => Number(m[1]))
    const files = sharedBefore(deps, sender)
    const entry = await records.setSix(
      site.value.id,
      item,
      { state, description, evidence: { reports, files } },
      actorOf(sender),
      deps.clock(),
    )
    awaitFiles(deps, sender, { kind: 'six', siteId: site.value.id, item })
    return [{ text: RECORDS.sixSaved(site.value, entry, sixDone(records.six(), site.value.id)) }]
  },
})
