import { join } from 'node:path'
import type { AssessmentOverride } from '../src/domain/assessment.js'
import type { AuditAction } from '../src/domain/audit.js'
import type { Month } from '../src/domain/calendar.js'
import {
  periodYear,
  type Guidance,
  type LeaderScore,
  type Plan,
  type Project,
  type Recommendation,
  type ReportKindMark,
  type SixHaveEntry,
} from '../src/domain/records.js'
import type { Actor, RecordsPort } from '../src/core/records-port.js'
import { auditedUpdate, type Audited, type AuditNote, type AuditTrail } from './audited-update.js'
import { JsonFileStore } from './json-file-store.js'
import {
  emptySites,
  emptyYear,
  RECORDS_SCHEMA_VERSION,
  settingsChange,
  sitesFileSchema,
  yearFileSchema,
  type SitesFile,
  type YearFile,
} from './records-files.js'
import { Shards } from './shards.js'
import { changeVersion, putVersion } from './versioned.js'

export { RECORDS_SCHEMA_VERSION } from './records-files.js'

const entered = (who: Actor, now: Date) => ({ by: who.id, byName: who.name, at: now.toISOString() })

/** The audit entry of a change by `who` at `now`. */
const note =
  (who: Actor, now: Date) =>
  (action: AuditAction, target: string, detail: Record<string, string>): AuditNote => ({
    ...entered(who, now),
    action,
    target,
    detail,
    reason: '',
  })

/**
 * The site records: `records/sites.json` and `records/YYYY.json`, each a group-committed lowdb
 * file validated at load. Every change keeps the earlier version in the record's history (one
 * versioned update, storage/versioned.ts) and is written with its audit entry (audited-update.ts).
 */
export class RecordsStore implements RecordsPort {
  private constructor(
    private readonly sites: JsonFileStore<SitesFile>,
    private readonly years: Shards<number, YearFile>,
    private readonly audit: AuditTrail,
  ) {}

  static async open(dataDir: string | null, audit: AuditTrail): Promise<RecordsStore> {
    const dir = dataDir === null ? null : join(dataDir, 'records')
    const sites = await JsonFileStore.open<SitesFile>({
      file: dir === null ? null : join(dir, 'sites.json'),
      schema: sitesFileSchema,
      version: RECORDS_SCHEMA_VERSION,
      defaults: emptySites,
    })
    const years = new Shards<number, YearFile>({
      dir,
      fileName: (year) => `${year}.json`,
      schema: yearFileSchema,
      version: RECORDS_SCHEMA_VERSION,
      defaults: emptyYear,
      opened: (s, year) => {
        if (s.data.year !== year) throw new Error(`records/${year}.json 中的年份是 ${s.data.year}`)
      },
    })
    await years.openExisting(/^\d{4}\.json$/, (name) => Number(name.slice(0, 4)))
    return new RecordsStore(sites, years, audit)
  }

  /** Every file, for the audit entries that wait in them. */
  files(): { readonly data: Audited }[] {
    return [this.sites, ...this.years.stores()]
  }

  /** One kind of record over every year, oldest year first. */
  private all<R>(pick: (f: YearFile) => R[]): R[] {
    return this.years.stores().flatMap((s) => pick(s.data))
  }

  /** Changes a year's file (opened when needed) with its audit entry. */
  private async inYear<R>(
    year: number,
    mutate: (d: YearFile) => R | undefined,
    describe: (r: R) => AuditNote,
  ): Promise<R | undefined> {
    return auditedUpdate(await this.years.get(year), this.audit, mutate, describe)
  }

  six(): readonly SixHaveEntry[] {
    return this.sites.data.six
  }

  async setSix(
    orgId: string,
    item: SixHaveEntry['item'],
    v: Pick<SixHaveEntry, 'state' | 'description' | 'evidence'>,
    who: Actor,
    now: Date,
  ): Promise<SixHaveEntry> {
    const next = { orgId, item, ...v, ...entered(who, now) }
    const entry = await auditedUpdate(
      this.sites,
      this.audit,
      (d) => putVersion(d.six, ['orgId', 'item'], next),
      () => note(who, now)('six.set', orgId, { item, state: v.state, description: v.description }),
    )
    return entry!
  }

  projects(): readonly Project[] {
    return this.sites.data.projects
  }

  async addProject(orgId: string, name: string, description: string, who: Actor, now: Date) {
    const p = await auditedUpdate(
      this.sites,
      this.audit,
      (d) => {
        const no = Math.max(0, ...d.projects.map((x) => x.no)) + 1
        const project: Project = {
          no,
          orgId,
          name,
          description,
          status: 'active',
          ...entered(who, now),
          history: [],
        }
        d.projects.push(project)
        return project
      },
      (p) => note(who, now)('project.add', orgId, { no: String(p.no), name }),
    )
    return p!
  }

