/** #图表: the heatmap picture (sites × months) of the reader's scope, drawn off the message path. */
import { rawArgs } from '../../src/core/args.js'
import { registered } from '../../src/core/preconditions.js'
import { defineCommand } from '../../src/core/types.js'
import { monthOf } from '../../src/domain/calendar.js'
import { parsePeriod, periodMonths, type Period } from '../../src/domain/periods.js'
import { renderHeatmapInWorker } from '../../src/render/chart-worker.js'
import { SCORE_CHART } from '../../src/messages/assessment-doc.js'
import { scoreChart } from './score-chart.js'
import { heatmapFileName } from '../../src/messages/export.js'
import { SCOPE } from '../../src/messages/refusals.js'
import { FILES } from './sentences.js'
import { heatmapInput, readerScope, scopeAndPeriod } from './file-data.js'

/** This year so far. */
const thisYear = (now: Date): Period => {
  const y = monthOf(now).slice(0, 4)
  return { kind: 'year', from: `${y}-01`, to: `${y}-12` }
}

export const chart = defineCommand({
  name: '图表',
  aliases: ['热力图'],
  usage: FILES.chartUsage,
  summary: '上报情况热力图（示范点 × 月份），私信发送图片',
  details: [
    '不写期间时为今年至今。不写范围时：联络员看本区，组长看所带的各组，管理员和其他成员看全市。',
    '可加范围（第一组、西岗区、省级、全市），任何成员都可以查看任何范围。',
    '#图表 考核 [2026下半年]：半年考核得分条形图，按结论分组、组内按得分排序（组长和管理员）。',
  ],
  examples: ['#图表', '#图表 2026上半年', '#图表 2026年', '#图表 考核 2026下半年'],
  category: 'query',
  // Reading is open to every registered member (the numbers are posted to the group anyway);
  // the score chart (#图表 考核) names verdicts, so it keeps to one's own scope (score-chart.ts).
  requires: [registered],
  args: rawArgs.transform((a) => ({ ...scopeAndPeriod(a.tokens), joined: a.tokens.join('') })),
  async run(ctx, { scopeWord, periodWord: word, joined }) {
    const { deps, sender, incoming } = ctx
    if (joined.startsWith(SCORE_CHART.word)) {
      return scoreChart(ctx, incoming.conversation.kind === 'room', joined.slice(SCORE_CHART.word.length))
    }
    const period = word ? parsePeriod(word) : thisYear(deps.clock())
    if (!period) return [{ text: FILES.periodBad(word) }]
    if (periodMonths(period, deps.clock()).length === 0) return [{ text: FILES.periodFuture(period) }]
    const found = readerScope(ctx, scopeWord, 'read')
    if (!found.ok) return found.reply
    const scope = found.value
    if (scope.sites.length === 0) return [{ text: SCOPE.noSites }]
    let data: Buffer
    try {
      data = await renderHeatmapInWorker(heatmapInput(deps, scope, period))
    } catch (error) {
      deps.logger.error('heatmap failed', { error })
      return [{ text: FILES.chartFailed }]
    }
    const name = heatmapFileName(period)
    const sent = {
      to: { kind: 'private' as const, id: sender.id },
      text: FILES.chartSent(name, scope.label),
      file: { name, data, kind: 'image' as const },
    }
    return incoming.conversation.kind === 'room'
      ? [sent, { text: FILES.sentPrivately(FILES.chartWhat) }]
      : [sent]
  },
})
