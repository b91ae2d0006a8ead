import { existsSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { assessmentOverrideSchema, type AssessmentOverride } from '../src/domain/assessment.js'
import type { AuditAction } from '../src/domain/audit.js'
import type { Month } from '../src/domain/calendar.js'
import {
  guidanceSchema,
  planSchema,
  projectSchema,
  recommendationSchema,
  reportKindMarkSchema,
  scoreSchema,
  sixHaveSchema,
  periodYear,
  type Guidance,
  type LeaderScore,
  type Plan,
  type Project,
  type Recommendation,
  type ReportKindMark,
  type SixHaveEntry,
} from '../src/domain/records.js'
import type { Actor, AuditPort, RecordsPort } from '../src/core/records-port.js'
import { JsonFileStore } from './json-file-store.js'

export const RECORDS_SCHEMA_VERSION = 1

/** What stays small and is about the present: the 六有 ledger, the projects, the settings. */
const sitesFileSchema = z.object({
  schemaVersion: z.literal(RECORDS_SCHEMA_VERSION),
  six: z.array(sixHaveSchema),
  projects: z.array(projectSchema),
  assessment: assessmentOverrideSchema,
})
type SitesFile = z.infer<typeof sitesFileSchema>

/** What grows with time, one file per year: plans, guidance, report kinds, recommendations, scores. */
const yearFileSchema = z.object({
  schemaVersion: z.literal(RECORDS_SCHEMA_VERSION),
  year: z.number().int(),
  plans: z.array(planSchema),
  guidance: z.array(guidanceSchema),
  kinds: z.array(reportKindMarkSchema),
  recommendations: z.array(recommendationSchema),
  scores: z.array(scoreSchema),
})
type YearFile = z.infer<typeof yearFileSchema>

const entered = (who: Actor, now: Date) => ({ by: who.id, byName: who.name, at: now.toISOString() })

/**
 * The site records: `records/sites.json` and `records/YYYY.json`, each a group-committed lowdb
 * file validated at load. Every change keeps the earlier version in the record's history and is
 * written to the audit trail.
 */
export class RecordsStore implements RecordsPort {
  private readonly years = new Map<number, JsonFileStore<YearFile>>()
  private readonly opening = new Map<number, Promise<JsonFileStore<YearFile>>>()

  private constructor(
    private readonly dir: string | null,
    private readonly sites: JsonFileStore<SitesFile>,
    private readonly audit: AuditPort,
  ) {}

  static async open(dataDir: string | null, audit: AuditPort): Promise<RecordsStore> {
    const dir = dataDir === null ? null : join(dataDir, 'records')
    const sites = await JsonFileStore.open<SitesFile>({
      file: dir === null ? null : join(dir, 'sites.json'),
      schema: sitesFileSchema,
      version: RECORDS_SCHEMA_VERSION,
      defaults: () => ({ schemaVersion: RECORDS_SCHEMA_VERSION, six: [], projects: [], assessment: {} }),
    })
    const store = new RecordsStore(dir, sites, audit)
    if (dir && existsSync(dir)) {
      for (const name of (await readdir(dir)).filter((n) => /^\d{4}\.json$/.test(n))) {
        await store.year(Number(name.slice(0, 4)))
      }
    }
    return store
  }

  private year(year: number): Promise<JsonFileStore<YearFile>> {
    let p = this.opening.get(year)
    if (!p) {
      p = JsonFileStore.open<YearFile>({
        file: this.dir === null ? null : join(this.dir, `${year}.json`),
        schema: yearFileSchema,
        version: RECORDS_SCHEMA_VERSION,
        defaults: () => ({
          schemaVersion: RECORDS_SCHEMA_VERSION,
          year,
          plans: [],
          guidance: [],
          kinds: [],
          recommendations: [],
          scores: [],
        }),
      }).then((s) => {
        if (s.data.year !== year) throw new Error(`records/${year}.json 中的年份是 ${s.data.year}`)
        this.years.set(year, s)
        return s
      })
      // A year that could not be opened (a full disk) is tried again next time, not failed forever.
      p.catch(() => this.opening.delete(year))
      this.opening.set(year, p)
    }
    return p
  }

  /** One kind of record over every year, oldest year first. */
  private all<R>(pick: (f: YearFile) => R[]): R[] {
    return [...this.years.keys()].sort().flatMap((y) => pick(this.years.get(y)!.data))
  }

  private log(action: AuditAction, target: string, detail: Record<string, string>, who: Actor, now: Date) {
    return this.audit.append({
      at: now.toISOString(),
      by: who.id,
      byName: who.name,
      action,
      target,
      detail,
      reason: '',
    })
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
    const entry = await this.sites.update((d) => {
      const i = d.six.findIndex((e) => e.orgId === orgId && e.item === item)
      const prev = d.six[i]
      const next: SixHaveEntry = {
        orgId,
        item,
        ...v,
        ...entered(who, now),
        history: prev
          ? [
              ...prev.history,
              {
                state: prev.state,
                description: prev.description,
                evidence: prev.evidence,
                by: prev.by,
                byName: prev.byName,
                at: prev.at,
              },
            ]
          : [],
      }
      if (prev) d.six[i] = next
      else d.six.push(next)
      return next
    })
    await this.log('six.set', orgId, { item, state: v.state, description: v.description }, who, now)
    return entry
  }

  projects(): readonly Project[] {
    return this.sites.data.projects
  }

  async addProject(
    orgId: string,
    name: string,
    description: string,
    who: Actor,
    now: Date,
  ): Promise<Project> {
    const p = await this.sites.update((d) => {
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
    })
    await this.log('project.add', orgId, { no: String(p.no), name }, who, now)
    return p
  }

  async setProjectStatus(no: number, status: Project['status'], who: Actor, now: Date) {
    const p = await this.sites.update((d) => {
      const i = d.projects.findIndex((x) => x.no === no)
      const prev = d.projects[i]
      if (!prev) return undefined
      const { history, no: _n, orgId: _o, ...version } = prev
      const next: Project = { ...prev, status, ...entered(who, now), history: [...history, version] }
      d.projects[i] = next
      return next
    })
    if (p) await this.log('project.status', p.orgId, { no: String(no), status }, who, now)
    return p
  }

  plans(): readonly Plan[] {
    return this.all((f) => f.plans)
  }

  async setPlan(orgId: string, year: number, text: string, file: Plan['file'], who: Actor, now: Date) {
    const shard = await this.year(year)
    const plan = await shard.update((d) => {
      const i = d.plans.findIndex((p) => p.orgId === orgId && p.year === year)
      const prev = d.plans[i]
      const next: Plan = {
        orgId,
        year,
        text,
        file,
        ...entered(who, now),
        history: prev
          ? [
              ...prev.history,
              { text: prev.text, file: prev.file, by: prev.by, byName: prev.byName, at: prev.at },
            ]
          : [],
      }
      if (prev) d.plans[i] = next
      else d.plans.push(next)
      return next
    })
    await this.log(
      'plan.set',
      orgId,
      { year: String(year), text: text.slice(0, 60), file: file?.name ?? '' },
      who,
      now,
    )
    return plan
  }

  guidance(): readonly Guidance[] {
    return this.all((f) => f.guidance)
  }

  async addGuidance(orgId: string, content: string, date: string, who: Actor, now: Date): Promise<Guidance> {
    const shard = await this.year(Number(date.slice(0, 4)))
    const g = await shard.update((d) => {
      // Numbered across the years, counted inside the mutation so concurrent entries differ.
      const no = Math.max(0, ...this.guidance().map((x) => x.no)) + 1
      const g: Guidance = { no, orgId, content, date, ...entered(who, now) }
      d.guidance.push(g)
      return g
    })
    await this.log('guidance.add', orgId, { no: String(g.no), date, content: content.slice(0, 60) }, who, now)
    return g
  }

  kinds(): readonly ReportKindMark[] {
    return this.all((f) => f.kinds)
  }

  async setKind(reportNo: number, month: Month, kind: ReportKindMark['kind'], who: Actor, now: Date) {
    const shard = await this.year(Number(month.slice(0, 4)))
    const mark = await shard.update((d) => {
      const i = d.kinds.findIndex((k) => k.reportNo === reportNo)
      const prev = d.kinds[i]
      const next: ReportKindMark = {
        reportNo,
        kind,
        ...entered(who, now),
        history: prev
          ? [...prev.history, { kind: prev.kind, by: prev.by, byName: prev.byName, at: prev.at }]
          : [],
      }
      if (prev) d.kinds[i] = next
      else d.kinds.push(next)
      return next
    })
    await this.log('report.kind', String(reportNo), { kind: kind ?? '' }, who, now)
    return mark
  }

  recommendations(): readonly Recommendation[] {
    return this.all((f) => f.recommendations)
  }

  async recommend(reportNo: number, month: Month, reason: string, who: Actor, now: Date) {
    const shard = await this.year(Number(month.slice(0, 4)))
    const rec = await shard.update((d) => {
      const i = d.recommendations.findIndex((k) => k.reportNo === reportNo)
      const prev = d.recommendations[i]
      const next: Recommendation = {
        reportNo,
        reason,
        withdrawn: false,
        ...entered(who, now),
        history: prev
          ? [
              ...prev.history,
              {
                reason: prev.reason,
                withdrawn: prev.withdrawn,
                by: prev.by,
                byName: prev.byName,
                at: prev.at,
              },
            ]
          : [],
      }
      if (prev) d.recommendations[i] = next
      else d.recommendations.push(next)
      return next
    })
    await this.log('report.recommend', String(reportNo), { reason }, who, now)
    return rec
  }

  async unrecommend(reportNo: number, month: Month, reason: string, who: Actor, now: Date) {
    const shard = await this.year(Number(month.slice(0, 4)))
    const rec = await shard.update((d) => {
      const i = d.recommendations.findIndex((k) => k.reportNo === reportNo)
      const prev = d.recommendations[i]
      if (!prev || prev.withdrawn) return undefined
      const { history, reportNo: _n, ...version } = prev
      const next: Recommendation = {
        ...prev,
        reason,
        withdrawn: true,
        ...entered(who, now),
        history: [...history, version],
      }
      d.recommendations[i] = next
      return next
    })
    if (rec) await this.log('report.unrecommend', String(reportNo), { reason }, who, now)
    return rec
  }

  scores(): readonly LeaderScore[] {
    return this.all((f) => f.scores)
  }

  async setScore(orgId: string, period: string, score: number, comment: string, who: Actor, now: Date) {
    const shard = await this.year(periodYear(period))
    const s = await shard.update((d) => {
      const i = d.scores.findIndex((x) => x.orgId === orgId && x.period === period && x.by === who.id)
      const prev = d.scores[i]
      const next: LeaderScore = {
        orgId,
        period,
        score,
        comment,
        ...entered(who, now),
        history: prev
          ? [
              ...prev.history,
              { score: prev.score, comment: prev.comment, by: prev.by, byName: prev.byName, at: prev.at },
            ]
          : [],
      }
      if (prev) d.scores[i] = next
      else d.scores.push(next)
      return next
    })
    await this.log('score.set', orgId, { period, score: String(score), comment }, who, now)
    return s
  }

  assessmentOverride(): AssessmentOverride {
    return this.sites.data.assessment
  }

  async setAssessmentOverride(o: AssessmentOverride, who: Actor, now: Date): Promise<void> {
    const before = flatten(this.sites.data.assessment)
    await this.sites.update((d) => {
      d.assessment = o
    })
    // What changed, one key per setting (`weights.reporting: 40`); a removed one reads 'default'.
    const after = flatten(o)
    const detail: Record<string, string> = {}
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (before[k] !== after[k]) detail[k] = after[k] ?? 'default'
    }
    await this.log('settings.change', 'assessment', detail, who, now)
  }
}

/** `{ weights: { reporting: 40 } }` → `{ 'weights.reporting': '40' }`. */
function flatten(o: AssessmentOverride): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue
    if (typeof v === 'number') out[k] = String(v)
    else for (const [k2, v2] of Object.entries(v)) if (v2 !== undefined) out[`${k}.${k2}`] = String(v2)
  }
  return out
}
