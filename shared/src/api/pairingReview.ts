/**
 * Settling the pairings the import left „do sprawdzenia”: which of an activity's reported figures
 * answer one of its planned measures (several = parts, none = „brak”). MOPS (reviewer, admin) sees
 * the proposal and confirms or changes it; each settlement is audited (who, when, old → new) and
 * saved as a new version of the unit's report, so variance and the central workbook follow.
 */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { ActualFigureSchema, PlanMeasureIdSchema, PlanMeasureSchema } from '../measures/schema.ts';
import { ActivityIdSchema } from '../program/schema.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';

export const PAIRING_PATHS = {
  /** GET: the year's pairings to settle, open and settled. */
  list: (year: number) => `/api/years/${year}/pairing-reviews`,
  /** PUT: settle one (SettlePairingRequest). */
  settle: (year: number, activityId: string, planMeasureId: string) =>
    `/api/years/${year}/pairing-reviews/${encodeURIComponent(activityId)}/${encodeURIComponent(planMeasureId)}`,
} as const;

/** One settlement as the audit keeps it. */
export const PairingChangeSchema = z.object({
  /** The figures that answered the planned measure before, and after. */
  old: z.array(ActualFigureSchema),
  new: z.array(ActualFigureSchema),
  comment: z.string().nullable(),
  at: z.string(),
  by: z.string(),
  /** The report version the settlement saved. */
  reportVersion: z.number().int(),
});
export type PairingChange = z.infer<typeof PairingChangeSchema>;

export const PairingReviewSchema = z.object({
  year: z.number().int(),
  activityId: ActivityIdSchema,
  activityName: z.string(),
  orgUnitCode: OrgUnitCodeSchema,
  plan: PlanMeasureSchema,
  /** Every figure the unit reported for the activity, in order: an answer names them by position. */
  figures: z.array(ActualFigureSchema),
  /** Positions (in `figures`) of the figures answering the planned measure now; [] = „brak”. */
  answer: z.array(z.number().int().nonnegative()),
  /** Why the pairing was left to be checked (from the import's decision). */
  note: z.string(),
  settled: z.boolean(),
  settledAt: z.string().nullable(),
  settledBy: z.string().nullable(),
  changes: z.array(PairingChangeSchema),
});
export type PairingReview = z.infer<typeof PairingReviewSchema>;

export const SettlePairingRequestSchema = z.object({
  /** Positions of the figures that answer the planned measure: one, several (parts) or none („brak”). */
  answer: z.array(z.number({ error: MSG.pairing.answerNotNumber }).int(MSG.pairing.answerNotNumber).min(0, MSG.pairing.answerNotNumber).max(29, MSG.pairing.answerNotNumber))
    .max(10, MSG.pairing.tooManyParts(10))
    .refine((a) => new Set(a).size === a.length, { error: MSG.pairing.answerTwice }),
  /** Why, for the audit (optional). */
  comment: z.string().trim().max(500, MSG.pairing.commentTooLong(500)).optional(),
}).strict();
export type SettlePairingRequest = z.infer<typeof SettlePairingRequestSchema>;

export const PairingParamsSchema = z.object({
  activityId: ActivityIdSchema,
  planMeasureId: PlanMeasureIdSchema,
});
