/** #帮助: the overview by category, the full list, and one command. */
import type { AnyCommand, CommandCategory } from '../core/types.js'
import { whoMayUse } from './refusals.js'
import { REGISTER_EXAMPLE, REGISTER_USAGE } from './zh.js'
import { quote } from './quote.js'

const CATEGORY_LABEL: Record<CommandCategory, string> = {
  start: '入门',
  report: '上报',
  query: '查询',
  records: '档案',
  manage: '管理',
}
const CATEGORY_ORDER: CommandCategory[] = ['start', 'report', 'query', 'records', 'manage']

const registerFirst = `请先实名注册：${REGISTER_USAGE}\n例如：${REGISTER_EXAMPLE}\n注册后可以上报创建信息、查看统计。`

export const HELP = {
  allWords: ['全部', '所有', '详细', 'all'],

  /** One line per category with the command names: fits a phone screen. */
  overview(usable: readonly AnyCommand[], registered: boolean): string {
    const lines = ['工青妇协同助手 您可用的命令：']
    for (const cat of CATEGORY_ORDER) {
      const names = usable.filter((c) => c.category === cat).map((c) => `#${c.name}`)
      if (names.length > 0) lines.push(`${CATEGORY_LABEL[cat]}：${names.join(' ')}`)
    }
    if (!registered) lines.push(registerFirst)
    lines.push('发送“#帮助 命令名”查看用法，例如：#帮助 上报；“#帮助 全部”列出每条命令的说明。')
    return lines.join('\n')
  },

  /** Every usable command with its usage and summary. */
  full(usable: readonly AnyCommand[], registered: boolean): string {
    const lines = ['工青妇协同助手 您可用的命令：']
    for (const c of usable) lines.push(`${c.usage}\n  ${c.summary}`)
    if (!registered) lines.push(registerFirst)
    lines.push('发送“#帮助 命令名”查看详细说明，例如：#帮助 注册')
    return lines.join('\n')
  },

  one(cmd: AnyCommand): string {
    const lines = [cmd.usage + whoMayUse(cmd.requires), cmd.summary + '。', ...cmd.details]
    if (cmd.aliases.length > 0) lines.push(`也可写作：${cmd.aliases.map((a) => '#' + a).join('、')}`)
    lines.push('例如：', ...cmd.examples)
    return lines.join('\n')
  },

  unknown: (word: string) => `没有“${quote(word)}”这个命令。发送 #帮助 查看全部命令。`,
}
