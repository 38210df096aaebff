import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';
import { isMeasureKind } from './kinds.ts';
import { measureValueProblem } from './measureValue.ts';

/**
 * Ceiling of a measure value: no activity of a city's program reaches a billion of anything
 * (Kraków's 2024 report peaks at 375 000), so anything above is a typo or an attack, not a figure.
 */
export const MAX_MEASURE_VALUE = 1_000_000_000;

/** A non-negative finite amount (counts, hours, posts: "15,48 etatu"). */
export const MeasureValueSchema = z
  .number({ error: MSG.schema.valueNotNumber })
  .finite(MSG.schema.valueNotFinite)
  .nonnegative(MSG.schema.valueNegative)
  .max(MAX_MEASURE_VALUE, MSG.schema.valueTooLarge(MAX_MEASURE_VALUE));

/**
 * One measure of an indicator: "200 uczestników" → { kind: 'uczestnik', value: 200 }.
 * `qualifier` tells apart measures of the same kind in one cell ("godzin usług", "gra terenowa").
 */
export const MeasureSchema = z.object({
  /** Lemma of the measure word, from the vocabulary in kinds.ts. */
  // bounded before the refine, whose message quotes the input
  kind: z.string().max(60, MSG.schema.kindTooLong(60))
    .refine(isMeasureKind, { error: (i) => MSG.schema.unknownMeasureKind(String(i.input)) }),
  qualifier: z.string().trim().max(200, MSG.schema.qualifierTooLong(200)).optional(),
  value: MeasureValueSchema,
}).superRefine((m, ctx) => {
  // Counts of discrete things are whole; the vocabulary declares the fractional kinds.
  const problem = isMeasureKind(m.kind) && measureValueProblem(m.kind, m.value);
  if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem, input: m.value });
});
export type Measure = z.infer<typeof MeasureSchema>;

/** The identity used to compare a plan measure with an actual one: like with like. */
export function measureKey(m: Pick<Measure, 'kind' | 'qualifier'>): string {
  return m.qualifier ? `${m.kind}|${m.qualifier.toLocaleLowerCase('pl')}` : m.kind;
}

/** The measure a measureKey names ("godzina|usług" → { kind: 'godzina', qualifier: 'usług' }): kinds never contain "|". */
export function measureRefOfKey(key: string): { kind: string; qualifier: string | null } {
  const at = key.indexOf('|');
  return at < 0 ? { kind: key, qualifier: null } : { kind: key.slice(0, at), qualifier: key.slice(at + 1) || null };
}

/**
 * A planned measure's id, stable within its activity and year ("1", "2", … in plan order when the
 * plan is set). Actual figures point at it, so a figure answers exactly one planned measure.
 */
export const PlanMeasureIdSchema = z.string().trim().min(1, MSG.schema.planMeasureIdEmpty).max(20, MSG.schema.planMeasureIdTooLong(20));
export type PlanMeasureId = z.infer<typeof PlanMeasureIdSchema>;

/** A planned measure: "24 zajęcia", with its id. */
export const PlanMeasureSchema = MeasureSchema.extend({ id: PlanMeasureIdSchema });
export type PlanMeasure = z.infer<typeof PlanMeasureSchema>;

/**
 * One reported figure.
 * - `planMeasureId`: the id of the planned measure it answers; `null`: a figure beyond the plan
 *   („poza planem”), stated so; absent: not stated (reports saved before pairing was explicit, or
 *   an API client that does not say), paired by the shared lemma rule (measures/pairFigures.ts).
 *   Several figures answering one planned measure are parts: the planned measure is compared with
 *   their sum, which whoever paired them chose; each part stays a figure of its own.
 * - `subsets`: „w tym” figures of this one ("1 287 dzieci, w tym 449 …"): shown with it, never
 *   compared with a plan and never added to any total.
 */
export const ActualFigureSchema = MeasureSchema.extend({
  planMeasureId: PlanMeasureIdSchema.nullable().optional(),
  subsets: z.array(MeasureSchema).max(10, MSG.schema.tooManySubsets).optional(),
});
export type ActualFigure = z.infer<typeof ActualFigureSchema>;

/** Gives plan measures without an id the id of their position ("1", "2", …); ids already set stay. */
export function withPlanMeasureIds<M extends Measure & { id?: string }>(measures: readonly M[]): (M & { id: string })[] {
  const taken = new Set(measures.flatMap((m) => (m.id ? [m.id] : [])));
  let next = 1;
  return measures.map((m) => {
    if (m.id) return m as M & { id: string };
    while (taken.has(String(next))) next++;
    taken.add(String(next));
    return { ...m, id: String(next) };
  });
}
