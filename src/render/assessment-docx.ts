/**
 * The half-year assessment as a Word document the city leading group can sign off: the
 * scorecard table by working group, the verdict distribution, the sites that need attention and
 * why, and the method with its weights and thresholds. It renders the domain's Assessment as it
 * is (src/domain/assessment.ts decides which months count and how sites score).
 */
import type { Paragraph, Table } from 'docx'
import type { Assessment, AssessmentSettings, SiteAssessment } from '../domain/assessment.js'
import { VERDICTS } from '../domain/assessment.js'
import { GROUP_NAMES } from '../domain/types.js'
import { ASSESS_DOC as T } from '../messages/assessment-doc.js'
import { cnDate, cnNumber } from '../messages/compilation.js'
import { DOC_WORDS } from '../messages/documents.js'
import { blank, body, heading1, heading2, officialDocument, signature, table, title } from './docx-style.js'

export interface AssessmentDocInput {
  assessment: Assessment
  settings: AssessmentSettings
  issuer: string
  /** The day it is issued (Shanghai, YYYY-MM-DD). */
  today: string
}

const monthsNo = (ms: readonly string[]) => ms.map(DOC_WORDS.month).join(DOC_WORDS.listSep)

function scoreRow(s: SiteAssessment): string[] {
  return [
    String(s.rank),
    s.site.name,
    T.reported(s),
    s.late.length > 0 ? String(s.late.length) : T.none,
    String(s.longestGap),
    `${s.sixDone}/6`,
    String(s.projects),
    T.plan(s.plan),
    String(s.guidance),
    s.leaderScore === null ? T.none : T.score(s.leaderScore),
    T.score(s.score),
    s.verdict,
  ]
}

/**
 * Column widths, in shares of the text width: the names on one line where they are up to 16
 * characters, four-character headers on two lines (上报 over 月数), the rest on one, in 小五.
 */
const WEIGHTS = [3, 19, 3.2, 3, 3.2, 3, 3, 3, 3, 3.2, 3.5, 6]

function scorecards(a: Assessment): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading1(T.h1[0]!)]
  let i = 0
  for (const g of a.groups) {
    if (g.sites.length === 0) continue
    out.push(heading2(T.groupHeading(cnNumber(++i), GROUP_NAMES[g.group], g.sites.length)))
    out.push(table(T.columns, g.sites.map(scoreRow), WEIGHTS), blank())
  }
  return out
}

function distribution(a: Assessment): (Paragraph | Table)[] {
  const groups = a.groups.filter((g) => g.sites.length > 0)
  const rows = VERDICTS.map((v) => [
    v,
    ...groups.map((g) => String(g.sites.filter((s) => s.verdict === v).length)),
    String(a.verdicts[v]),
  ])
  const total = [
    DOC_WORDS.total,
    ...groups.map((g) => String(g.sites.length)),
    String(groups.reduce((n, g) => n + g.sites.length, 0)),
  ]
  return [
    heading1(T.h1[1]!),
    table(T.verdictColumns(groups.map((g) => GROUP_NAMES[g.group])), [...rows, total]),
    blank(),
  ]
}

/** Why a site needs attention, from its facts, in the order a leader would act on them. */
function whyOf(s: SiteAssessment, settings: AssessmentSettings): string {
  const W = T.why
  const missed = s.expected.filter((m) => !s.onTime.includes(m) && !s.late.includes(m))
  const reasons = [
    s.longestGap >= settings.warnGap ? W.gap(s.longestGap, monthsNo(missed)) : '',
    s.longestGap < settings.warnGap && missed.length > 0
      ? W.rate(s.onTime.length + s.late.length, s.expected.length)
      : '',
    s.sixDone < 3 ? W.six(s.sixDone) : '',
    s.plan ? '' : W.noPlan,
    s.projects === 0 ? W.noProjects : '',
  ].filter(Boolean)
  // The score is said before the reasons; the pass mark only when nothing else explains it.
  return (reasons.length > 0 ? reasons : [W.low(settings.thresholds.pass)]).join(T.whyJoin)
}

function attention(a: Assessment, settings: AssessmentSettings): Paragraph[] {
  const flagged = a.groups.flatMap((g) => g.sites.filter((s) => DOC_WORDS.flagged.includes(s.verdict)))
  if (flagged.length === 0) return [heading1(T.h1[2]!), body(T.noAttention)]
  return [
    heading1(T.h1[2]!),
    body(T.attentionIntro(flagged.length)),
    ...flagged.map((s, i) =>
      body(
        T.attention(i + 1, s.site.name, GROUP_NAMES[s.site.group], s.verdict, s.score, whyOf(s, settings)),
      ),
    ),
  ]
}

/** Builds the .docx. */
export async function buildAssessmentDoc(input: AssessmentDocInput): Promise<Buffer> {
  const a = input.assessment
  const sites = a.groups.reduce((n, g) => n + g.sites.length, 0)
  const counts = VERDICTS.map((v) => T.count(v, a.verdicts[v])).join(DOC_WORDS.clauseSep)
  const children = [
    title(T.titleLines(a.period)),
    body(T.intro(a.period, sites, a.asOf, counts)),
    ...scorecards(a),
    ...distribution(a),
    ...attention(a, input.settings),
    heading1(T.h1[3]!),
    ...T.method(input.settings).map((text) => body(text)),
    blank(),
    ...signature(input.issuer, cnDate(input.today)),
  ]
  return officialDocument(children, { title: T.docTitle(a.period), creator: input.issuer })
}
