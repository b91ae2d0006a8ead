/**
 * Renders every file the bot sends, from constructed data, as a leader sees it:
 * `npx tsx scripts/render-samples.ts [outDir] [--no-pictures]`. Writes the files to
 * /tmp/gqf-samples (or outDir), converts each with LibreOffice (`soffice --headless --convert-to
 * pdf`) and poppler (`pdftoppm -png -r 60`), reports each PDF's page count, any empty page and
 * the page each sheet starts on, renders every page to outDir/pages/ (look at them), and copies
 * one page of each file, the heatmap and the score chart to docs/images/. Needs soffice, pdftoppm,
 * pdftotext and fc-match on the PATH, and Carlito (Debian: fonts-crosextra-carlito, metric-equal
 * to Calibri, the workbook's font) so that the pages break where Excel's do.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { Resvg } from '@resvg/resvg-js'
import { join } from 'node:path'
import { assess, DEFAULT_ASSESSMENT_SETTINGS } from '../src/domain/assessment.js'
import { chain, type AuditEntry, type AuditInput } from '../src/domain/audit.js'
import { parsePeriod } from '../src/domain/periods.js'
import type { FileInfo } from '../src/domain/reports.js'
import { SIX_ITEMS } from '../src/domain/vocabulary.js'
import { DEFAULT_ISSUER } from '../src/messages/compilation.js'
import { displayName } from '../src/messages/format.js'
import { buildAssessmentDoc } from '../src/render/assessment-docx.js'
import { svgToPng } from '../src/render/chart-font.js'
import { buildCompilation } from '../src/render/compilation-docx.js'
import { buildExport } from '../src/render/export-xlsx.js'
import { lateCells, renderHeatmap } from '../src/render/heatmap.js'
import { renderScoreChart, scoreBars } from '../src/render/score-chart.js'
import { logSheet } from '../src/render/xlsx-log.js'
import type { ExtraSheet } from '../src/render/xlsx-lists.js'
import { sixDone, sixOf } from '../src/domain/records.js'
import { GROUP_NAMES } from '../src/domain/types.js'
import { ASSESS } from '../src/messages/assessment.js'
import { FILES } from '../commands/files/sentences.js'
import { sampleHistory } from '../bench/sample-data.js'
import { checkFonts, render } from './render-pages.js'

const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '/tmp/gqf-samples'
const images = new URL('../docs/images/', import.meta.url).pathname
mkdirSync(out, { recursive: true })
mkdirSync(images, { recursive: true })

const now = new Date('2026-12-01T02:05:00Z')
const today = '2026-12-01'
const history = sampleHistory('2026-01', '2026-11', 1.2)
const { orgs, sites, members } = history
// The sample names photos by the first characters of the activity: no half quotation, as a phone names them.
const reports = history.reports.map((r) => ({
  ...r,
  files: r.files.map((f) => ({ ...f, name: f.name.replace(/[“”]/g, '') })),
}))
const shortName = (id: string) => {
  const site = sites.find((s) => s.id === id)
  return site ? displayName(site) : id
}

/** A few logged changes, as the audit trail keeps them. */
function auditEntries(): AuditEntry[] {
  const hash = (t: string) => createHash('sha256').update(t).digest('hex')
  // A group leader who registered with a site, so the sheet shows where they work.
  const leader = members.find((m) => m.orgId === 'S05')!
  const inputs: AuditInput[] = [
    {
      at: '2026-07-02T01:00:00Z',
      by: leader.contactId,
      byName: leader.name,
      action: 'roster.move',
      target: 'S05',
      detail: { from: '2026-07-01', group: '3' },
      reason: '按属地调整工作组',
    },
    {
      at: '2026-09-10T02:30:00Z',
      by: leader.contactId,
      byName: leader.name,
      action: 'report.recommend',
      target: '120',
      detail: { reason: '居民参与度高，做法可复制' },
      reason: '',
    },
    {
      at: '2026-10-15T06:00:00Z',
      by: 'system',
      byName: '',
      action: 'settings.change',
      target: 'assessment',
      detail: { 'weights.reporting': '45' },
      reason: '市工作推进组会议决定',
    },
    {
      at: '2026-11-03T03:00:00Z',
      by: 'wx-S02-1',
      byName: '刘洋',
      action: 'report.withdraw',
      target: '233',
      detail: { no: '233' },
      reason: '重复上报',
    },
  ]
  const entries: AuditEntry[] = []
  for (const i of inputs) entries.push(chain(entries.at(-1) ?? null, i, hash))
  return entries
}

