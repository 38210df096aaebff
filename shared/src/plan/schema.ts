/**
 * What a unit plans for a year: per activity its planned measures (a kind from the vocabulary or a
 * proposed one with its plural forms, an optional qualifier, the target) and an optional plan
 * description; and proposals of new activities. The shape is loose here (types and bounds, a 400
 * when broken); the rules a clerk can break are in plan/rules.ts (a 422 naming the field).
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { MAX_MEASURE_VALUE, PlanMeasureIdSchema } from '../measures/schema.ts';
import { ActivityIdSchema, TaskCodeSchema } from '../program/schema.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';

/** Longest plan description („Wskaźniki rezultatów” as the unit wants it printed). */
export const PLAN_DESCRIPTION_MAX = 2000;
export const PROPOSAL_NAME_MAX = 2000;
export const PLAN_MEASURES_MAX = 30;

const form = z.string().trim().max(60, MSG.plan.schema.formTooLong(60));

/** A proposed measure kind's forms for 1, for 2–4 and for 5+ (Intl.PluralRules one / few / many). */
export const ProposedFormsSchema = z.object({ one: form, few: form, many: form });
export type ProposedForms = z.infer<typeof ProposedFormsSchema>;

/**
 * One planned measure as a unit enters it: the PlanMeasure entity (measures/schema.ts) before the
 * rules ran — `id` absent for a new measure (the server gives the next free one), `kind` any word
 * (the rules check it against the vocabulary), `proposedForms` when the kind is a new one.
 */
export const PlanMeasureEntrySchema = z.object({
  id: PlanMeasureIdSchema.optional(),
  kind: z.string().trim().max(60, MSG.schema.kindTooLong(60)),
  qualifier: z.string().trim().max(200, MSG.schema.qualifierTooLong(200)).optional(),
  value: z.number({ error: MSG.schema.valueNotNumber }).finite(MSG.schema.valueNotFinite).max(MAX_MEASURE_VALUE, MSG.schema.valueTooLarge(MAX_MEASURE_VALUE)),
  proposedForms: ProposedFormsSchema.optional(),
});
export type PlanMeasureEntry = z.infer<typeof PlanMeasureEntrySchema>;

/** A unit's plan of one activity for one year. */
export const PlanEntrySchema = z.object({
  activityId: ActivityIdSchema,
  measures: z.array(PlanMeasureEntrySchema).max(PLAN_MEASURES_MAX, MSG.schema.tooManyMeasures(PLAN_MEASURES_MAX)).default([]),
  /** „Wskaźniki rezultatów zaplanowanych działań” as the unit wants it printed; absent: built from the measures. */
  description: z.string().max(PLAN_DESCRIPTION_MAX, MSG.plan.schema.descriptionTooLong(PLAN_DESCRIPTION_MAX)).optional(),
});
export type PlanEntry = z.infer<typeof PlanEntrySchema>;

/** A proposal of a new activity: once MOPS accepts the plan, it joins the program that year. */
export const ActivityProposalSchema = z.object({
  /** The proposal's id within the unit's plan ("p1"), so edits and history follow it. */
  key: z.string().regex(/^[A-Za-z0-9-]{1,20}$/, MSG.plan.schema.proposalKey),
  name: z.string().trim().max(PROPOSAL_NAME_MAX, MSG.plan.schema.nameTooLong(PROPOSAL_NAME_MAX)),
  taskCode: TaskCodeSchema,
  subsection: z.number().int().positive().nullable().default(null),
  /** Units taking part besides the proposing one, which reports it. */
  partnerUnits: z.array(OrgUnitCodeSchema).max(20, MSG.plan.schema.tooManyPartners(20)).default([]),
  /** Set by the server when MOPS accepted the plan: the activity's id in the program. */
  activityId: ActivityIdSchema.optional(),
});
export type ActivityProposal = z.infer<typeof ActivityProposalSchema>;

/** The body of a unit's plan: what is versioned and reviewed. */
export const PlanBodySchema = z.object({
  entries: z.array(PlanEntrySchema).max(1000, MSG.plan.schema.tooManyEntries(1000)),
  proposals: z.array(ActivityProposalSchema).max(20, MSG.plan.schema.tooManyProposals(20)).default([]),
});
export type PlanBody = z.infer<typeof PlanBodySchema>;
