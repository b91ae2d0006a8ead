/** #计划: a site's work plan for a year; leaders see which sites have none. */
import { restAfter } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { sitesIn } from '../../src/domain/authority.js'
import { RECORDS } from './sentences.js'
import { awaitFiles, sharedBefore } from './record-shares.js'
import { actorOf, recordArgs, recordTarget } from './record-site.js'

export const plan = defineCommand({
  name: '计划',
  aliases: ['工作计划'],
  usage: RECORDS.planUsage,
  summary: '提交示范点年度工作计划；组长、联络员查看未提交的示范点',
  details: [
    '成员写 #计划 年份 内容；联络员、组长在年份前写单位。再次提交即为修改，旧版本保留。',
    '计划文件（Word、PDF 或照片）：先分享文件再发 #计划 年份，或先发 #计划 年份 再在几分钟内分享文件。',
    '组长、联络员、管理员只发 #计划 或 #计划 年份 时，列出负责范围内未提交计划的示范点。',
  ],
  examples: ['#计划 2027 一季度完成阵地改造，二季度启动四点半课堂…', '#计划 2027'],
  category: 'records',
  requires: [registered],
  args: recordArgs,
  async run(ctx, { tokens, rest }) {
    const { deps, sender } = ctx
    const { records } = deps.repo
    const at = tokens.findIndex((t) => /^\d{4}年?$/.test(t))
    const scope = ctx.scope(undefined, 'act')
    if (scope.ok && sender.roles.length > 0 && tokens.length <= 1 && (at === 0 || tokens.length === 0)) {
      const { scopes } = scope.value
      const year = at === 0 ? Number(tokens[0]!.slice(0, 4)) : Number(ctx.today.slice(0, 4))
      const sites = sitesIn(deps.repo.roster(), scopes)
      const done = new Set(
        records
          .plans()
          .filter((p) => p.year === year)
          .map((p) => p.orgId),
      )
      return [
        {
          text: RECORDS.plansMissing(
            year,
            sites.filter((s) => !done.has(s.id)),
            sites.length,
          ),
        },
      ]
    }
    if (at < 0) return [{ text: RECORDS.planYearMissing }]
    const site = recordTarget(ctx, tokens.slice(0, at).join(' '))
    if (!site.ok) return site.reply
    const text = restAfter(rest, at + 1)
    const year = Number(tokens[at]!.slice(0, 4))
    const before = sharedBefore(deps, sender).at(-1) ?? null
    if (!text && !before) {
      awaitFiles(deps, sender, { kind: 'plan', siteId: site.value.id, year })
      return [{ text: RECORDS.planAwaitingFile(year, deps.settings.shareWindowMs / 60_000) }]
    }
    const updated = records.plans().some((p) => p.orgId === site.value.id && p.year === year)
    const saved = await records.setPlan(site.value.id, year, text, before, actorOf(sender), deps.clock())
    return [{ text: RECORDS.planSaved(site.value, saved, updated) }]
  },
})
