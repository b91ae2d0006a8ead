import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { assess, DEFAULT_ASSESSMENT_SETTINGS } from '../../src/domain/assessment.js'
import { builtinRoster } from '../../src/domain/roster-data.js'
import { buildAssessmentDoc } from '../../src/render/assessment-docx.js'
import { reportMaker } from '../support/report-fixture.js'

describe('the half-year assessment Word document', async () => {
  const { sites } = builtinRoster()
  const make = reportMaker()
  // Every site reports July to October but S02, which misses August and September.
  const months = ['2026-07', '2026-08', '2026-09', '2026-10']
  const reports = sites.flatMap((s) =>
    months.filter((m) => s.id !== 'S02' || m === '2026-07' || m === '2026-10').map((m) => make(s.id, m)),
  )
  const entered = { by: 'wx-admin', byName: '管理员', at: '2026-08-01T02:00:00.000Z' }
  const assessment = assess({
    period: '2026-H2',
    history: { base: sites, changes: [] },
    reports,
    six: [],
    projects: [],
    plans: [],
    guidance: [],
    kinds: [],
    scores: sites.map((s) => ({
      orgId: s.id,
      period: '2026-H2',
      score: s.id === 'S01' ? 90 : 80,
      comment: '',
      history: [],
      ...entered,
    })),
    today: '2026-12-01',
    openMonths: ['2026-11', '2026-12'],
    settings: DEFAULT_ASSESSMENT_SETTINGS,
  })
  const buf = await buildAssessmentDoc({
    assessment,
    settings: DEFAULT_ASSESSMENT_SETTINGS,
    issuer: '大连市工青妇基层组织协同创新发展工作推进组',
    today: '2026-12-01',
  })
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string')
  const texts = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) =>
    m[0].replace(/<w:br\/>/g, '\n').replace(/<[^>]+>/g, ''),
  )

  it('gives every score with one decimal, in the table and in the list', () => {
    const s1 = assessment.groups.flatMap((g) => g.sites).find((s) => s.site.id === 'S01')!
    expect(texts).toContain((Math.round(s1.score * 10) / 10).toFixed(1))
    expect(texts).toContain('90.0')
    const listed = texts.filter((t) => /^\d+\. .+（第.组）：/.test(t))
    expect(listed.length).toBeGreaterThan(0)
    for (const t of listed) expect(t).toMatch(/：(预警|建议调整)，\d+\.\d 分。/)
  })

  it('says each flagged site’s score once, then why', () => {
    const listed = texts.filter((t) => /^\d+\. .+（第.组）：/.test(t))
    for (const t of listed) expect(t.match(/\d+\.\d 分/g)).toHaveLength(1)
    const s2 = listed.find((t) => t.includes(sites.find((s) => s.id === 'S02')!.name))
    expect(s2).toMatch(/连续 2 个月未报（8月、9月）|应报 4 个月、已报 2 个月/)
  })

  it('lays the scorecard out with the names wide enough for one line and the 4-character headers on two', () => {
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/s.exec(xml)![1]!
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]))
    expect(widths).toHaveLength(12)
    // 小五 is 9 pt = 180 twips a character: 16 characters and the cell's margins.
    expect(widths[1]).toBeGreaterThanOrEqual(16 * 180)
    // 建议调整 on one line.
    expect(widths[11]).toBeGreaterThanOrEqual(4 * 180 + 100)
  })
})
