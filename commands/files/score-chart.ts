/** #图表 考核: the half-year scores of the reader's groups as a bar chart, sent privately. */
import type { CommandContext, Reply } from '../../src/core/types.js'
import { resolveAssessmentSettings, DEFAULT_ASSESSMENT_SETTINGS } from '../../src/domain/assessment.js'
import { parsePeriod } from '../../src/domain/records.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { SCORE_CHART } from '../../src/messages/assessment-doc.js'
import { FILES } from './sentences.js'
import { renderScoreChartInWorker } from '../../src/render/chart-worker.js'
import { scoreBars } from '../../src/render/score-chart.js'
import { assessmentFor, defaultPeriod } from '../assessment/assessment-now.js'

export async function scoreChart(ctx: CommandContext, inRoom: boolean, word: string): Promise<Reply[]> {
  const { deps, sender } = ctx
  // The scope policy's default (a leader's groups, an admin's city): scores name sites, so 'act'.
  const found = ctx.scope(undefined, 'act')
  if (!found.ok) return found.reply
  const { all, scopes, label: scope } = found.value
  const groups = all ? undefined : scopes.flatMap((s) => (s.kind === 'group' ? [s.group] : []))
  if (groups?.length === 0) return [{ text: SCORE_CHART.noScope }]
  const period = word ? parsePeriod(word) : defaultPeriod(deps)
  if (!period) return [{ text: ASSESS.periodBad(word) }]
  const a = assessmentFor(deps, deps.repo, period, groups)
  if (!a.ok) return a.reply
  const sites = scoreBars(a.assessment)
  if (sites.length === 0) return [{ text: ASSESS.empty }]
  const resolved = resolveAssessmentSettings(deps.repo.records.assessmentOverride())
  const thresholds = (resolved.ok ? resolved.settings : DEFAULT_ASSESSMENT_SETTINGS).thresholds
  let data: Buffer
  try {
    data = await renderScoreChartInWorker({ period, scope, asOf: a.assessment.asOf, sites, thresholds })
  } catch (error) {
    deps.logger.error('score chart failed', { error })
    return [{ text: FILES.chartFailed }]
  }
  const name = SCORE_CHART.fileName(period)
  const sent = {
    to: { kind: 'private' as const, id: sender.id },
    text: SCORE_CHART.sent(name, scope),
    file: { name, data, kind: 'image' as const },
  }
  return inRoom ? [sent, { text: FILES.sentPrivately(SCORE_CHART.what) }] : [sent]
}
