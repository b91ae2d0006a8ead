import { rawArgs } from '../../src/core/args.js'
import { firstRefusal } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { HELP } from './sentences.js'

/** #帮助: generated from the command declarations, so it never drifts from the code. */
export const help = defineCommand({
  name: '帮助',
  aliases: ['help', '?', '菜单', '命令'],
  usage: '#帮助 [命令名|全部]',
  summary: '查看可用命令',
  details: [
    '不带命令名时按类别列出您可用的命令；“#帮助 全部”列出每条命令的用法；带命令名时显示该命令的详细说明和适用人员。',
  ],
  examples: ['#帮助', '#帮助 注册', '#帮助 全部'],
  category: 'start',
  requires: [],
  args: rawArgs.transform((a) => a.tokens[0]?.replace(/^[#＃]/, '') ?? ''),
  run({ commands, sender }, topic) {
    const usable = commands.all().filter((c) => firstRefusal(c.requires, sender, c.name) === null)
    const registered = !!sender.member || sender.roles.length > 0
    // The 管理 section is for people who hold a role; a plain member is not shown it.
    const forMe = sender.roles.length > 0 ? usable : usable.filter((c) => c.category !== 'manage')
    if (!topic) return [{ text: HELP.overview(forMe, registered) }]
    if (HELP.allWords.includes(topic)) return [{ text: HELP.full(forMe, registered) }]
    const cmd = commands.find(topic)
    if (!cmd) return [{ text: HELP.unknown(topic) }]
    return [{ text: HELP.one(cmd) }]
  },
})
