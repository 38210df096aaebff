/**
 * What a unit's report history says changed, as typed records (GET …/history `changes[].change`):
 * one record per field of one activity in one version, and the review comment threads on the same
 * timeline. The server writes them (sync-server/src/commands/reportChanges.ts); the pane and the
 * browser render them as they are — nothing is encoded in strings.
 *
 * Figures: each figure is known by its measure (kind and qualifier) and by what it answers — a
 * planned measure (its id), nothing („poza planem”, `extra`), or not said (`unstated`: reports saved
 * before pairing was explicit, paired by the lemma rule). Several figures answering one planned
 * measure are its parts: `old` / `new` list their values in order ([] = none).
 */
import { z } from 'zod';
import { ReportStatusSchema } from '../report/schema.ts';

/** A measure as the history names it: the lemma of its kind and its qualifier (null: none). */
export const MeasureRefSchema = z.object({ kind: z.string(), qualifier: z.string().nullable() });
export type MeasureRef = z.infer<typeof MeasureRefSchema>;

/** What a figure answers: a planned measure (`planMeasureId`), beyond the plan, or not said. */
export const FigureRoleSchema = z.enum(['planned', 'extra', 'unstated']);
export type FigureRole = z.infer<typeof FigureRoleSchema>;

/** A figure as a pairing decision names it: its measure and value. */
export const FigureValueSchema = MeasureRefSchema.extend({ value: z.number() });
export type FigureValue = z.infer<typeof FigureValueSchema>;

const text = z.string().nullable();

export const HistoryChangeSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('status'), old: ReportStatusSchema.nullable(), new: ReportStatusSchema.nullable() }),
  /** The unit's comment. */
  z.object({ field: z.literal('comment'), old: text, new: text }),
  /** „Wykonanie (opis)”: the figures as written. */
  z.object({ field: z.literal('actualText'), old: text, new: text }),
  /** „Zakres realizacji (opis)”. */
  z.object({ field: z.literal('scopeDescription'), old: text, new: text }),
  /** Money spent: the amounts in grosze, in order ([] = none). */
  z.object({ field: z.literal('moneySpent'), old: z.array(z.number()), new: z.array(z.number()) }),
  /** A figure (several: the parts of one planned measure). */
  z.object({
    field: z.literal('figure'), measure: MeasureRefSchema, role: FigureRoleSchema,
    /** The planned measure answered (role planned); null otherwise. */
    planMeasureId: z.string().nullable(),
    old: z.array(z.number()), new: z.array(z.number()),
  }),
  /** A „w tym” figure of a figure (`of`), never compared with a plan. */
  z.object({
    field: z.literal('subset'), of: MeasureRefSchema, ofPlanMeasureId: z.string().nullable(), measure: MeasureRefSchema,
    old: z.array(z.number()), new: z.array(z.number()),
  }),
  /** MOPS settled which figures answer a planned measure („do sprawdzenia”): before and after ([] = „brak”). */
  z.object({
    field: z.literal('pairing'), planMeasureId: z.string(),
    old: z.array(FigureValueSchema), new: z.array(FigureValueSchema), comment: text,
  }),
  /** A reviewer's comment on the activity (optionally one measure) with a return. */
  z.object({ field: z.literal('reviewComment'), commentId: z.number().int(), measure: MeasureRefSchema.nullable(), text: z.string() }),
  /** An answer in a comment's thread: the unit's, or MOPS's. */
  z.object({ field: z.literal('reviewReply'), commentId: z.number().int(), fromUnit: z.boolean(), text: z.string() }),
  /**
   * The comment counts as resolved: the unit changed the activity and handed the report in again, or
   * (byReviewer) a reviewer judged the answer sufficient, by hand or by accepting the report.
   */
  z.object({ field: z.literal('reviewCommentResolved'), commentId: z.number().int(), text: z.string(), byReviewer: z.boolean().optional() }),
  /** A stored change the server no longer knows how to type (kept, shown as written). */
  z.object({ field: z.literal('other'), name: z.string(), old: text, new: text }),
]);
export type HistoryChange = z.infer<typeof HistoryChangeSchema>;
export type HistoryChangeField = HistoryChange['field'];

/** One history line: when, who, which activity, what. */
export const HistoryChangeRowSchema = z.object({
  version: z.number().int(),
  /** When and by whom: the save's (field changes), or the comment's / reply's (threads). */
  savedAt: z.string(),
  savedBy: z.string(),
  /** The save was MOPS's on the unit's behalf: the reason given; null otherwise. */
  onBehalfReason: z.string().nullable().default(null),
  activityId: z.string(),
  change: HistoryChangeSchema,
});
export type HistoryChangeRow = z.infer<typeof HistoryChangeRowSchema>;
