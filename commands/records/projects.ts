/** #项目: the service-project list of a site (服务群众工作内容和项目清单). */
import { rawArg, restAfter } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { parseNo } from '../../src/domain/numbers.js'
import { CORE } from '../../src/messages/core.js'
import { RECORDS } from './sentences.js'
import { actorOf, recordArgs, recordTarget, siteOrOwn } from './record-site.js'

const ACTIONS: Record<string, 'add' | 'done' | 'stopped'> = {
  新增: 'add',
  添加: 'add',
  完成: 'done',
  结项: 'done',
  停止: 'stopped',
  终止: 'stopped',
}

export const projects = defineCommand({
  name: '项目',
  aliases: ['服务项目', '项目清单'],
  usage: RECORDS.projectUsage,
  summary: '服务项目清单：新增、标记完成或停止、查看',
  details: [
    '示范点成员新增本单位项目；联络员、组长写在名称前写单位：#项目 新增 单位 "名称" 说明（单位也可写在最前：#项目 单位 新增 "名称"）。',
    '项目编号全市唯一，#项目 完成 3 把 3 号项目标记为已完成。',
  ],
  examples: ['#项目 新增 "四点半课堂" 面向双职工子女', '#项目 完成 3', '#项目 日新街道'],
  category: 'records',
  requires: [registered],
  args: recordArgs,
  async run(ctx, { tokens, rest }) {
    const { deps, sender } = ctx
    const { records } = deps.repo
    // The site may come first, as people say it: #项目 日新街道 新增 "四点半课堂".
    const siteFirst = !ACTIONS[tokens[0] ?? ''] && ACTIONS[tokens[1] ?? ''] !== undefined
    const action = ACTIONS[tokens[siteFirst ? 1 : 0] ?? '']
    if (!action) {
      const site = siteOrOwn(ctx, tokens.join(' '))
      if (!site.ok) return site.reply
      return [
        {
          text: RECORDS.projectsOfSite(
            site.value,
            records.projects().filter((p) => p.orgId === site.value.id),
          ),
        },
      ]
    }
    if (action === 'add') {
      // A member adds to their own site; someone without one names the site before the name.
      const own = ctx.ownSite()
      const named = siteFirst || !own
      const site = recordTarget(ctx, named ? (tokens[siteFirst ? 0 : 1] ?? '') : '', { named })
      if (!site.ok) return site.reply
      // The name and the description as written (the name's quotation marks only group it).
      const at = named ? 2 : 1
      const name = tokens[at] ? rawArg(rest, at) : ''
      if (!name) return [{ text: RECORDS.projectNameMissing }]
      const p = await records.addProject(
        site.value.id,
        name,
        restAfter(rest, at + 1),
        actorOf(sender),
        deps.clock(),
      )
      return [{ text: RECORDS.projectAdded(site.value, p) }]
    }
    const no = parseNo(tokens.slice(siteFirst ? 2 : 1).join(''))
    if (no === null) {
      const word = tokens.slice(siteFirst ? 2 : 1).join('')
      return [
        { text: CORE.badArgs(word ? CORE.noInvalid(word) : CORE.noMissing, RECORDS.projectUsage, undefined) },
      ]
    }
    const project = records.projects().find((p) => p.no === no)
    if (!project) return [{ text: RECORDS.projectUnknown(no) }]
    const site = deps.repo.roster().get(project.orgId)
    if (site?.kind !== 'site') return [{ text: RECORDS.projectUnknown(no) }]
    const ok = ctx.actFor(site)
    if (!ok.ok) return ok.reply
    const changed = await records.setProjectStatus(no, action, actorOf(sender), deps.clock())
    return [{ text: RECORDS.projectStatus(changed!) }]
  },
})
