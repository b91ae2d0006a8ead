import { noArgs } from '../../src/core/args.js'
import { defineCommand } from '../../src/core/types.js'
import { PEOPLE } from './sentences.js'

export const myInfo = defineCommand({
  name: '我的信息',
  aliases: ['我的', '我是谁', '个人信息'],
  usage: '#我的信息',
  summary: '查看本人的注册信息和角色',
  details: [],
  examples: ['#我的信息'],
  category: 'start',
  requires: [],
  args: noArgs,
  run({ deps, sender }) {
    if (!sender.member) return [{ text: PEOPLE.notRegistered }]
    return [{ text: PEOPLE.myInfo(sender.member, deps.repo.roster().get(sender.member.orgId), sender.roles) }]
  },
})
