/**
 * Wire contracts of planning: a unit's plan for a year (versioned, with the report's workflow),
 * MOPS's review and bulk entry, and last year beside this year. Paths in PLAN_PATHS.
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';
import { ActivityIdSchema, ActivitySchema } from '../program/schema.ts';
import { ActualSchema, PlanSchema, ReportStatusSchema } from '../report/schema.ts';
import { ActivityProposalSchema, PlanEntrySchema, ProposedFormsSchema } from '../plan/schema.ts';
import { CompletenessRowSchema, WorkflowEventActionSchema, WorkflowStateSchema } from './contracts.ts';

/** Where a plan version came from. mops / mops_import: MOPS entered it on the unit's behalf. */
export const PlanSaveSourceSchema = z.enum(['addin', 'browser', 'upload', 'api', 'mops', 'mops_import']);
export type PlanSaveSource = z.infer<typeof PlanSaveSourceSchema>;

/** GET /api/years/:year/units/:unit/plan — version 0 means nothing saved yet. */
export const UnitPlanSchema = z.object({
  year: z.number().int(),
  orgUnitCode: OrgUnitCodeSchema,
  version: z.number().int().nonnegative(),
  state: WorkflowStateSchema,
  /** The plan is open to the unit: the year is in planning and the plan is a draft or returned. */
  editable: z.boolean(),
  savedAt: z.string().nullable(),
  savedBy: z.string().nullable(),
  source: PlanSaveSourceSchema.nullable(),
  /** The reviewer's comment while returned (or a reopen note while a draft again). */
  reviewComment: z.string().nullable(),
  entries: z.array(PlanEntrySchema),
  proposals: z.array(ActivityProposalSchema),
});
export type UnitPlan = z.infer<typeof UnitPlanSchema>;

/** PUT /api/years/:year/units/:unit/plan (header Idempotency-Key recommended). */
export const SavePlanRequestSchema = z.object({
  baseVersion: z.number().int().nonnegative(),
  entries: z.array(PlanEntrySchema).max(1000, MSG.plan.schema.tooManyEntries(1000)),
  proposals: z.array(ActivityProposalSchema).max(20, MSG.plan.schema.tooManyProposals(20)).default([]),
});
export type SavePlanRequest = z.infer<typeof SavePlanRequestSchema>;

export const SavePlanResponseSchema = z.object({
  version: z.number().int().positive(),
  savedAt: z.string(),
  savedBy: z.string(),
  replayed: z.boolean(),
});
export type SavePlanResponse = z.infer<typeof SavePlanResponseSchema>;

/** One activity of a unit's planning year: the activity, this year's accepted plan if any, and last year beside it. */
export const PlanActivitySchema = z.object({
  activityId: ActivityIdSchema,
  /** The activity as the year's program has it (name, task, subsection, units). */
  activity: ActivitySchema,
  /** Last year's accepted plan of the activity; null when it had none (new, or not in last year). */
  previousPlan: PlanSchema.nullable(),
  /** What the unit reported for it last year; null when nothing was reported. */
  previousStatus: ReportStatusSchema.nullable(),
  previousActual: ActualSchema.nullable(),
});
export type PlanActivity = z.infer<typeof PlanActivitySchema>;

/** GET /api/years/:year/units/:unit/plan/previous — the activities the unit plans, last year beside this year. */
export const PlanPreviousResponseSchema = z.object({
  year: z.number().int(),
  previousYear: z.number().int(),
  activities: z.array(PlanActivitySchema),
});
export type PlanPreviousResponse = z.infer<typeof PlanPreviousResponseSchema>;

/** GET /api/years/:year/plans/completeness — every reporting unit's plan. */
export const PlanCompletenessRowSchema = CompletenessRowSchema.extend({
  /** Proposals of new activities in the current version. */
  proposals: z.number().int().nonnegative(),
  /** Who saved the current version: the unit, or MOPS on its behalf. */
  source: PlanSaveSourceSchema.nullable(),
});
export type PlanCompletenessRow = z.infer<typeof PlanCompletenessRowSchema>;

/** PUT /api/years/:year/plans — MOPS enters the plans of many units at once (all or nothing). */
export const BulkPlansRequestSchema = z.object({
  plans: z.array(z.object({
    orgUnitCode: OrgUnitCodeSchema,
    entries: z.array(PlanEntrySchema).max(1000, MSG.plan.schema.tooManyEntries(1000)),
    proposals: z.array(ActivityProposalSchema).max(20, MSG.plan.schema.tooManyProposals(20)).default([]),
  })).min(1).max(200, MSG.plan.schema.tooManyPlans(200)),
  /** Accept the entered plans at once (plans set centrally); otherwise they stay drafts for the units. */
  accept: z.boolean().default(false),
});
export type BulkPlansRequest = z.infer<typeof BulkPlansRequestSchema>;

export const BulkPlansResponseSchema = z.object({
  saved: z.array(z.object({ orgUnitCode: OrgUnitCodeSchema, version: z.number().int().positive(), state: WorkflowStateSchema })),
});
export type BulkPlansResponse = z.infer<typeof BulkPlansResponseSchema>;

/** GET /api/years/:year/units/:unit/plan/history */
export const PlanHistorySchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string(), source: PlanSaveSourceSchema })),
  changes: z.array(z.object({
    version: z.number().int(),
    savedAt: z.string(),
    savedBy: z.string(),
    /** The activity, or "propozycja:<key>" for a proposal. */
    activityId: z.string(),
    /** "measure:<id>", "description", "proposal" */
    field: z.string(),
    old: z.string().nullable(),
    new: z.string().nullable(),
  })),
  events: z.array(z.object({
    at: z.string(),
    by: z.string(),
    action: WorkflowEventActionSchema,
    version: z.number().int().nonnegative(),
    comment: z.string().nullable(),
  })),
});
export type PlanHistory = z.infer<typeof PlanHistorySchema>;

/** A measure kind MOPS accepted with a plan that proposed it. */
export const AcceptedMeasureKindSchema = z.object({ lemma: z.string(), forms: ProposedFormsSchema, acceptedYear: z.number().int() });
export type AcceptedMeasureKind = z.infer<typeof AcceptedMeasureKindSchema>;

const unitPath = (year: number, unit: string) => `/api/years/${year}/units/${encodeURIComponent(unit)}/plan`;

export const PLAN_PATHS = {
  plan: unitPath,
  submit: (year: number, unit: string) => `${unitPath(year, unit)}/submit`,
  accept: (year: number, unit: string) => `${unitPath(year, unit)}/accept`,
  return: (year: number, unit: string) => `${unitPath(year, unit)}/return`,
  reopen: (year: number, unit: string) => `${unitPath(year, unit)}/reopen`,
  history: (year: number, unit: string) => `${unitPath(year, unit)}/history`,
  previous: (year: number, unit: string) => `${unitPath(year, unit)}/previous`,
  template: (year: number, unit: string) => `${unitPath(year, unit)}/template.xlsx`,
  upload: (year: number, unit: string) => `${unitPath(year, unit)}/upload`,
  completeness: (year: number) => `/api/years/${year}/plans/completeness`,
  bulk: (year: number) => `/api/years/${year}/plans`,
  /** MOPS's sheet of plans for many units: download, fill, upload (audited as MOPS's entry). */
  bulkTemplate: (year: number) => `/api/years/${year}/plans/template.xlsx`,
  bulkUpload: (year: number) => `/api/years/${year}/plans/upload`,
  /** Measure kinds accepted with plans (beside the built-in vocabulary). */
  measureKinds: '/api/measure-kinds',
} as const;
