import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/contracts.ts';
import type { ReviewComment } from '../api/reviewContracts.ts';
import { withPlanMeasureIds } from '../measures/schema.ts';
import { DEFAULT_VARIANCE_POLICY } from '../variance/policy.ts';
import { columnIndex } from './layout.ts';
import { buildSheetRows, readSheetRows } from './rows.ts';
import { FEEDBACK_CELL_MAX, FEEDBACK_OPEN_MARK, feedbackOpenCondition, reviewerFeedback } from './feedback.ts';

const comment = (over: Partial<ReviewComment>): ReviewComment => ({
  id: 1, activityId: 'I.1-01', measureKey: null, text: 'Proszę podać liczbę uczestników.', by: 'Anna Weryfikator', at: '2026-11-12T13:05:00Z',
  version: 3, status: 'open', resolvedVersion: null, replies: [], ...over,
});

const assignment = (id: string, measures: { kind: string; value: number }[]): Assignment => ({
  activity: { id, taskCode: 'I.1', subsection: null, name: `Działanie ${id}`, responsibleUnits: [{ orgUnitCode: 'MOPS/PRZ/08', role: 'reporting' }] },
  plan: { kind: 'target', measures: withPlanMeasureIds(measures) },
  role: 'reporting',
});

describe('reviewerFeedback', () => {
  it('writes an open comment in full: marked, who and when in Kraków time, the measure, the text and the unit’s answer', () => {
    const cell = reviewerFeedback([comment({ measureKey: 'uczestnik', replies: [{ text: 'Poprawimy do piątku.', by: 'Jan Jednostka', at: '2026-11-13T08:00:00Z', fromUnit: true }] })], 'returned').get('I.1-01')!;
    expect(cell.split('\n')).toEqual([
      `${FEEDBACK_OPEN_MARK} Uwaga weryfikatora — otwarta`,
      'Anna Weryfikator, 12 listopada 2026, 14:05 (do wersji 3)',
      'Dotyczy miary: uczestnicy',
      'Proszę podać liczbę uczestników.',
      '↳ Jan Jednostka, 13 listopada 2026, 09:00: Poprawimy do piątku.',
    ]);
  });

  it('says „nadal otwarta” once handed in again without a change, and keeps a resolved comment to one quiet line after the open ones', () => {
    const cells = reviewerFeedback([
      comment({ id: 1, status: 'resolved', resolvedVersion: 5, text: 'Brak kwoty.' }),
      comment({ id: 2, text: 'Opis zakresu jest pusty.' }),
      comment({ id: 3, activityId: 'I.1-02', status: 'resolved', resolvedVersion: 5, text: 'x'.repeat(300) }),
    ], 'submitted');
    const first = cells.get('I.1-01')!;
    expect(first.startsWith(`${FEEDBACK_OPEN_MARK} Uwaga weryfikatora — nadal otwarta`)).toBe(true);
    expect(first.endsWith('\n\n✓ Uwaga rozwiązana (poprawiono w wersji 5): Brak kwoty.')).toBe(true);
    // only resolved: no mark, so no highlight; the text cut short on its line
    const second = cells.get('I.1-02')!;
    expect(second.startsWith('✓ ')).toBe(true);
    expect(second.split('\n')).toHaveLength(1);
    expect(second.length).toBeLessThan(150);
  });

  it('says who settled a comment on the unit’s answer, as the pane does', () => {
    const cell = reviewerFeedback([comment({ status: 'resolved', resolvedVersion: 6, resolvedBy: 'Anna Weryfikator' })], 'accepted').get('I.1-01')!;
    expect(cell).toBe('✓ Uwaga rozwiązana — Anna Weryfikator uznał(a) odpowiedź za wystarczającą (wersja 6): Proszę podać liczbę uczestników.');
  });

  it('bounds a cell of many long comments, with a note sending the clerk to the pane', () => {
    const many = Array.from({ length: 40 }, (_, i) => comment({ id: i + 1, text: `${i} ${'długa uwaga '.repeat(160)}` }));
    const cell = reviewerFeedback(many, 'returned').get('I.1-01')!;
    expect(cell.length).toBeLessThanOrEqual(FEEDBACK_CELL_MAX);
    expect(cell.endsWith('Dalszy ciąg w panelu pwr-sync („Uwagi weryfikatora do działań”).')).toBe(true);
  });

  it('keeps a comment that looks like a formula as the text the reviewer wrote', () => {
    const cell = reviewerFeedback([comment({ text: '=HYPERLINK("http://x";"klik")' })], 'returned').get('I.1-01')!;
    expect(cell).toContain('=HYPERLINK("http://x";"klik")');
    expect(cell.startsWith('=')).toBe(false);
  });

  it('keys the highlight on the mark in the feedback column', () => {
    expect(feedbackOpenCondition()).toBe(`LEFT($S2,1)="${FEEDBACK_OPEN_MARK}"`);
  });
});

describe('the feedback column in the unit sheet rows', () => {
  const assignments = [assignment('I.1-01', [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 200 }]), assignment('I.1-02', [{ kind: 'rodzina', value: 5 }])];
  const feedback = reviewerFeedback([comment({})], 'returned');
  const rows = buildSheetRows(assignments, [], DEFAULT_VARIANCE_POLICY, { feedback });
  const at = columnIndex('reviewComments');

  it('lands at the activity’s first line only', () => {
    expect(rows.map((r) => r[at] === null ? null : String(r[at]).slice(0, 1))).toEqual([FEEDBACK_OPEN_MARK, null, null]);
  });

  it('is never read back as the unit’s input, and a row without the column (an older sheet) reads the same', () => {
    const typed = rows.map((r) => r.slice());
    typed[0]![columnIndex('status')] = 'zrealizowane';
    typed[0]![columnIndex('actual')] = 18;
    const read = readSheetRows(typed, assignments);
    const old = readSheetRows(typed.map((r) => r.slice(0, at)), assignments);
    expect(read.problems).toEqual([]);
    expect(read.entries[0]).toMatchObject({ activityId: 'I.1-01', status: 'realized', comment: '' });
    expect(old).toEqual(read);
    expect(JSON.stringify(read.entries)).not.toContain('Proszę podać');
  });
});
