import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { ActualFigureSchema, PlanMeasureSchema, withPlanMeasureIds } from '../measures/schema.ts';
import { ActivityIdSchema } from '../program/schema.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';

/**
 * What happened to an activity in the year. `null` in a row means "not filled in yet", which is
 * different from any status: a status without numbers is still a report.
 */
export const ReportStatusSchema = z.enum([
  /** numbers given */
  'realized',
  /** "wydarzenie nie było realizowane w 2024 roku", "konkurs nie był organizowany" */
  'not_realized',
  /** "realizacja przedsięwzięcia została zakończona" */
  'ended',
  /** "wydarzenie odwołane" */
  'cancelled',
  /** "zadanie realizowane w ramach Klubów Rodzica" */
  'realized_elsewhere',
  /** continuous or descriptive work, with or without numbers */
  'ongoing',
]);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/**
 * What the plan cell holds: measurable targets; an activity newly included in the program
 * ("przedsięwzięcie włączone do Programu w 2024 roku": no target); or a description without figures.
 */
export const PlanKindSchema = z.enum(['target', 'new_activity', 'descriptive']);
export type PlanKind = z.infer<typeof PlanKindSchema>;

/** Longest „Zakres realizacji (opis)” a unit may write for one activity. */
export const SCOPE_DESCRIPTION_MAX = 3000;

const CellTextSchema = z.string().max(4000, MSG.schema.textTooLong(4000));

/** Plans stored before measures had ids get the ids of their positions, so old data keeps reading. */
const planMeasures = z.preprocess(
  (v) => (Array.isArray(v) && v.every((m) => typeof m === 'object' && m !== null) ? withPlanMeasureIds(v as { kind: string; value: number; id?: string }[]) : v),
  z.array(PlanMeasureSchema).max(30, MSG.schema.tooManyMeasures(30)).refine((ms) => new Set(ms.map((m) => m.id)).size === ms.length, { error: MSG.schema.planMeasureIdsUnique }),
);

export const PlanSchema = z.object({
  kind: PlanKindSchema,
  measures: planMeasures,
  /** The cell text as written (verbatim for imported reports). */
  text: CellTextSchema.optional(),
  /** For `new_activity`: the year the activity joined the program. */
  sinceYear: z.number().int().min(2000).max(2100).optional(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const ActualSchema = z.object({
  /** Reported figures, each answering one planned measure or stated as beyond the plan. */
  measures: z.array(ActualFigureSchema).max(30, MSG.schema.tooManyMeasures(30)),
  text: CellTextSchema.optional(),
});
export type Actual = z.infer<typeof ActualSchema>;

/**
 * Money amounts one activity may carry: the 2024 report has at most two („… zł” twice in one row, an
 * activity financed from two sources). The form, the unit sheet, the template and the API all hold
 * exactly this many (sheet/layout.ts SHEET_MONEY_COLUMNS is checked against it).
 */
export const MAX_MONEY_AMOUNTS = 2;

/** Money in integer grosze (1 zł = 100 gr) so sums are exact. */
export const GroszeSchema = z
  .number({ error: MSG.schema.amountNotNumber })
  .int(MSG.schema.amountNotWhole)
  .nonnegative(MSG.schema.amountNegative)
  .max(100_000_000_000, MSG.schema.amountTooLarge);

/**
 * What a unit reports for one activity in one year. Money is a list because some
 * activities of basic tasks are financed from two sources ("… zł" twice in one row).
 */
export const ReportEntrySchema = z.object({
  activityId: ActivityIdSchema,
  status: ReportStatusSchema.nullable(),
  actual: ActualSchema,
  /** Money spent, basic tasks only. */
  moneySpent: z.array(GroszeSchema).max(MAX_MONEY_AMOUNTS, MSG.schema.tooManyAmounts(MAX_MONEY_AMOUNTS)).default([]),
  /** The money cell as written, for imported reports ("2 000 750,00 zł"); one text per amount. */
  moneyText: z.array(z.string().max(100, MSG.schema.moneyTextTooLong(100)))
    .max(MAX_MONEY_AMOUNTS, MSG.schema.tooManyMoneyTexts(MAX_MONEY_AMOUNTS)).optional(),
  /** The unit's comment; the reason when not realized, the explanation when far off plan. */
  comment: z.string().max(2000, MSG.schema.commentTooLong(2000)).default(''),
  /**
   * „Zakres realizacji (opis)”: what the unit did, in its own words, as the annual annex prints it.
   * Separate from the comment, which explains deviations. Optional (absent or '' when not written).
   */
  scopeDescription: z.string().max(SCOPE_DESCRIPTION_MAX, MSG.schema.scopeDescriptionTooLong(SCOPE_DESCRIPTION_MAX)).optional(),
});
export type ReportEntry = z.infer<typeof ReportEntrySchema>;

/** An activity's yearly report: its plan beside what the unit reported. */
export const ActivityReportSchema = ReportEntrySchema.extend({
  year: z.number().int(),
  orgUnitCode: OrgUnitCodeSchema,
  plan: PlanSchema,
});
export type ActivityReport = z.infer<typeof ActivityReportSchema>;

/** A unit's save of its whole report for a year; `baseVersion` is the version the unit started from. */
export const SubmissionSchema = z.object({
  orgUnitCode: OrgUnitCodeSchema,
  year: z.number().int().min(2000).max(2100),
  baseVersion: z.number().int().nonnegative(),
  entries: z.array(ReportEntrySchema).max(1000, MSG.schema.tooManyEntries(1000)),
});
export type Submission = z.infer<typeof SubmissionSchema>;
