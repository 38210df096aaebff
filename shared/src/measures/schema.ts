import { z } from 'zod';
import { isMeasureKind } from './kinds.ts';

/** A non-negative finite amount (counts, hours, posts: "15,48 etatu"). */
export const MeasureValueSchema = z
  .number({ error: 'wartość musi być liczbą' })
  .finite('wartość musi być liczbą skończoną')
  .nonnegative('wartość nie może być ujemna');

/**
 * One measure of an indicator: "200 uczestników" → { kind: 'uczestnik', value: 200 }.
 * `qualifier` tells apart measures of the same kind in one cell ("godzin usług", "gra terenowa").
 */
export const MeasureSchema = z.object({
  /** Lemma of the measure word, from the vocabulary in kinds.ts. */
  kind: z.string().refine(isMeasureKind, { error: (i) => `nieznany rodzaj miary: ${String(i.input)}` }),
  qualifier: z.string().trim().max(200).optional(),
  value: MeasureValueSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

/** The identity used to compare a plan measure with an actual one: like with like. */
export function measureKey(m: Pick<Measure, 'kind' | 'qualifier'>): string {
  return m.qualifier ? `${m.kind}|${m.qualifier.toLocaleLowerCase('pl')}` : m.kind;
}
