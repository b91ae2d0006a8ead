/**
 * Ports for the site records (issue 9): 六有, projects, plans, guidance, report kinds,
 * recommendations, leaders' scores, the dated roster history and the audit trail. Storage
 * implements them; the Repository of ports.ts extends `RecordsRepository`.
 */
import type { Month } from '../domain/calendar.js'
import type { AssessmentOverride } from '../domain/assessment.js'
import type { AuditEntry, AuditInput } from '../domain/audit.js'
import type {
  Evidence,
  Guidance,
  LeaderScore,
  Period,
  Plan,
  Project,
  ProjectStatus,
  Recommendation,
  ReportKind,
  ReportKindMark,
  SixHaveEntry,
  SixItem,
  SixState,
} from '../domain/records.js'
import type { FileInfo } from '../domain/reports.js'
import type {
  Day,
  RosterChange,
  RosterChangeError,
  RosterChangeInput,
  RosterHistory,
} from '../domain/roster-history.js'
import type { Org, Site } from '../domain/types.js'

/** Who makes a change: kept on the record and in the audit trail. */
export interface Actor {
  id: string
  name: string
}

export interface RecordsPort {
  six(): readonly SixHaveEntry[]
  setSix(
    orgId: string,
    item: SixItem,
    v: { state: SixState; description: string; evidence: Evidence },
    who: Actor,
    now: Date,
  ): Promise<SixHaveEntry>
  projects(): readonly Project[]
  addProject(orgId: string, name: string, description: string, who: Actor, now: Date): Promise<Project>
  /** Undefined when no project has that number. */
  setProjectStatus(no: number, status: ProjectStatus, who: Actor, now: Date): Promise<Project | undefined>
  plans(): readonly Plan[]
  setPlan(
    orgId: string,
    year: number,
    text: string,
    file: FileInfo | null,
    who: Actor,
    now: Date,
  ): Promise<Plan>
  guidance(): readonly Guidance[]
  addGuidance(orgId: string, content: string, date: Day, who: Actor, now: Date): Promise<Guidance>
  kinds(): readonly ReportKindMark[]
  /** Marks a report's kind (null clears it); `month` is the report's month (it picks the file). */
  setKind(
    reportNo: number,
    month: Month,
    kind: ReportKind | null,
    who: Actor,
    now: Date,
  ): Promise<ReportKindMark>
  recommendations(): readonly Recommendation[]
  recommend(reportNo: number, month: Month, reason: string, who: Actor, now: Date): Promise<Recommendation>
  /** Withdraws a recommendation (kept, marked withdrawn); undefined when the report was never recommended. */
  unrecommend(
    reportNo: number,
    month: Month,
    reason: string,
    who: Actor,
    now: Date,
  ): Promise<Recommendation | undefined>
  scores(): readonly LeaderScore[]
  /** One score per leader, site and half-year; giving it again changes it (the old one kept). */
  setScore(
    orgId: string,
    period: Period,
    score: number,
    comment: string,
    who: Actor,
    now: Date,
  ): Promise<LeaderScore>
  assessmentOverride(): AssessmentOverride
  setAssessmentOverride(o: AssessmentOverride, who: Actor, now: Date): Promise<void>
}

/** The audit trail: append and read, nothing else. */
export interface AuditPort {
  append(input: AuditInput): Promise<AuditEntry>
  /** Every entry, oldest first. */
  entries(): readonly AuditEntry[]
}

/** The roster with its dated changes. */
export interface RosterHistoryPort {
  history(): RosterHistory
  /** Checks and records a change (its sequence number given here); logged to the audit trail. */
  change(
    input: RosterChangeInput,
  ): Promise<{ ok: true; change: RosterChange } | { ok: false; error: RosterChangeError }>
  /** The organisations as they stand on a day (retired sites flagged). */
  orgsOn(day: Day): Org[]
  /** The sites a month's tallies count: in the network for the whole month (see the domain). */
  activeSitesFor(month: Month): Site[]
}

/** What the Repository adds for the site records. */
export interface RecordsRepository {
  records: RecordsPort
  audit: AuditPort
  rosterHistory: RosterHistoryPort
}
