import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client.ts';
import { HistorySchema } from '@pwr-sync/shared';
import { changesOf, defaultYear, editable, loadUnitYears, type UnitYear } from './unitYears.ts';

const policy = { farBelow: 0.5, onPlanFrom: 0.9, farAboveOver: 1.5 };
const year = (y: number, status: 'open' | 'closed') => ({ year: y, programCode: 'PWR-2025-2027', phase: status === 'open' ? 'reporting' : 'closed', status, planningDeadline: null, deadline: `${y + 1}-03-31`, policy });
const report = (y: number, state: string, version = 0) => ({ year: y, orgUnitCode: 'NCK', version, state, savedAt: null, savedBy: null, reviewComment: state === 'returned' ? 'Uzupełnij I.1-01.' : null, entries: [] });

/** The server's answers by path; anything else 404. */
function api(answers: Record<string, unknown>, status: Record<string, number> = {}) {
  const fetch = (async (url: string) => {
    const path = new URL(url).pathname;
    const code = status[path] ?? (path in answers ? 200 : 404);
    return new Response(JSON.stringify(answers[path] ?? { error: 'Nie znaleziono.', code: 'not_found' }), { status: code });
  }) as typeof globalThis.fetch;
  return new ApiClient({ token: 't', baseUrl: 'http://pwr.test', fetch });
}

describe('a unit’s years in the browser mode', () => {
  it('lists every year newest first with the unit’s report in it, and starts on the newest open year', async () => {
    const r = await loadUnitYears(api({
      '/api/years': [year(2024, 'closed'), year(2026, 'closed'), year(2025, 'open')],
      '/api/years/2024/units/NCK/report': report(2024, 'accepted', 3),
      '/api/years/2025/units/NCK/report': report(2025, 'returned', 2),
      '/api/years/2026/units/NCK/report': report(2026, 'not_started'),
    }), 'NCK');
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.value.map((y) => [y.year.year, y.report.state, y.report.version])).toEqual([[2026, 'not_started', 0], [2025, 'returned', 2], [2024, 'accepted', 3]]);
    expect(r.value[1]!.report.reviewComment).toBe('Uzupełnij I.1-01.');
    expect(defaultYear(r.value)).toBe(2025);
    expect(r.value.map(editable)).toEqual([false, true, false]);
  });

  it('a report it may not read fails the whole list with the server’s reason', async () => {
    const r = await loadUnitYears(api({ '/api/years': [year(2025, 'open')], '/api/years/2025/units/NCK/report': { error: 'Brak uprawnień do tej operacji.', code: 'forbidden' } }, { '/api/years/2025/units/NCK/report': 403 }), 'NCK');
    expect(r).toEqual({ kind: 'forbidden', message: 'Brak uprawnień do tej operacji.' });
  });

  it('says what a save changed, in Polish, only for that version', () => {
    const at = { savedAt: '2025-02-01T10:00:00Z', savedBy: 'Anna Nowak' };
    const figure = (kind: string, old: number[], next: number[]) => ({ field: 'figure' as const, measure: { kind, qualifier: null }, role: 'planned' as const, planMeasureId: '1', old, new: next });
    const lines = changesOf(HistorySchema.parse({
      versions: [],
      changes: [
        { ...at, version: 1, activityId: 'I.1-01', change: { field: 'status', old: null, new: 'realized' } },
        { ...at, version: 2, activityId: 'I.1-01', change: figure('spotkanie', [4], [6]) },
        { ...at, version: 2, activityId: 'I.1-02', change: { field: 'comment', old: 'x', new: null } },
        { ...at, version: 2, activityId: 'I.1-03', change: { field: 'moneySpent', old: [125050], new: [125050, 300000000] } },
        { ...at, version: 2, activityId: 'I.1-04', change: figure('godzina', [4877.29], [12000]) },
        { ...at, version: 2, activityId: 'I.1-04', change: { ...figure('godzina', [], [2, 3]), role: 'extra', planMeasureId: null } },
        { ...at, version: 2, activityId: 'I.1-05', change: { field: 'scopeDescription', old: null, new: 'Warsztaty' } },
        // a reviewer's comment is not a change the save made
        { ...at, version: 2, activityId: 'I.1-05', change: { field: 'reviewComment', commentId: 1, measure: null, text: 'Popraw' } },
      ],
      events: [],
    }), 2);
    expect(lines).toEqual([
      'I.1-01, wykonanie — spotkania: 4 → 6', 'I.1-02, komentarz: x → (puste)',
      'I.1-03, wydatki: 1\u00a0250,50\u00a0zł → 1\u00a0250,50\u00a0zł + 3\u00a0000\u00a0000,00\u00a0zł',
      'I.1-04, wykonanie — godziny: 4\u00a0877,29 → 12\u00a0000',
      'I.1-04, wykonanie — godziny — poza planem: (puste) → 2 + 3',
      'I.1-05, zakres realizacji (opis): (puste) → Warsztaty',
    ]);
    expect(changesOf(HistorySchema.parse({ versions: [], changes: [{ ...at, version: 1, activityId: 'I.1-01', change: { field: 'status', old: null, new: 'realized' } }], events: [] }), 1))
      .toEqual(['I.1-01, status: (puste) → zrealizowane']);
    // the unit reads its activities by name, the id second
    expect(changesOf(HistorySchema.parse({ versions: [], changes: [{ ...at, version: 1, activityId: 'I.1-01', change: { field: 'status', old: null, new: 'realized' } }], events: [] }), 1, new Map([['I.1-01', 'Warsztaty dla rodziców']])))
      .toEqual(['Warsztaty dla rodziców (I.1-01), status: (puste) → zrealizowane']);
  });

  it('a unit without years starts on none', () => {
    expect(defaultYear([] as UnitYear[])).toBeNull();
  });
});