async function workbooks(): Promise<void> {
  const group2 = orgs.filter((o) => o.kind !== 'site' || o.group === 2)
  const ids = new Set(group2.filter((o) => o.kind === 'site').map((o) => o.id))
  const base = { now, members: [], roleHolders: [], lateDays: 5, trackingSince: '2026-03' }
  const leader = await buildExport({
    ...base,
    period: parsePeriod('2026下半年')!,
    scope: '第二组',
    orgs: group2,
    reports: reports.filter((r) => ids.has(r.orgId)),
    members: members.filter((m) => ids.has(m.orgId)),
    extraSheets: recordSheets(ids),
  })
  writeFileSync(join(out, 'leader-workbook.xlsx'), leader.workbook)
  if (leader.lists) writeFileSync(join(out, 'leader-lists.xlsx'), leader.lists.data)
  const log = logSheet({
    entries: auditEntries(),
    person: (id) => {
      const m = members.find((x) => x.contactId === id)
      return m ? { name: m.name, org: sites.find((s) => s.id === m.orgId)?.name ?? '' } : undefined
    },
    target: (t) => (/^S\d+$/.test(t) ? shortName(t) : /^\d+$/.test(t) ? `编号${t}` : '考核设置'),
  })
  const admin = await buildExport({
    ...base,
    period: parsePeriod('2026年')!,
    scope: '全市',
    orgs,
    reports,
    members,
    extraSheets: [...recordSheets(new Set(sites.map((s) => s.id))), log],
  })
  writeFileSync(join(out, 'admin-workbook.xlsx'), admin.workbook)
  // A year's 上报明细 prints on more pages than a workbook should: it comes as a file of its own.
  if (admin.lists) writeFileSync(join(out, 'admin-lists.xlsx'), admin.lists.data)
}

/** A picture standing in for a photo from an activity. */
const photo = () =>
  svgToPng(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#9cc9ef"/><stop offset="1" stop-color="#e8f2fb"/></linearGradient></defs><rect width="1200" height="800" fill="url(#s)"/><rect y="520" width="1200" height="280" fill="#7fb069"/><rect x="380" y="300" width="440" height="260" fill="#c0392b"/><polygon points="350,300 600,170 850,300" fill="#8e2b21"/><rect x="560" y="420" width="80" height="140" fill="#f5d76e"/></svg>`,
    { font: false },
  )

async function documents(): Promise<void> {
  const picked = [
    reports.find((r) => r.orgId === 'S06' && r.month >= '2026-07' && r.files.length > 0)!,
    ...reports.filter((r) => r.month >= '2026-07' && r.title !== '').slice(0, 3),
  ]
  const items = picked.map((report, i) => ({
    report:
      i === 0
        ? {
            ...report,
            files: [
              { name: '活动现场.png', path: 'a.png', size: 1, kind: 'image' as const },
              { name: '活动方案.pdf', path: 'x.pdf', size: 1, kind: 'file' as const },
            ],
          }
        : report,
    site: sites.find((s) => s.id === report.orgId)!,
    recommender: '杨帆',
    reason: '居民参与度高，做法可复制，值得推广。',
  }))
  const readFile = async (f: FileInfo) => (f.kind === 'image' ? photo() : null)
  writeFileSync(
    join(out, 'compilation.docx'),
    await buildCompilation({ period: '2026-H2', items, readFile, issuer: DEFAULT_ISSUER, today }),
  )
}

const entered = { by: 'wx-admin', byName: '管理员', at: '2026-08-01T02:00:00.000Z' }
const active = sites.filter((s) => !s.retired)
/** Some sites further along than others in the 六有 items. */
const sixEntries = active.flatMap((s) =>
  SIX_ITEMS.slice(0, s.no % 7).map((item) => ({
    orgId: s.id,
    item,
    state: '已达标' as const,
    description: '',
    evidence: { reports: [], files: [] },
    history: [],
    ...entered,
  })),
)

