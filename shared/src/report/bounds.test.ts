/**
 * Every free text and every count a client sends is bounded, with a Polish reason at the field's path:
 * an unbounded field is stored in every version of a report, so a 900 KB money text or a 1e300 count
 * would be kept forever.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConsolidatedQuerySchema, SaveReportRequestSchema } from '../api/contracts.ts';
import { ReturnRequestSchema } from '../api/reviewContracts.ts';
import { MAX_MEASURE_VALUE } from '../measures/schema.ts';
import type { ReportEntry } from './schema.ts';

const entry = (extra: Record<string, unknown> = {}, actual: Record<string, unknown> = {}): Record<string, unknown> => ({
  activityId: 'I.1-02', status: 'realized', actual: { measures: [{ kind: 'godzina', value: 3000 }], ...actual }, moneySpent: [], comment: '', ...extra,
});
const save = (e: Record<string, unknown>, baseVersion: unknown = 0) => SaveReportRequestSchema.safeParse({ baseVersion, entries: [e] });
/** The first problem as "path: message". */
function problem(r: z.ZodSafeParseResult<unknown>): string {
  expect(r.success).toBe(false);
  const i = r.error!.issues[0]!;
  return `${i.path.join('.')}: ${i.message}`;
}

describe('bounds of a saved report', () => {
  it('accepts a real entry at the limits', () => {
    const atLimits = entry(
      { moneySpent: [1, 2], moneyText: Array(2).fill('2 000 750,00 zł'.padEnd(100, ' ')), comment: 'k'.repeat(2000) },
      { text: 't'.repeat(4000), measures: [{ kind: 'godzina', value: MAX_MEASURE_VALUE }] },
    );
    const r = save(atLimits);
    expect(r.success).toBe(true);
    expect((r.data!.entries[0] as ReportEntry).moneyText).toHaveLength(2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a 900 KB money text', entry({ moneyText: ['1'.repeat(900_000)] }), 'entries.0.moneyText.0: kwota zapisana tekstem może mieć najwyżej 100 znaków'],
    ['three money texts', entry({ moneyText: Array(3).fill('1 zł') }), 'entries.0.moneyText: działanie może mieć najwyżej 2 kwoty zapisane tekstem'],
    ['three amounts (the sheet, the template and the form hold two)', entry({ moneySpent: [1, 2, 3] }), 'entries.0.moneySpent: działanie może mieć najwyżej 2 kwoty wydatków'],
    ['a count of 1e300', entry({}, { measures: [{ kind: 'godzina', value: 1e300 }] }), 'entries.0.actual.measures.0.value: wartość miary może wynosić najwyżej 1\u00a0000\u00a0000\u00a0000'],
    ['a count just above the ceiling', entry({}, { measures: [{ kind: 'godzina', value: MAX_MEASURE_VALUE + 1 }] }), 'entries.0.actual.measures.0.value: wartość miary może wynosić najwyżej 1\u00a0000\u00a0000\u00a0000'],
    ['31 measures', entry({}, { measures: Array(31).fill({ kind: 'godzina', value: 1 }) }), 'entries.0.actual.measures: działanie może mieć najwyżej 30 miar'],
    ['a 1 MB measure kind (not echoed back)', entry({}, { measures: [{ kind: 'x'.repeat(1_000_000), value: 1 }] }), 'entries.0.actual.measures.0.kind: rodzaj miary może mieć najwyżej 60 znaków'],
    ['a long qualifier', entry({}, { measures: [{ kind: 'godzina', value: 1, qualifier: 'q'.repeat(201) }] }), 'entries.0.actual.measures.0.qualifier: opis miary może mieć najwyżej 200 znaków'],
    ['a long actual text', entry({}, { text: 't'.repeat(4001) }), 'entries.0.actual.text: tekst może mieć najwyżej 4\u00a0000 znaków'],
    ['a long comment', entry({ comment: 'k'.repeat(2001) }), 'entries.0.comment: komentarz może mieć najwyżej 2\u00a0000 znaków'],
    ['money of ten billion złoty', entry({ moneySpent: [1e12] }), 'entries.0.moneySpent.0: kwota jest nierealnie duża'],
  ])('refuses %s, naming the field in Polish', (_, e, expected) => {
    expect(problem(save(e))).toBe(expected);
  });

  it('refuses 1001 entries and a base version of 1e300', () => {
    const many = SaveReportRequestSchema.safeParse({ baseVersion: 0, entries: Array(1001).fill(entry()) });
    expect(problem(many)).toBe('entries: sprawozdanie może mieć najwyżej 1\u00a0000 pozycji');
    expect(save(entry(), 1e300).success).toBe(false);
  });

  it('bounds a reviewer\'s reason and the consolidated filters', () => {
    expect(problem(ReturnRequestSchema.safeParse({ comment: 'p'.repeat(2001) }))).toBe('comment: komentarz dla jednostki może mieć najwyżej 2\u00a0000 znaków');
    expect(problem(ConsolidatedQuerySchema.safeParse({ unit: 'A,'.repeat(1001) }))).toBe('unit: filtr jednostki może mieć najwyżej 2\u00a0000 znaków');
    expect(problem(ConsolidatedQuerySchema.safeParse({ ratioBelow: '1e300' }))).toBe('ratioBelow: próg wykonania może wynosić najwyżej 1\u00a0000 (100\u00a0000\u00a0%)');
  });
});
