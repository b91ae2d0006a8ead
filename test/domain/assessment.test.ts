import { describe, expect, it } from 'vitest'
import {
  assess,
  DEFAULT_ASSESSMENT_SETTINGS as S,
  resolveAssessmentSettings,
  scoreOf,
  verdictOf,
  type AssessmentInput,
  type SiteFacts,
} from '../../src/domain/assessment.js'
import type { LeaderScore, Plan, Project, SixHaveEntry } from '../../src/domain/records.js'
import { report, sampleHistory } from '../support/records-fixtures.js'
import { trackingOf } from '../../src/domain/tracking.js'

const by = { by: 'u9', byName: '李组长', at: '2026-08-01T02:00:00.000Z' }

function input(over: Partial<AssessmentInput> = {}): AssessmentInput {
  const { history } = sampleHistory()
  return {
    period: '2026-H2',
    history,
    reports: [],
    six: [],
    projects: [],
    plans: [],
    guidance: [],
    kinds: [],
    scores: [],
    today: '2026-11-24',
    openMonths: ['2026-11'],
    settings: S,
    ...over,
  }
}

const site = (a: ReturnType<typeof assess>, id: string) =>
  a.groups.flatMap((g) => g.sites).find((s) => s.site.id === id)

describe('half-year assessment over a period with gaps, 补报, a retirement and an addition', () => {
  const { added } = sampleHistory()
  const reports = [
    report(1, 'S01', '2026-07'),
    report(2, 'S01', '2026-08', true), // 补报
    report(3, 'S01', '2026-10'),
    report(4, 'S01', '2026-10'),
    report(5, 'S06', '2026-07'), // retired from 1 July: not assessed at all
    report(6, added.id, '2026-08'), // before it counted: a report, not an expected month
    report(7, added.id, '2026-09'),
    report(8, added.id, '2026-10'),
    report(9, added.id, '2026-11'), // the open month does not count, reported or not
    { ...report(10, 'S01', '2026-09'), withdrawn: { by: 'u1', at: '2026-09-20T00:00:00.000Z' } },
  ]
  const a = assess(input({ reports }))

  it('counts settled months the site was in the network for, never the open month', () => {
    const s1 = site(a, 'S01')!
    expect(s1.expected).toEqual(['2026-07', '2026-08', '2026-09', '2026-10'])
    expect(s1.onTime).toEqual(['2026-07', '2026-10'])
    expect(s1.late).toEqual(['2026-08'])
    expect(s1.totalReports).toBe(4) // the withdrawn one does not count
    expect(s1.longestGap).toBe(1)
    expect(s1.parts.reporting).toBeCloseTo((2 + 0.8) / 4)
    const n = site(a, added.id)!
    expect(n.expected).toEqual(['2026-09', '2026-10'])
    expect(n.longestGap).toBe(0)
    expect(n.totalReports).toBe(4)
    expect(site(a, 'S06')).toBeUndefined()
    expect(a.asOf).toBe('2026-11-24')
  })

  it('a site without any report runs a gap of every closed month and is flagged', () => {
    const s2 = site(a, 'S02')!
    expect(s2.longestGap).toBe(4)
    expect(s2.verdict).toBe('建议调整')
  })

  it('ranks within each working group, the moved site in its new group', () => {
    expect(a.groups.map((g) => g.group)).toEqual([1, 2, 3])
    expect(a.groups[0]!.sites[0]!.site.id).toBe('S01')
    expect(a.groups[0]!.sites.map((s) => s.rank)).toEqual(a.groups[0]!.sites.map((_, i) => i + 1))
    expect(a.groups[2]!.sites.some((s) => s.site.id === 'S05')).toBe(true)
    expect(a.groups.reduce((n, g) => n + g.sites.length, 0)).toBe(30)
    expect(Object.values(a.verdicts).reduce((x, y) => x + y, 0)).toBe(30)
  })

  it('only the leader’s groups when asked', () => {
    const mine = assess(input({ reports, groups: [2] }))
    expect(mine.groups.map((g) => g.group)).toEqual([2])
  })

  it('uses the records as they stood at the end of the period', () => {
    const six: SixHaveEntry[] = [
      {
        orgId: 'S01',
        item: '有阵地',
        state: '已达标',
        description: '',
        evidence: { reports: [], files: [] },
        ...by,
        at: '2027-01-05T02:00:00.000Z', // 已达标 only in January
        history: [{ state: '建设中', description: '', evidence: { reports: [], files: [] }, ...by }],
      },
      {
        orgId: 'S01',
        item: '有人员',
        state: '已达标',
        description: '',
        evidence: { reports: [], files: [] },
        ...by,
        history: [],
      },
    ]
    const projects: Project[] = [
      { no: 1, orgId: 'S01', name: '四点半课堂', description: '', status: 'active', ...by, history: [] },
      { no: 2, orgId: 'S01', name: '夜校', description: '', status: 'stopped', ...by, history: [] },
    ]
    const plans: Plan[] = [{ orgId: 'S01', year: 2026, text: '计划', file: null, ...by, history: [] }]
    const scores: LeaderScore[] = [
      { orgId: 'S01', period: '2026-H2', score: 90, comment: '', ...by, history: [] },
      { orgId: 'S01', period: '2026-H2', score: 80, comment: '', ...by, by: 'u8', history: [] },
    ]
    const done = assess(input({ reports, six, projects, plans, scores, today: '2027-01-10', openMonths: [] }))
    const s1 = site(done, 'S01')!
    expect(done.asOf).toBeNull()
    expect(s1.sixDone).toBe(1)
    expect(s1.projects).toBe(1)
    expect(s1.plan).toBe(true)
    expect(s1.leaderScore).toBe(85)
    expect(s1.leaderCount).toBe(2)
    expect(s1.expected).toHaveLength(6)
    expect(s1.longestGap).toBe(2) // November and December
  })
})

