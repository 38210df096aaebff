/**
 * Wire contracts of the sync server's JSON API, shared by the server (validation) and the add-in (client).
 * Paths are listed in API_PATHS; every request carries `Authorization: Bearer <token>`.
 */
import { z } from 'zod';
import { PlNumberParamSchema } from '../numbers/queryNumber.ts';
import { MSG } from '../messages/catalogue.ts';
import { OrgUnitCodeSchema, OrgUnitSchema } from '../orgUnits/schema.ts';
import { ActivitySchema, AreaSchema, TaskSchema, AreaCodeSchema } from '../program/schema.ts';
import { YearPhaseSchema } from '../program/year.ts';
import { PlanSchema, ReportEntrySchema, ReportStatusSchema, GroszeSchema } from '../report/schema.ts';
import { VarianceBandSchema, VariancePolicySchema } from '../variance/policy.ts';
import { HistoryChangeRowSchema } from './historyChanges.ts';

export const RoleSchema = z.enum(['unit_reporter', 'reviewer', 'manager', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** GET /api/me */
export const MeResponseSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), role: RoleSchema, orgUnitCode: OrgUnitCodeSchema.nullable() }),
  orgUnit: OrgUnitSchema.nullable(),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

/** Lifecycle of one unit's report for one year. */
export const WorkflowStateSchema = z.enum(['not_started', 'draft', 'submitted', 'returned', 'accepted']);
export type WorkflowState = z.infer<typeof WorkflowStateSchema>;

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = MSG.labels.workflowState;

/**
 * A workflow action as the audit trail records it: what happened to the report. Saves are not
 * here — they are versions; these are the moves between states (reopen brings it back to draft).
 */
export const WorkflowEventActionSchema = z.enum(['submitted', 'accepted', 'returned', 'reopened']);
export type WorkflowEventAction = z.infer<typeof WorkflowEventActionSchema>;

/** Polish labels of the audit actions, as a sentence fragment: "zwrócono do poprawy — Anna Nowak". */
export const WORKFLOW_EVENT_LABELS: Record<WorkflowEventAction, string> = MSG.labels.workflowEvent;

/** GET /api/years */
export const ReportingYearSchema = z.object({
  year: z.number().int(),
  /** The program period the year belongs to. */
  programCode: z.string(),
  /** planning → reporting → closed (YearPhaseSchema); read it with plansOpen / reportsOpen. */
  phase: YearPhaseSchema,
  /** Derived from the phase, for older clients: open while the year is in reporting. */
  status: z.enum(['open', 'closed']),
  /** ISO date (YYYY-MM-DD) by which units state their plans. */
  planningDeadline: z.string().nullable(),
  /** ISO date (YYYY-MM-DD) by which units submit their reports. */
  deadline: z.string().nullable(),
  policy: VariancePolicySchema,
});
export type ReportingYear = z.infer<typeof ReportingYearSchema>;

/** GET /api/program[?year=] — the structure of a year's program (default: the newest year's), without per-year figures. */
export const ProgramStructureSchema = z.object({
  areas: z.array(AreaSchema),
  tasks: z.array(TaskSchema),
  orgUnits: z.array(OrgUnitSchema),
});
export type ProgramStructure = z.infer<typeof ProgramStructureSchema>;

