import { rawArgs } from '../../src/core/args.js'
import { defineCommand } from '../../src/core/types.js'
import { M } from '../../src/messages/zh.js'
import { inScope, parseScope } from '../../src/domain/authority.js'
import { scopeLabel } from '../../src/messages/format.js'

export const sites = defineCommand({
  name: '示范点',
  aliases: ['名单', '示范点名单', '单位列表'],
  usage: '#示范点 [第N组|省级|市级|区名]',
  summary: '查看示范点名单和编号',
  details: ['编号 1–12 为省级示范点，13–30 为市级示范点。'],
  examples: ['#示范点', '#示范点 第二组', '#示范点 西岗区'],
  category: 'query',
  requires: [],
  args: rawArgs.transform((a) => a.tokens[0]),
  run({ deps }, word) {
    // The roster is public: any scope may be read (the scope words of authority.parseScope).
    const scope = word ? parseScope(word) : null
    if (word && !scope) return [{ text: M.sitesFilterUnknown(word) }]
    const all = deps.repo.roster().sites()
    const chosen = scope ? all.filter((s) => inScope(scope, s)) : all
    return [{ text: M.siteList(chosen, scope && scope.kind !== 'all' ? scopeLabel(scope) : null) }]
  },
})