describe('score and verdict', () => {
  const perfect: SiteFacts = {
    site: sampleHistory().added,
    expected: ['2026-07'],
    noData: [],
    onTime: ['2026-07'],
    late: [],
    totalReports: 1,
    longestGap: 0,
    sixDone: 6,
    projects: 2,
    plan: true,
    guidance: 2,
    kinds: { 规定动作: 1, 自选动作: 1, 宣传报道: 1 },
    leaderScore: 100,
    leaderCount: 1,
  }

  it('is 100 when every part is full, and leaves out parts that cannot be known', () => {
    expect(scoreOf(perfect, S).score).toBe(100)
    const noLeaders = scoreOf({ ...perfect, leaderScore: null, sixDone: 0 }, S)
    expect(noLeaders.parts.leaders).toBeNull()
    // sixHave weighs 20 of the 85 that remain.
    expect(noLeaders.score).toBeCloseTo(((85 - 20) / 85) * 100, 1)
  })

  it('verdicts at the edges of the thresholds', () => {
    expect(verdictOf(90, 0, S)).toBe('优秀')
    expect(verdictOf(89.9, 0, S)).toBe('合格')
    expect(verdictOf(75, 0, S)).toBe('合格')
    expect(verdictOf(74.9, 0, S)).toBe('预警')
    expect(verdictOf(60, 0, S)).toBe('预警')
    expect(verdictOf(59.9, 0, S)).toBe('建议调整')
  })

  it('a run of missed months caps the verdict', () => {
    expect(verdictOf(100, 2, S)).toBe('优秀')
    expect(verdictOf(100, 3, S)).toBe('预警')
    expect(verdictOf(100, 4, S)).toBe('预警')
    expect(verdictOf(100, 5, S)).toBe('建议调整')
    expect(verdictOf(50, 3, S)).toBe('建议调整')
  })

  it('admins change weights and thresholds; inconsistent settings are refused', () => {
    const r = resolveAssessmentSettings({ thresholds: { excellent: 95 }, weights: { leaders: 0 } })
    expect(r.ok && r.settings.thresholds).toEqual({ excellent: 95, pass: 75, warning: 60 })
    expect(r.ok && r.settings.weights.leaders).toBe(0)
    expect(r.ok && r.settings.weights.reporting).toBe(40)
    expect(resolveAssessmentSettings({ thresholds: { pass: 95 } }).ok).toBe(false)
    expect(resolveAssessmentSettings({ lateCredit: 2 }).ok).toBe(false)
    expect(resolveAssessmentSettings({ warnGap: 6 }).ok).toBe(false)
  })
})

describe('counted months: due and tracked', () => {
  const { added } = sampleHistory()
  // Installed in December; November has 补报 only from S01; July–October imported for S01 and S02.
  const imported = (no: number, org: string, month: string) => ({
    ...report(no, org, month),
    no: 0,
    via: 'import' as const,
  })
  const reports = [
    imported(1, 'S01', '2026-09'),
    imported(2, 'S01', '2026-10'),
    imported(3, 'S02', '2026-10'),
    { ...report(4, 'S01', '2026-11'), late: true },
  ]
  const tracking = trackingOf('2026-12', reports, ['2026-09', '2026-10'])
  const a = assess(input({ reports, tracking, today: '2026-12-03', openMonths: ['2026-11', '2026-12'] }))

  it('counts only tracked months, says which had no data, and rates nobody for months without data', () => {
    const s1 = site(a, 'S01')!
    expect(s1.expected).toEqual(['2026-09', '2026-10'])
    expect(s1.noData).toEqual(['2026-07', '2026-08'])
    expect(s1.longestGap).toBe(0)
    const s3 = site(a, 'S03')!
    expect(s3.expected).toEqual(['2026-09', '2026-10'])
    expect(s3.longestGap).toBe(2)
    expect(a.groups.flatMap((g) => g.sites).every((s) => s.longestGap <= 2)).toBe(true)
  })

  it('leaves out items nobody has data for, and a site with no counted month is 无法评定', () => {
    expect(a.leftOut).toEqual(['sixHave', 'projects', 'plan', 'guidance', 'kinds'])
    expect(site(a, 'S01')!.score).toBe(100)
    expect(site(a, added.id)!.expected).toEqual(['2026-09', '2026-10'])
    expect(a.unrated).toBe(0)
    const none = assess(
      input({
        reports: [],
        tracking: trackingOf('2026-12', []),
        today: '2026-12-03',
        openMonths: ['2026-11', '2026-12'],
      }),
    )
    expect(none.groups.flatMap((g) => g.sites).every((s) => s.verdict === '无法评定')).toBe(true)
    expect(none.verdicts['建议调整']).toBe(0)
  })
})