/** One activity a unit answers for in a year, with its plan. */
export const AssignmentSchema = z.object({
  activity: ActivitySchema,
  plan: PlanSchema,
  /** reporting: this unit reports it; contributing: read-only for this unit. */
  role: z.enum(['reporting', 'contributing']),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** GET /api/years/:year/units/:unit/assignments */
export const AssignmentsResponseSchema = z.object({
  year: z.number().int(),
  orgUnitCode: OrgUnitCodeSchema,
  assignments: z.array(AssignmentSchema),
});
export type AssignmentsResponse = z.infer<typeof AssignmentsResponseSchema>;

/** GET /api/years/:year/units/:unit/report — version 0 means nothing saved yet. */
export const UnitReportSchema = z.object({
  year: z.number().int(),
  orgUnitCode: OrgUnitCodeSchema,
  version: z.number().int().nonnegative(),
  state: WorkflowStateSchema,
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  /** The reviewer's comment when returned. */
  reviewComment: z.string().nullable(),
  entries: z.array(ReportEntrySchema),
});
export type UnitReport = z.infer<typeof UnitReportSchema>;

/** PUT /api/years/:year/units/:unit/report (header Idempotency-Key recommended). */
export const SaveReportRequestSchema = z.object({
  baseVersion: z.number().int().nonnegative(),
  entries: z.array(ReportEntrySchema).max(1000, MSG.schema.tooManyEntries(1000)),
  /** MOPS (reviewer, admin) saving on a unit's behalf: why (required then; shown to the unit). */
  onBehalfReason: z.string().trim().max(500, MSG.reviewView.onBehalfReasonTooLong(500)).optional(),
});
export type SaveReportRequest = z.infer<typeof SaveReportRequestSchema>;

export const SaveReportResponseSchema = z.object({
  version: z.number().int().positive(),
  savedAt: z.string(),
  savedBy: z.string(),
  /** true when this was a retry of a save already done (same Idempotency-Key). */
  replayed: z.boolean(),
});
export type SaveReportResponse = z.infer<typeof SaveReportResponseSchema>;

/** Every error reply: `{ error, code, details? }`; 422 carries `problems`, 409 carries `current`. */
export const ApiErrorBodySchema = z.object({
  error: z.string(),
  code: z.string(),
  problems: z.array(z.object({
    activityId: z.string().optional(),
    field: z.string(),
    measureKind: z.string().optional(),
    /** Uploads: the sheet and cell ("I5") the problem is in, as Excel names them. */
    sheet: z.string().optional(),
    cell: z.string().optional(),
    code: z.string(),
    message: z.string(),
  })).optional(),
  current: UnitReportSchema.optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** POST /api/years/:year/units/:unit/return: ReturnRequestSchema in reviewContracts.ts (comments on activities). */

/** GET /api/years/:year/completeness */
export const CompletenessRowSchema = z.object({
  orgUnitCode: OrgUnitCodeSchema,
  orgUnitName: z.string(),
  state: WorkflowStateSchema,
  version: z.number().int().nonnegative(),
  activities: z.number().int().nonnegative(),
  filled: z.number().int().nonnegative(),
  lastChangeAt: z.string().nullable(),
  lastChangeBy: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /**
   * The year's deadline has passed (Kraków's calendar day is after it) and the report is neither
   * submitted nor accepted. Late saves are still accepted (MOPS takes late reports); this only makes
   * them visible. Absent from clients that predate it: treat as false.
   */
  late: z.boolean().optional(),
});
export type CompletenessRow = z.infer<typeof CompletenessRowSchema>;

/**
 * What a consolidated row is: `planned` — a planned measure compared with its figure; `extra` — a
 * figure beyond the plan („poza planem”); `part` — one of several figures answering the planned row
 * above; `subset` — a „w tym” figure of the row above (never in a total). null: status-only row.
 */
export const LineRoleSchema = z.enum(['planned', 'extra', 'part', 'subset']);
export type LineRole = z.infer<typeof LineRoleSchema>;

/** One consolidated row: activity × measure line (or one status-only row for an activity without measures). */
export const ConsolidatedRowSchema = z.object({
  year: z.number().int(),
  area: AreaCodeSchema,
  /** The area's title from the program; absent from servers that predate it (the code alone names it). */
  areaTitle: z.string().optional(),
  taskCode: z.string(),
  /** The task's title from the program; absent from servers that predate it (the code alone names it). */
  taskTitle: z.string().optional(),
  taskKind: z.enum(['basic', 'complementary']),
  subsection: z.number().int().nullable(),
  activityId: z.string(),
  activityName: z.string(),
  /** All responsible units' codes, reporting unit first. */
  orgUnitCodes: z.array(OrgUnitCodeSchema),
  /** Their names from the org-unit registry, in the same order (the code where none is known). */
  orgUnitNames: z.array(z.string()),
  reportingUnit: OrgUnitCodeSchema,
  lineRole: LineRoleSchema.nullable(),
  /** The planned measure's id (planned rows and their parts). */
  planMeasureId: z.string().nullable(),
  measureKind: z.string().nullable(),
  qualifier: z.string().nullable(),
  plan: z.number().nullable(),
  actual: z.number().nullable(),
  difference: z.number().nullable(),
  ratio: z.number().nullable(),
  band: VarianceBandSchema.nullable(),
  status: ReportStatusSchema.nullable(),
  /** Activity's money total in grosze; on the activity's first row only, so sums count it once. */
  moneySpent: GroszeSchema.nullable(),
  comment: z.string(),
  planText: z.string().nullable(),
  actualText: z.string().nullable(),
  /** The unit's „Zakres realizacji (opis)” (ReportEntry.scopeDescription); null when not written. */
  scopeDescription: z.string().nullable(),
  version: z.number().int().nonnegative(),
  savedBy: z.string().nullable(),
  savedAt: z.string().nullable(),
});
export type ConsolidatedRow = z.infer<typeof ConsolidatedRowSchema>;

/** Query of GET /api/years/:year/consolidated (all optional; lists are comma-separated). */
const filterList = (what: keyof typeof MSG.schema.filterWhat) => z.string().max(2000, MSG.schema.filterTooLong(2000, MSG.schema.filterWhat[what])).optional();
/** A ratio typed in a URL: "0,8" as a Polish user writes it, or "0.8" as a program does. */
const ratio = PlNumberParamSchema.pipe(z.number().nonnegative(MSG.schema.ratioNegative).max(1000, MSG.schema.ratioMax(1000)));

export const ConsolidatedQuerySchema = z.object({
  area: filterList('area'),
  task: filterList('task'),
  unit: filterList('unit'),
  band: filterList('band'),
  status: filterList('status'),
  /** execution ratio below this (0.8 = 80 %) */
  ratioBelow: ratio.optional(),
  ratioAbove: ratio.optional(),
  withMoney: z.enum(['true', 'false']).optional(),
});
export type ConsolidatedQuery = z.infer<typeof ConsolidatedQuerySchema>;

/** GET /api/years/:year/units/:unit/history */
export const HistorySchema = z.object({
  versions: z.array(z.object({
    version: z.number().int(), savedAt: z.string(), savedBy: z.string(), source: z.enum(['addin', 'upload', 'api', 'seed']),
    /** Saved by MOPS on the unit's behalf: the reason given; null for the unit's own saves. */
    onBehalfReason: z.string().nullable().default(null),
  })),
  /** What changed, as typed records (historyChanges.ts), oldest first; the review comment threads on the same timeline. */
  changes: z.array(HistoryChangeRowSchema),
  /**
   * Workflow audit of the report (submit, accept, return, reopen), oldest first. Defaults to []
   * so a response from a server that predates the field still parses.
   */
  events: z.array(z.object({
    /** ISO timestamp of the action. */
    at: z.string(),
    /** Name of who acted: the unit's reporter for submitted, a reviewer otherwise. */
    by: z.string(),
    action: WorkflowEventActionSchema,
    /** The report version the action applied to. */
    version: z.number().int().nonnegative(),
    /** returned: the reviewer's reason; reopened: an optional note; otherwise null. */
    comment: z.string().nullable(),
  })).default([]),
});
export type History = z.infer<typeof HistorySchema>;
export type HistoryEvent = History['events'][number];

/** Paths, so client and server cannot drift. */
export const API_PATHS = {
  me: '/api/me',
  years: '/api/years',
  program: '/api/program',
  assignments: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/assignments`,
  report: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/report`,
  submit: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/submit`,
  accept: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/accept`,
  return: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/return`,
  reopen: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/reopen`,
  history: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/history`,
  template: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/template.xlsx`,
  upload: (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/upload`,
  completeness: (year: number) => `/api/years/${year}/completeness`,
  consolidated: (year: number) => `/api/years/${year}/consolidated`,
  workbook: (year: number) => `/api/years/${year}/workbook.xlsx`,
  /** The annual annex („Załącznik Nr 3”), DOCX; `?summary=true` adds the closing summary. */
  reportDocx: (year: number) => `/api/years/${year}/report.docx`,
  /** The annex's title block of a year: GET (AnnexTitleResponse), PUT (AnnexTitle; MOPS). */
  annexTitle: (year: number) => `/api/years/${year}/annex`,
} as const;