  async setProjectStatus(no: number, status: Project['status'], who: Actor, now: Date) {
    return auditedUpdate(
      this.sites,
      this.audit,
      (d) =>
        changeVersion(
          d.projects,
          ['no', 'orgId'],
          (x) => x.no === no,
          () => ({ status, ...entered(who, now) }),
        ),
      (p) => note(who, now)('project.status', p.orgId, { no: String(no), status }),
    )
  }

  plans(): readonly Plan[] {
    return this.all((f) => f.plans)
  }

  async setPlan(orgId: string, year: number, text: string, file: Plan['file'], who: Actor, now: Date) {
    const plan = await this.inYear(
      year,
      (d) => putVersion(d.plans, ['orgId', 'year'], { orgId, year, text, file, ...entered(who, now) }),
      () =>
        note(who, now)('plan.set', orgId, {
          year: String(year),
          text: text.slice(0, 60),
          file: file?.name ?? '',
        }),
    )
    return plan!
  }

  guidance(): readonly Guidance[] {
    return this.all((f) => f.guidance)
  }

  async addGuidance(orgId: string, content: string, date: string, who: Actor, now: Date): Promise<Guidance> {
    const g = await this.inYear(
      Number(date.slice(0, 4)),
      (d) => {
        // Numbered across the years, counted inside the mutation so concurrent entries differ.
        const no = Math.max(0, ...this.guidance().map((x) => x.no)) + 1
        const g: Guidance = { no, orgId, content, date, ...entered(who, now) }
        d.guidance.push(g)
        return g
      },
      (g) => note(who, now)('guidance.add', orgId, { no: String(g.no), date, content: content.slice(0, 60) }),
    )
    return g!
  }

  kinds(): readonly ReportKindMark[] {
    return this.all((f) => f.kinds)
  }

  async setKind(reportNo: number, month: Month, kind: ReportKindMark['kind'], who: Actor, now: Date) {
    const mark = await this.inYear(
      Number(month.slice(0, 4)),
      (d) => putVersion(d.kinds, ['reportNo'], { reportNo, kind, ...entered(who, now) }),
      () => note(who, now)('report.kind', String(reportNo), { kind: kind ?? '' }),
    )
    return mark!
  }

  recommendations(): readonly Recommendation[] {
    return this.all((f) => f.recommendations)
  }

  async recommend(reportNo: number, month: Month, reason: string, who: Actor, now: Date) {
    const rec = await this.inYear(
      Number(month.slice(0, 4)),
      (d) =>
        putVersion(d.recommendations, ['reportNo'], {
          reportNo,
          reason,
          withdrawn: false,
          ...entered(who, now),
        }),
      () => note(who, now)('report.recommend', String(reportNo), { reason }),
    )
    return rec!
  }

  async unrecommend(reportNo: number, month: Month, reason: string, who: Actor, now: Date) {
    return this.inYear(
      Number(month.slice(0, 4)),
      (d) =>
        changeVersion(
          d.recommendations,
          ['reportNo'],
          (k) => k.reportNo === reportNo,
          (prev) => (prev.withdrawn ? undefined : { reason, withdrawn: true, ...entered(who, now) }),
        ),
      () => note(who, now)('report.unrecommend', String(reportNo), { reason }),
    )
  }

  scores(): readonly LeaderScore[] {
    return this.all((f) => f.scores)
  }

  async setScore(orgId: string, period: string, score: number, comment: string, who: Actor, now: Date) {
    const next = { orgId, period, score, comment, ...entered(who, now) }
    const s = await this.inYear(
      periodYear(period),
      (d) =>
        putVersion(
          d.scores,
          ['orgId', 'period'],
          next,
          (x) => x.orgId === orgId && x.period === period && x.by === who.id,
        ),
      () => note(who, now)('score.set', orgId, { period, score: String(score), comment }),
    )
    return s!
  }

  assessmentOverride(): AssessmentOverride {
    return this.sites.data.assessment
  }

  async setAssessmentOverride(o: AssessmentOverride, who: Actor, now: Date): Promise<void> {
    await auditedUpdate(
      this.sites,
      this.audit,
      (d) => {
        const detail = settingsChange(d.assessment, o)
        d.assessment = o
        return detail
      },
      (detail) => note(who, now)('settings.change', 'assessment', detail),
    )
  }
}