/** The 六有 and 考核 sheets as #导出 adds them (commands/files/file-data.ts), for some sites. */
function recordSheets(ids: ReadonlySet<string>): ExtraSheet[] {
  const S = FILES.sixSheet
  const six: ExtraSheet = {
    name: S.name,
    columns: S.columns.map((header) => ({ header })),
    rows: active
      .filter((s) => ids.has(s.id))
      .map((s) => {
        const items = sixOf(sixEntries, s.id)
        const states = SIX_ITEMS.map((i) => items[i]?.state ?? S.missingState)
        return [s.no, s.name, GROUP_NAMES[s.group], s.district, ...states, sixDone(sixEntries, s.id)]
      }),
  }
  const sheet = ASSESS.sheet(sampleAssessment())
  const nos = new Set(sites.filter((s) => ids.has(s.id)).map((s) => s.no))
  const assessment: ExtraSheet = {
    name: sheet.name,
    columns: sheet.columns,
    rows: sheet.rows.filter((r) => nos.has(Number(r[2]))).map((r) => [...r]),
  }
  return [six, assessment]
}

/** The half-year assessment of the sample, with some sites further along than others. */
function sampleAssessment() {
  return assess({
    period: '2026-H2',
    history: { base: orgs.map((o) => (o.kind === 'site' ? { ...o, retired: undefined } : o)), changes: [] },
    reports,
    // Some sites further along than others: 六有 items, plans, projects and leaders' scores.
    six: sixEntries,
    projects: active
      .filter((s) => s.no % 3 !== 0)
      .map((s, i) => ({
        no: i + 1,
        orgId: s.id,
        name: '四点半课堂',
        description: '',
        status: 'active' as const,
        history: [],
        ...entered,
      })),
    plans: active
      .filter((s) => s.no % 4 !== 0)
      .map((s) => ({ orgId: s.id, year: 2026, text: '年度计划', file: null, history: [], ...entered })),
    guidance: [],
    kinds: [],
    scores: active.map((s) => ({
      orgId: s.id,
      period: '2026-H2',
      score: 60 + ((s.no * 7) % 40),
      comment: '',
      history: [],
      ...entered,
    })),
    today,
    openMonths: ['2026-11', '2026-12'],
    settings: DEFAULT_ASSESSMENT_SETTINGS,
  })
}

async function assessmentFiles(): Promise<void> {
  const assessment = sampleAssessment()
  writeFileSync(
    join(out, 'assessment.docx'),
    await buildAssessmentDoc({
      assessment,
      settings: DEFAULT_ASSESSMENT_SETTINGS,
      issuer: DEFAULT_ISSUER,
      today,
    }),
  )
  const scores = scoreBars(assessment)
  writeFileSync(
    join(out, 'scores.png'),
    await renderScoreChart({
      period: '2026-H2',
      scope: '全市',
      asOf: assessment.asOf,
      sites: scores,
      thresholds: DEFAULT_ASSESSMENT_SETTINGS.thresholds,
    }),
  )
}

async function heatmap(): Promise<void> {
  const period = parsePeriod('2026年')!
  const cells = [
    ...lateCells(reports),
    { siteId: 'S03', month: '2026-03', imported: true },
    { siteId: 'S04', month: '2026-03', imported: true },
    { siteId: 'S09', month: '2026-04', noData: true },
  ]
  writeFileSync(
    join(out, 'heatmap.png'),
    await renderHeatmap({ period, now, sites, reports, trackingSince: '2026-03', cells }),
  )
}

const pngHeight = (file: string) => readFileSync(file).readUInt32BE(20)

await workbooks()
await documents()
await assessmentFiles()
await heatmap()
console.log(`files in ${out}: ${readdirSync(out).join(', ')}`)
if (process.argv.includes('--no-pictures')) process.exit(0)
checkFonts()
render(out, images, 'leader-workbook.xlsx', 1, 'xlsx-leader')
// The admin's 未报名单 (the leader's picture already shows a 月度统计), and the first page of the
// year's 上报明细, which comes as a file of its own.
render(out, images, 'admin-workbook.xlsx', 2, 'xlsx-admin')
render(out, images, 'admin-lists.xlsx', 1, 'xlsx-admin-lists')
render(out, images, 'compilation.docx', 1, 'docx-compilation')
render(out, images, 'assessment.docx', 1, 'docx-assessment')
// Pictures are sent as they are (1080 px wide): a half-size copy for the README.
for (const png of ['heatmap', 'scores']) {
  const half = new Resvg(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1080" height="${pngHeight(join(out, `${png}.png`))}"><image width="1080" height="100%" xlink:href="data:image/png;base64,${readFileSync(join(out, `${png}.png`)).toString('base64')}"/></svg>`,
    { fitTo: { mode: 'width', value: 540 } },
  )
  writeFileSync(join(images, `${png}.png`), half.render().asPng())
}
