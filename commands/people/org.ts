import { rawArgs } from '../../src/core/args.js'
import { defineCommand } from '../../src/core/types.js'
import { REGISTER_USAGE } from '../../src/messages/core.js'
import { PEOPLE } from './sentences.js'
import { retiredSince } from '../../src/domain/roster-history.js'

export const org = defineCommand({
  name: '单位',
  aliases: ['查单位', '查询单位'],
  usage: '#单位 名称|简称|编号',
  summary: '查询单位全称、编号和已注册人员',
  details: [`查到的名称或编号可直接用于注册：${REGISTER_USAGE}`],
  examples: ['#单位 日新', '#单位 6'],
  category: 'query',
  requires: [],
  args: rawArgs.transform((a) => a.tokens.join('')),
  run(ctx, input) {
    const { deps } = ctx
    if (!input) return [{ text: PEOPLE.orgLookupMissing }]
    // A query: a site that has left the network is still shown, with the day it left.
    const found = ctx.org(input, { includeRetired: true })
    if (!found.ok) return found.reply
    const people = deps.repo.members().filter((m) => m.orgId === found.value.id)
    const left = found.value.retired ? retiredSince(deps.repo.rosterHistory.history(), found.value.id) : null
    return [{ text: PEOPLE.orgDetail(found.value, people, left) }]
  },
})
