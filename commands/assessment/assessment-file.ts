/** #考核 … 文件: the half-year assessment as a Word document, sent privately. */
import type { Deps, Reply } from '../../src/core/types.js'
import { resolveAssessmentSettings, type Assessment } from '../../src/domain/assessment.js'
import { shanghaiDate } from '../../src/domain/calendar.js'
import { ASSESS } from '../../src/messages/assessment.js'
import { ASSESS_DOC } from '../../src/messages/assessment-doc.js'
import { DEFAULT_ISSUER } from '../../src/messages/compilation.js'
import { buildAssessmentDoc } from '../../src/render/assessment-docx.js'

export async function assessmentFile(
  deps: Deps,
  to: string,
  inRoom: boolean,
  a: Assessment,
): Promise<Reply[]> {
  const sites = a.groups.reduce((n, g) => n + g.sites.length, 0)
  if (sites === 0) return [{ text: ASSESS.empty }]
  // assessmentFor has already refused settings that do not resolve.
  const settings = resolveAssessmentSettings(deps.repo.records.assessmentOverride())
  if (!settings.ok) return [{ text: ASSESS.settingsBad(settings.problem) }]
  const data = await buildAssessmentDoc({
    assessment: a,
    settings: settings.settings,
    issuer: deps.settings.issuer ?? DEFAULT_ISSUER,
    today: shanghaiDate(deps.clock()),
  })
  const name = ASSESS_DOC.fileName(a.period)
  const sent = {
    to: { kind: 'private' as const, id: to },
    text: ASSESS_DOC.fileSent(name, sites),
    file: { name, data, kind: 'file' as const },
  }
  return inRoom ? [sent, { text: ASSESS_DOC.sentPrivately }] : [sent]
}
