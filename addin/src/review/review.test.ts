import { describe, expect, it } from 'vitest';
import { HistorySchema, filterConsolidatedRows } from '@pwr-sync/shared';
import { makeConsolidatedRows } from '../excel/testing/reviewFixtures.ts';
import { executionByGroup, bandsPresent } from './chart.ts';
import { EMPTY_FILTER, isEmptyFilter, parseThresholdPercent, toColumnFilters, toConsolidatedFilter } from './filters.ts';
import { activityHistory, changeText, workflowLines } from './history.ts';

describe('parseThresholdPercent', () => {
  it.each([
    ['80', 0.8], ['80 %', 0.8], ['80%', 0.8], ['87,5', 0.875], ['150', 1.5], ['0', 0], [' 1 000 ', 10],
  ])('%s → %d', (text, ratio) => {
    expect(parseThresholdPercent(text)).toEqual({ ok: true, value: ratio });
  });
  it.each([
    ['', /^pusta wartość — wpisz liczbę$/],
    ['abc', /niedozwolone znaki w „abc”/],
    ['0.8', /kropka w „0\.8” — część dziesiętną oddziel przecinkiem/],
    ['-5', /wartość ujemna „-5”/],
    ['20000', /^próg powyżej 10\u00a0000\u00a0% — wpisz procent, np\. „80”$/],
  ])('rejects %j with a Polish reason', (text, reason) => {
    const r = parseThresholdPercent(text);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});

describe('filters', () => {
  const rows = makeConsolidatedRows(200);

  it('maps every pane filter to the shared filter', () => {
    expect(toConsolidatedFilter(EMPTY_FILTER)).toEqual({});
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(toConsolidatedFilter({ bands: ['below'], execution: { direction: 'above', ratio: 1.2 }, areas: ['II'], tasks: ['II.1'], units: ['BK'], statuses: ['realized'], withMoney: true }))
      .toEqual({ bands: ['below'], ratioAbove: 1.2, areas: ['II'], tasks: ['II.1'], units: ['BK'], statuses: ['realized'], withMoney: true });
  });

  it('writes Excel criteria in invariant numbers and hides everything for an impossible activity set', () => {
    expect(toColumnFilters({ ...EMPTY_FILTER, execution: { direction: 'above', ratio: 1.255 } }, rows)).toEqual([{ column: '% wykonania', kind: 'custom', criterion1: '>1.255' }]);
    expect(toColumnFilters({ ...EMPTY_FILTER, units: ['NIE-MA'] }, rows)).toEqual([{ column: 'ID działania', kind: 'values', values: ['(brak)'] }]);
  });

  it('the activity-ID set keeps the same rows as the shared filter for unit and money', () => {
    const f = { ...EMPTY_FILTER, units: ['GRP-NGO'], withMoney: true };
    const ids = new Set((toColumnFilters(f, rows)[0] as { values: string[] }).values);
    const expected = filterConsolidatedRows(rows, toConsolidatedFilter(f));
    expect(rows.filter((r) => ids.has(r.activityId))).toEqual(expected.map((r) => ({ ...r, moneySpent: rows.find((x) => x.activityId === r.activityId && x.measureKind === r.measureKind)!.moneySpent })));
  });

});

describe('chart data', () => {
  it('counts bands per area in program order and per unit by size', () => {
    const rows = makeConsolidatedRows(40);
    const byArea = executionByGroup(rows, 'area');
    expect(byArea.map((g) => g.key)).toEqual(['I', 'II', 'III', 'IV']);
    expect(byArea.reduce((n, g) => n + g.total, 0)).toBe(rows.filter((r) => r.band).length);
    const byUnit = executionByGroup(rows, 'unit');
    expect(byUnit[0]!.total).toBeGreaterThanOrEqual(byUnit.at(-1)!.total);
    expect(bandsPresent(byArea)).toContain('not_realized');
    expect(byArea[0]!.onPlanShare).not.toBeNull();
  });
});

describe('history lines', () => {
  it('renders each typed change in Polish: figures with their measure, parts, extras, „w tym”, money, pairing, comment threads', () => {
    const m = (kind: string, qualifier: string | null = null) => ({ kind, qualifier });
    expect(changeText({ field: 'figure', measure: m('uczestnik', 'rodzin z dziećmi'), role: 'planned', planMeasureId: '1', old: [], new: [12, 3] }))
      .toEqual({ field: 'Wykonanie — uczestnicy (rodzin z dziećmi)', old: '—', new: '12 + 3' });
    expect(changeText({ field: 'figure', measure: m('spotkanie'), role: 'extra', planMeasureId: null, old: [1234.5], new: [] }))
      .toEqual({ field: 'Wykonanie — spotkania — poza planem', old: '1\u00a0234,5', new: '—' });
    expect(changeText({ field: 'subset', of: m('dziecko'), ofPlanMeasureId: '1', measure: m('dziecko', 'z niepełnosprawnością'), old: [4], new: [5] }))
      .toEqual({ field: 'W tym — dzieci (z niepełnosprawnością) (z: dzieci)', old: '4', new: '5' });
    expect(changeText({ field: 'status', old: null, new: 'not_realized' })).toEqual({ field: 'Status', old: '—', new: 'niezrealizowane w tym roku' });
    expect(changeText({ field: 'moneySpent', old: [123450, 100], new: [] }, '(puste)')).toEqual({ field: 'Wydatki', old: '1\u00a0234,50\u00a0zł + 1,00\u00a0zł', new: '(puste)' });
    expect(changeText({ field: 'pairing', planMeasureId: '2', old: [], new: [{ ...m('spotkanie'), value: 4 }, { ...m('spotkanie'), value: 2 }], comment: 'dwie części' }))
      .toEqual({ field: 'Przypisanie do planu (miara planu nr 2)', old: 'brak danych', new: '4 spotkania + 2 spotkania — dwie części' });
    expect(changeText({ field: 'reviewComment', commentId: 1, measure: m('uczestnik'), text: 'Uzupełnij' })).toEqual({ field: 'Komentarz weryfikatora — uczestnicy', text: 'Uzupełnij' });
    expect(changeText({ field: 'reviewReply', commentId: 1, fromUnit: true, text: 'Uzupełnione' })).toEqual({ field: 'Odpowiedź jednostki', text: 'Uzupełnione' });
    expect(changeText({ field: 'other', name: 'pole', old: 'a', new: null })).toEqual({ field: 'pole', old: 'a', new: '—' });
  });

  it('lists one activity newest first, a save\'s changes in the server\'s order, with the reason MOPS gave', () => {
    const lines = activityHistory(HistorySchema.parse({
      versions: [],
      events: [],
      changes: [
        { version: 1, savedAt: '2025-01-01T10:00:00Z', savedBy: 'Anna', activityId: 'I.1-01', change: { field: 'status', old: null, new: 'realized' } },
        { version: 1, savedAt: '2025-01-01T10:00:00Z', savedBy: 'Anna', activityId: 'I.1-01', change: { field: 'comment', old: null, new: 'x' } },
        { version: 2, savedAt: '2025-01-02T10:00:00Z', savedBy: 'Jan', onBehalfReason: 'e-mail', activityId: 'I.1-01', change: { field: 'figure', measure: { kind: 'spotkanie', qualifier: null }, role: 'unstated', planMeasureId: null, old: [4], new: [6] } },
        { version: 2, savedAt: '2025-01-02T10:00:00Z', savedBy: 'Jan', activityId: 'I.1-02', change: { field: 'comment', old: null, new: 'x' } },
      ],
    }), 'I.1-01');
    expect(lines.map((l) => `${l.version} ${l.savedBy} ${l.field}: ${'text' in l ? l.text : `${l.old} → ${l.new}`}${l.onBehalfReason ? ` (${l.onBehalfReason})` : ''}`)).toEqual([
      '2 Jan Wykonanie — spotkania: 4 → 6 (e-mail)',
      '1 Anna Status: — → zrealizowane',
      '1 Anna Komentarz: — → x',
    ]);
  });

  it('lists the workflow audit newest first with Polish labels, and parses a server without it', () => {
    const history = HistorySchema.parse({
      versions: [],
      changes: [],
      events: [
        { at: '2025-01-03T10:00:00Z', by: 'Anna', action: 'submitted', version: 1, comment: null },
        { at: '2025-01-04T10:00:00Z', by: 'Weryfikator', action: 'returned', version: 1, comment: 'Uzupełnij I.1' },
        { at: '2025-01-05T10:00:00Z', by: 'Anna', action: 'submitted', version: 2, comment: null },
        { at: '2025-01-06T10:00:00Z', by: 'Weryfikator', action: 'accepted', version: 2, comment: null },
        { at: '2025-01-07T10:00:00Z', by: 'Weryfikator', action: 'reopened', version: 2, comment: null },
      ],
    });
    expect(workflowLines(history).map((l) => `${l.version} ${l.by} ${l.action}${l.comment ? `: ${l.comment}` : ''}`)).toEqual([
      '2 Weryfikator otwarto ponownie',
      '2 Weryfikator zaakceptowano',
      '2 Anna przekazano do weryfikacji',
      '1 Weryfikator zwrócono do poprawy: Uzupełnij I.1',
      '1 Anna przekazano do weryfikacji',
    ]);
    expect(HistorySchema.parse({ versions: [], changes: [] }).events).toEqual([]);
    expect(HistorySchema.safeParse({ versions: [], changes: [], events: [{ at: 'x', by: 'y', action: 'submit', version: 1, comment: null }] }).success).toBe(false);
  });
});
