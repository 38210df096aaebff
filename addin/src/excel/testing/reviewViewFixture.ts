/** A unit's report view (GET …/review) for the report-sheet tests: two activities, one changed since the reviewer's last look. */
import { DEFAULT_VARIANCE_POLICY, type ReviewView } from '@pwr-sync/shared';
import { makeConsolidatedRows } from './reviewFixtures.ts';

export function makeReviewView(): ReviewView {
  const [a1, a2] = makeConsolidatedRows(2).filter((r, i, all) => all.findIndex((x) => x.activityId === r.activityId) === i);
  // Activity 1: spotkania on plan-ish (0.7 → poniżej), a second measure without a figure („brak danych”).
  const first = makeConsolidatedRows(2).filter((r) => r.activityId === a1!.activityId);
  const rows1 = [
    { ...first[0]!, comment: '=SUMA(A1)', actualText: '14 spotkań', scopeDescription: 'Spotkania w dzielnicach', band: 'far_below' as const },
    { ...first[1]!, actual: null, difference: null, ratio: null, band: 'no_data' as const },
  ];
  const rows2 = makeConsolidatedRows(2).filter((r) => r.activityId === a2!.activityId).map((r) => ({ ...r, actual: 17.5, difference: -2.5, ratio: 0.875, band: 'below' as const }));
  const entry = (id: string, comment: string) => ({ activityId: id, status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 14 }] }, moneySpent: [], comment, scopeDescription: '' });
  return {
    report: { year: 2024, orgUnitCode: 'BK', version: 4, state: 'submitted', savedAt: '2025-02-01T09:30:00Z', savedBy: 'Anna Nowak', reviewComment: null, entries: [] },
    orgUnitName: 'Biblioteka Kraków',
    seenVersion: 2,
    activities: [
      { activityId: a1!.activityId, taskTitle: 'Zadanie I.2', areaTitle: 'Obszar I', rows: rows1, entry: entry(a1!.activityId, '=SUMA(A1)'), previous: { ...entry(a1!.activityId, 'stary komentarz'), actual: { measures: [{ kind: 'spotkanie', value: 10 }] } }, changed: true },
      { activityId: a2!.activityId, taskTitle: 'Zadanie I.3', areaTitle: 'Obszar I', rows: rows2, entry: entry(a2!.activityId, ''), previous: entry(a2!.activityId, ''), changed: false },
    ],
    comments: [{
      id: 1, activityId: a1!.activityId, measureKey: 'spotkanie', text: 'Proszę podać liczbę spotkań.', by: 'Ewa Weryfikator', at: '2025-01-20T10:00:00Z',
      version: 2, status: 'resolved', resolvedVersion: 4, replies: [{ text: 'Poprawione.', by: 'Anna Nowak', at: '2025-01-21T08:00:00Z', fromUnit: true }],
    }],
    events: [{ at: '2025-01-20T10:00:00Z', by: 'Ewa Weryfikator', action: 'returned', version: 2, comment: 'Uzupełnij liczby.' }],
    onBehalf: [],
    policy: DEFAULT_VARIANCE_POLICY,
  };
}
