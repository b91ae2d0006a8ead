import { rawArgs } from '../src/core/args.js'
import { allows } from '../src/core/permissions.js'
import { defineCommand } from '../src/core/types.js'
import { M } from '../src/messages/zh.js'

/** #帮助: generated from the command declarations, so it never drifts from the code. */
export const help = defineCommand({
  name: '帮助',
  aliases: ['help', '?', '菜单', '命令'],
  usage: '#帮助 [命令名]',
  summary: '查看可用命令',
  details: ['不带命令名时列出您可用的命令；带命令名时显示该命令的详细说明。'],
  examples: ['#帮助', '#帮助 注册'],
  permission: 'anyone',
  args: rawArgs.transform((a) => a.tokens[0]?.replace(/^[#＃]/, '')),
  run({ commands, sender }, topic) {
    if (topic) {
      const cmd = commands.find(topic)
      if (!cmd) return [{ text: M.helpUnknown(topic) }]
      const lines = [cmd.usage + M.helpPermission(cmd.permission), cmd.summary + '。', ...cmd.details]
      if (cmd.aliases.length > 0) lines.push(`也可写作：${cmd.aliases.map((a) => '#' + a).join('、')}`)
      lines.push('例如：', ...cmd.examples)
      return [{ text: lines.join('\n') }]
    }
    const usable = commands.all().filter((c) => allows(c.permission, sender) || c.permission === 'member')
    const lines = [
      M.helpHeader,
      ...usable.map(
        (c) =>
          `${c.usage}\n  ${c.summary}${allows(c.permission, sender) ? '' : M.helpPermission(c.permission)}`,
      ),
      M.helpFooter,
    ]
    return [{ text: lines.join('\n') }]
  },
})
