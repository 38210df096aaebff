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
