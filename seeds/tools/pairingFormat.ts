/**
 * Reviewed pairing decisions of a yearly report (seeds/<year>/pairing.json): for every planned
 * measure, the figure of the report that answers it — or „brak” with the reason — written by hand
 * from the source document, with the line range to check it against. Figures are named by an
 * excerpt of the actual cell that begins with them („25 kursów/zajęć/warsztatów cyklicznych”), so a
 * reader finds them in the document and the importer finds them among the parsed figures.
 */
import { z } from 'zod';

/** Why a pairing is what it is. */
export const PairingBasisSchema = z.enum([
  /** the same measure kind once on each side: the shared lemma rule (plain case) */
  'lemma',
  /** an unambiguous equivalence of words: „kursów/zajęć/warsztatów” answers „zajęcia”, „słuchaczy” answers „uczestników” */
  'equivalence',
  /** decided by reading the document */
  'hand',
  /** no figure because the status says nothing was done in the year */
  'status',
]);

const Excerpt = z.string().trim().min(1).max(120);

export const MeasureDecisionSchema = z.object({
  /** The planned measure's id ("1", "2", … in plan order). */
  planMeasureId: z.string().min(1),
  /** Excerpt of the plan cell naming the planned measure. */
  plan: Excerpt,
  /** Excerpts of the actual cell: the figure that answers; several = parts compared by their sum; [] = „brak”. */
  answer: z.array(Excerpt).max(10),
  basis: PairingBasisSchema,
  /** Required for „brak”: why the report gives no figure for this measure. */
  reason: z.string().min(1).max(400).optional(),
  /** „do sprawdzenia”: the document is ambiguous; MOPS settles the pair in review. */
  review: z.literal('do sprawdzenia').optional(),
  note: z.string().max(400).optional(),
}).refine((d) => d.answer.length > 0 || d.reason, { error: '„brak” bez powodu', path: ['reason'] });
export type MeasureDecision = z.infer<typeof MeasureDecisionSchema>;

export const ActivityPairingSchema = z.object({
  activityId: z.string(),
  /** The activity's line range in the source document. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** One decision per planned measure. */
  measures: z.array(MeasureDecisionSchema),
  /** „w tym” figures and the total they belong to, both as excerpts of the actual cell. */
  subsets: z.array(z.object({ figure: Excerpt, of: Excerpt })).optional(),
});
export type ActivityPairing = z.infer<typeof ActivityPairingSchema>;

export const PairingFileSchema = z.object({
  source: z.string(),
  year: z.number().int(),
  activities: z.array(ActivityPairingSchema),
});
export type PairingFile = z.infer<typeof PairingFileSchema>;
