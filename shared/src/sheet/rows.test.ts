import { describe, expect, it } from 'vitest';
import type { Assignment } from '../api/contracts.ts';
import type { ReportEntry } from '../report/schema.ts';
import { withPlanMeasureIds } from '../measures/schema.ts';
import { DEFAULT_VARIANCE_POLICY } from '../variance/policy.ts';
import { columnIndex } from './layout.ts';
import { buildSheetRows, readSheetRows, type SheetCell } from './rows.ts';

const assignment = (id: string, measures: { kind: string; value: number; qualifier?: string }[], role: Assignment['role'] = 'reporting'): Assignment => ({
  activity: { id, taskCode: 'I.1', subsection: null, name: `Działanie ${id}`, responsibleUnits: [{ orgUnitCode: 'MOPS/PRZ/08', role: 'reporting' }] },
  plan: measures.length ? { kind: 'target', measures: withPlanMeasureIds(measures) } : { kind: 'new_activity', measures: [], sinceYear: 2024 },
  role,
});

const assignments: Assignment[] = [
  assignment('I.1-01', [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 200 }]),
  assignment('I.1-02', [{ kind: 'rodzina', value: 605 }]),
  assignment('I.1-03', []),
  assignment('I.1-04', [{ kind: 'godzina', value: 10 }], 'contributing'),
];

const entries: ReportEntry[] = [
  { activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'uczestnik', value: 82, planMeasureId: '2' }] }, moneySpent: [200_075_000], comment: 'mniej chętnych' },
  { activityId: 'I.1-02', status: 'not_realized', actual: { measures: [] }, moneySpent: [], comment: 'brak wykonawcy' },
  { activityId: 'I.1-03', status: 'realized', actual: { measures: [{ kind: 'spektakl', value: 20, planMeasureId: null }] }, moneySpent: [], comment: '' },
];

const c = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);

describe('buildSheetRows', () => {
  const rows = buildSheetRows(assignments, entries, DEFAULT_VARIANCE_POLICY);

  it('gives one row per planned measure, its kind as the plural label, and skips activities the unit only contributes to', () => {
    expect(rows.map((r) => [r[c('activityId')], r[c('line')], r[c('measureKind')]])).toEqual([
      ['I.1-01', 1, 'spotkania'], ['I.1-01', 2, 'uczestnicy'], ['I.1-02', 1, 'rodziny'], ['I.1-03', 1, 'spektakle'],
    ]);
  });

  it('reads a measure kind typed as the label, the lemma or an inflected form back to the lemma', () => {
    for (const typed of ['uczestnicy', 'uczestnik', 'Uczestników']) {
      const edited = rows.map((r) => [...r]);
      const extra = edited.findIndex((r) => r[c('activityId')] === 'I.1-03');
      edited[extra]![c('measureKind')] = typed;
      const back = readSheetRows(edited, assignments);
      expect(back.problems, typed).toEqual([]);
      expect(back.entries.find((e) => e.activityId === 'I.1-03')!.actual.measures[0]!.kind, typed).toBe('uczestnik');
    }
    const youth = rows.map((r) => [...r]);
    youth[youth.findIndex((r) => r[c('activityId')] === 'I.1-03')]![c('measureKind')] = 'młodzież (osoby)';
    expect(readSheetRows(youth, assignments).entries.find((e) => e.activityId === 'I.1-03')!.actual.measures[0]!.kind).toBe('młodzież');
  });

  it('fills variance and puts activity-level inputs on the first line only', () => {
    const [first, second] = rows;
    expect(first![c('ratio')]).toBeCloseTo(0.2);
    expect(first![c('band')]).toBe('znacznie poniżej planu');
    expect(first![c('status')]).toBe('zrealizowane');
    expect(first![c('moneySpent')]).toBe(2_000_750);
    expect(second![c('status')]).toBeNull();
    expect(rows[2]![c('band')]).toBe('niezrealizowane');
    expect(rows[3]![c('band')]).toBe('brak celu');
  });

  it('a planned row carries its plan measure id; a measure added beyond the plan is marked as extra', () => {
    expect(rows.map((r) => r[c('measureKey')])).toEqual(['1', '2', '1', '+spektakl']);
  });

  it('a row of a sheet prepared before plan measures had ids states no pairing, so the lemma rule pairs it', () => {
    const old = buildSheetRows(assignments, entries, DEFAULT_VARIANCE_POLICY);
    old[0]![c('measureKey')] = 'spotkanie';
    const { entries: back } = readSheetRows(old, assignments);
    expect(back[0]!.actual.measures[0]).toEqual({ kind: 'spotkanie', value: 4 });
  });
});

