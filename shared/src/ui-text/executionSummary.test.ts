import { describe, expect, it } from 'vitest';
import type { ConsolidatedRow } from '../api/contracts.ts';
import { activitySentence, executionSentence, summarizeExecution } from './executionSummary.ts';
import { formatPercent } from '../format/percent.ts';
import { counted, NOUN } from '../messages/index.ts';

const NB = '\u00a0';

describe('executionSentence', () => {
  it.each([
    [{ kind: 'spotkanie', plan: 10, actual: 4 }, `Zrealizowano 4 z 10 planowanych spotkań (40${NB}%)`],
    [{ kind: 'spotkanie', plan: 2, actual: 2 }, `Zrealizowano 2 z 2 planowanych spotkań (100${NB}%)`],
    [{ kind: 'spotkanie', plan: 22, actual: 5 }, `Zrealizowano 5 z 22 planowanych spotkań (22,7${NB}%)`],
    [{ kind: 'uczestnik', plan: 200, actual: 82 }, `Zrealizowano 82 z 200 planowanych uczestników (41${NB}%)`],
    [{ kind: 'rodzina', plan: 5, actual: 7 }, `Zrealizowano 7 z 5 planowanych rodzin (140${NB}%)`],
    [{ kind: 'usługa', plan: 10900, actual: 10801, qualifier: 'poradnictwa rodzinnego' }, `Zrealizowano 10${NB}801 z 10${NB}900 planowanych usług poradnictwa rodzinnego (99,1${NB}%)`],
    [{ kind: 'spotkanie', plan: 1, actual: 0 }, `Zrealizowano 0 z planu: 1 spotkanie (0${NB}%)`],
    [{ kind: 'etat', plan: 15.48, actual: 12 }, `Zrealizowano 12 z planu: 15,48 etatu (77,5${NB}%)`],
    [{ kind: 'spotkanie', plan: 0, actual: 3 }, 'Zrealizowano 3 z 0 planowanych spotkań'],
    [{ kind: 'spektakl', plan: null, actual: 20 }, 'Wykonano 20 spektakli (bez celu w planie)'],
    [{ kind: 'spotkanie', plan: 10, actual: null, band: 'not_realized' as const }, 'Nie zrealizowano — plan: 10 spotkań'],
    [{ kind: 'spotkanie', plan: 4, actual: null, band: null }, 'Jeszcze nie uzupełniono — plan: 4 spotkania'],
    [{ kind: 'spotkanie', plan: 4, actual: null, band: 'no_data' as const }, 'Brak danych: nie podano wykonania — plan: 4 spotkania'],
    [{ kind: 'nieznane', plan: 3, actual: 1 }, `Zrealizowano 1 z 3 planowanych nieznane (33,3${NB}%)`],
  ])('%j → %s', (fact, expected) => {
    expect(executionSentence(fact)).toBe(expected);
  });
});

it('formats percentages and counts the Polish way', () => {
  expect(formatPercent(0.4)).toBe(`40${NB}%`);
  expect(formatPercent(12.345)).toBe(`1${NB}234,5${NB}%`);
  expect([1, 2, 5, 12, 22, 25].map((n) => counted(n, NOUN.activity))).toEqual([
    '1 działanie', '2 działania', '5 działań', '12 działań', '22 działania', '25 działań',
  ]);
});

const row = (over: Partial<ConsolidatedRow>): ConsolidatedRow => ({
  year: 2024, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: 'I.1-01', activityName: 'Grupy wsparcia',
  orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08', lineRole: 'planned', planMeasureId: '1', measureKind: 'spotkanie', qualifier: null, plan: 20, actual: 4,
  difference: -16, ratio: 0.2, band: 'far_below', status: 'realized', moneySpent: null, comment: '', planText: null, actualText: null, scopeDescription: null,
  version: 1, savedBy: null, savedAt: null, ...over,
});

describe('activitySentence and summarizeExecution', () => {
  it('joins an activity\'s measures into one sentence', () => {
    expect(activitySentence([row({}), row({ measureKind: 'uczestnik', plan: 200, actual: 82, ratio: 0.41, band: 'below' })]))
      .toBe(`Zrealizowano 4 z 20 planowanych spotkań (20${NB}%); zrealizowano 82 z 200 planowanych uczestników (41${NB}%).`);
    expect(activitySentence([row({ measureKind: null, plan: null, actual: null, ratio: null, band: 'not_realized', status: 'cancelled' })])).toBe('Status: odwołane.');
    expect(activitySentence([row({ measureKind: null, plan: null, actual: null, ratio: null, band: null, status: null })])).toBe('Jeszcze nie uzupełniono.');
  });

  it('summarises a filtered set: headline, bands, totals of like measures, one line per activity', () => {
    const rows = [
      row({}),
      row({ activityId: 'I.1-02', plan: 10, actual: 6, ratio: 0.6, band: 'below' }),
      row({ activityId: 'I.1-02', measureKind: 'uczestnik', plan: 100, actual: 100, ratio: 1, band: 'on_plan' }),
    ];
    const s = summarizeExecution(rows);
    expect(s.headline).toBe('Wybrano 2 działania (3 wiersze).');
    expect(s.bands).toBe('znacznie poniżej planu: 1 · poniżej planu: 1 · zgodnie z planem: 1');
    expect(s.totals).toEqual([`Zrealizowano 10 z 30 planowanych spotkań (33,3${NB}%) — łącznie w 2 działaniach.`]);
    expect(s.activities.map((a) => a.activityId)).toEqual(['I.1-01', 'I.1-02']);
    expect(summarizeExecution([]).headline).toBe('Żaden wiersz nie spełnia wybranych warunków.');
  });
});
