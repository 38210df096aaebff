import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConsolidatedQuerySchema, SaveReportRequestSchema } from '../api/contracts.ts';
import { CommentReplyRequestSchema, ReturnRequestSchema } from '../api/reviewContracts.ts';
import { VarianceBandSchema } from '../variance/policy.ts';
import { describeIssue } from './zodIssue.ts';

const first = <S extends z.ZodType>(schema: S, input: unknown, allowedKeys?: string[]) => {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error('expected a refusal');
  return describeIssue(r.error.issues[0]!, { allowedKeys });
};

describe('zod issues in Polish, naming the field and what to do', () => {
  it('a return without a comment asks for the comment', () => {
    expect(first(ReturnRequestSchema, {})).toBe('Podaj komentarz dla jednostki — uwagę do co najmniej jednego działania albo uwagę ogólną: napisz, co ma poprawić.');
    expect(first(ReturnRequestSchema, { comment: '   ' })).toBe('Podaj komentarz dla jednostki — uwagę do co najmniej jednego działania albo uwagę ogólną: napisz, co ma poprawić.');
  });

  it('names a return\'s comments, an answer and a reason on a unit\'s behalf in Polish, with the comment\'s position', () => {
    expect(first(ReturnRequestSchema, { comments: [{ activityId: 'I.1-01', text: 'a' }, { activityId: 'I.1-02', text: 'x'.repeat(2001) }] }))
      .toBe('Uwaga 2: pole „treść uwagi” może mieć najwyżej 2\u00a0000 znaków — skróć tekst.');
    expect(first(ReturnRequestSchema, { comments: [{ activityId: 'I.1-01', text: 'a', measureKey: 'y'.repeat(201) }] }))
      .toBe('Uwaga 1: pole „miara, której dotyczy uwaga” może mieć najwyżej 200 znaków — skróć tekst.');
    expect(first(ReturnRequestSchema, { comment: 'a', comments: 'x' })).toBe('Pole „uwagi do działań” musi być listą.');
    expect(first(CommentReplyRequestSchema, {})).toBe('Uzupełnij pole „treść odpowiedzi”.');
    expect(first(SaveReportRequestSchema, { baseVersion: 0, entries: [], onBehalfReason: 'x'.repeat(501) }))
      .toBe('Pole „powód zmiany w imieniu jednostki” może mieć najwyżej 500 znaków — skróć tekst.');
  });

  it('names nested fields and the position in a long report', () => {
    const entry = { activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'uczestnik', value: 'dużo' }] }, comment: '' };
    expect(first(SaveReportRequestSchema, { baseVersion: 0, entries: [entry] })).toBe('Pozycja 1: pole „wartość miary” musi być liczbą, np. „12” albo „0,5”.');
    expect(first(SaveReportRequestSchema, { entries: [] })).toBe('Uzupełnij pole „wersja bazowa”.');
    expect(first(SaveReportRequestSchema, { baseVersion: 1.5, entries: [] })).toBe('Pole „wersja bazowa” musi być liczbą całkowitą.');
  });

  it('a fractional count is refused, a fractional kind is not', () => {
    const entry = (kind: string, value: number) => ({ activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind, value }] }, comment: '' });
    expect(first(SaveReportRequestSchema, { baseVersion: 0, entries: [entry('uczestnik', 1.234)] })).toBe('Pozycja 1: pole „wartość miary”: liczba uczestników musi być całkowita');
    expect(SaveReportRequestSchema.safeParse({ baseVersion: 0, entries: [entry('godzina', 4877.29)] }).success).toBe(true);
  });

  it('an unknown value lists the allowed ones', () => {
    expect(first(z.object({ band: VarianceBandSchema }), { band: 'bad' })).toBe(
      'Pole „ocena (band)”: nieznana wartość „bad” — dozwolone: far_below, below, on_plan, far_above, not_realized, no_target, no_data.');
  });

  it('an unknown key names the allowed ones', () => {
    expect(first(ConsolidatedQuerySchema.strict(), { colour: 'red' }, ['area', 'band'])).toBe('Nieznane pole „colour” — usuń je z żądania. Dozwolone pola: area, band.');
  });

  it('too long text counts characters in Polish', () => {
    expect(first(ReturnRequestSchema, { comment: 'x'.repeat(2001) })).toBe('Pole „komentarz dla jednostki” może mieć najwyżej 2\u00a0000 znaków — skróć tekst.');
  });
});