describe('readSheetRows', () => {
  it('reads back what it built, whatever the row order', () => {
    const rows = buildSheetRows(assignments, entries, DEFAULT_VARIANCE_POLICY).reverse();
    const { entries: back, problems } = readSheetRows(rows, assignments);
    expect(problems).toEqual([]);
    expect(back.sort((a, b) => a.activityId.localeCompare(b.activityId))).toEqual(entries);
  });

  it('accepts numbers pasted as Polish text', () => {
    const rows = buildSheetRows(assignments, [], DEFAULT_VARIANCE_POLICY);
    rows[1]![c('actual')] = '1 234';
    rows[0]![c('moneySpent')] = '2 000 750,00 zł';
    rows[0]![c('status')] = 'zrealizowane';
    const { entries: back, problems } = readSheetRows(rows, assignments);
    expect(problems).toEqual([]);
    expect(back[0]).toMatchObject({ status: 'realized', moneySpent: [200_075_000], actual: { measures: [{ kind: 'uczestnik', value: 1234 }] } });
  });

  it.each<[string, SheetCell, string]>([
    ['negative', -3, 'ujemna'],
    ['text', 'dużo', ''],
    ['ambiguous dot', '1.234', 'niejednoznaczny'],
    ['boolean', true, 'PRAWDA/FAŁSZ'],
    ['a count with a decimal comma', '1,234', '„1,234” — liczba spotkań musi być całkowita. Jeśli chodziło o tysiące, oddziel je spacją: „1 234”.'],
    ['a fractional count typed as a number', 2.5, 'liczba spotkań musi być całkowita'],
  ])('a %s actual is a problem naming the column, and is left out', (_, value, reason) => {
    const rows = buildSheetRows(assignments, [], DEFAULT_VARIANCE_POLICY);
    rows[0]![c('actual')] = value;
    const { entries: back, problems } = readSheetRows(rows, assignments);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ rowIndex: 0, column: 'actual', activityId: 'I.1-01' });
    expect(problems[0]!.message).toMatch(/^Wykonanie: /);
    expect(problems[0]!.message).toContain(reason);
    expect(back[0]!.actual.measures).toEqual([]);
  });

  it('refuses rows of activities the unit does not report, unknown statuses and inputs on later lines', () => {
    const rows = buildSheetRows(assignments, entries, DEFAULT_VARIANCE_POLICY);
    rows.push(['I.1-04', 'godzina', 1, 'I.1', 'x', 'godzina', null, 10, 5, null, null, null, null, null, null]);
    rows[0]![c('status')] = 'prawie zrobione';
    rows[1]![c('comment')] = 'tu nie';
    const { problems } = readSheetRows(rows, assignments);
    expect(problems.map((p) => p.message)).toEqual([
      'działanie I.1-04 nie jest sprawozdawane przez tę jednostkę',
      'Status: nieznany status „prawie zrobione” — wybierz z listy',
      'Komentarz / wyjaśnienie: wpisz w pierwszym wierszu działania I.1-01',
    ]);
  });

  it('an actual without a measure kind asks the user to pick one', () => {
    const rows = buildSheetRows([assignment('I.1-05', [])], [], DEFAULT_VARIANCE_POLICY);
    rows[0]![c('actual')] = 12;
    const { problems } = readSheetRows(rows, [assignment('I.1-05', [])]);
    expect(problems[0]!.message).toBe('Miara: wybierz rodzaj miary dla wykonania');
  });
});
