import { rawArgs } from '../../src/core/args.js'
import { siteMember } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf, parseMonth, type Month } from '../../src/domain/calendar.js'
import { looksLikeMonth } from '../../src/domain/month-words.js'
import { CORE } from '../../src/messages/core.js'
import { REPORTING } from './sentences.js'
import { reportFor } from './file-report.js'

export const report = defineCommand({
  name: '上报',
  aliases: ['报送', '报告', '提交'],
  usage: '#上报 正文',
  summary: '上报本单位本月的创建信息',
  details: [
    '分享文章链接、文件或图片后 10 分钟内发送 #上报（可加标题），即一并计入；先发 #上报 再分享也可以。',
    '标题含“创建信息”“示范点”“工青妇”的文章链接，分享即计入，无需命令。',
    '月份按北京时间计算。',
  ],
  examples: ['#上报 11月18日，日新街道联合区妇联开展“巾帼心向党”主题宣讲……', '#上报'],
  category: 'report',
  requires: [siteMember],
  args: rawArgs.transform((a) => a.rest),
  async run(ctx, text) {
    const { deps, sender, incoming } = ctx
    const site = ctx.ownSite()
    if (!site) return [] // the siteMember precondition has made sure there is one
    const current = monthOf(incoming.at)
    const refused = monthWordRefusal(text, current, incoming.at)
    if (refused) return [{ text: refused }]
    return reportFor(deps, incoming, sender, site, current, text, {
      late: false,
      onBehalf: false,
    })
  },
})

/**
 * #上报 files this month only; a month written first is never guessed past. An invalid one
 * (2026-13) is an error, another month is sent to #补报, a month alone is no report. A text that
 * starts with a date (11月28日…) is text.
 */
function monthWordRefusal(text: string, current: Month, at: Date): string | null {
  const first = text.split(/\s+/)[0] ?? ''
  if (!looksLikeMonth(first)) return null
  const month = parseMonth(first, at)
  if (!month) return CORE.monthInvalid(first, current)
  if (month !== current) return REPORTING.otherMonth(month, current)
  return first === text.trim() ? REPORTING.tooThin(text.trim()) : null
}
