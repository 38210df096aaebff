import { z } from 'zod';
import { isMeasureKind } from './kinds.ts';

/**
 * Ceiling of a measure value: no activity of a city's program reaches a billion of anything
 * (Kraków's 2024 report peaks at 375 000), so anything above is a typo or an attack, not a figure.
 */
export const MAX_MEASURE_VALUE = 1_000_000_000;

/** A non-negative finite amount (counts, hours, posts: "15,48 etatu"). */
export const MeasureValueSchema = z
  .number({ error: 'wartość musi być liczbą' })
  .finite('wartość musi być liczbą skończoną')
  .nonnegative('wartość nie może być ujemna')
  .max(MAX_MEASURE_VALUE, 'wartość miary może wynosić najwyżej 1 000 000 000');

/**
 * One measure of an indicator: "200 uczestników" → { kind: 'uczestnik', value: 200 }.
 * `qualifier` tells apart measures of the same kind in one cell ("godzin usług", "gra terenowa").
 */
export const MeasureSchema = z.object({
  /** Lemma of the measure word, from the vocabulary in kinds.ts. */
  // bounded before the refine, whose message quotes the input
  kind: z.string().max(60, 'rodzaj miary może mieć najwyżej 60 znaków')
    .refine(isMeasureKind, { error: (i) => `nieznany rodzaj miary: ${String(i.input)}` }),
  qualifier: z.string().trim().max(200, 'doprecyzowanie miary może mieć najwyżej 200 znaków').optional(),
  value: MeasureValueSchema,
});
export type Measure = z.infer<typeof MeasureSchema>;

/** The identity used to compare a plan measure with an actual one: like with like. */
export function measureKey(m: Pick<Measure, 'kind' | 'qualifier'>): string {
  return m.qualifier ? `${m.kind}|${m.qualifier.toLocaleLowerCase('pl')}` : m.kind;
}
