/** Test support: a small program and its consolidated rows, covering every band and odd text. */
import type { Area, Assignment, CompletenessRow, ConsolidatedRow, OrgUnit, ReportEntry, Task } from '@pwr-sync/shared';
import { DEFAULT_VARIANCE_POLICY } from '@pwr-sync/shared';
import type { CentralWorkbookInput } from '../central.ts';

export const areas: Area[] = [
  { code: 'I', title: 'Zapewnienie specjalistycznej pomocy i wsparcia rodzinie' },
  { code: 'II', title: 'Wspieranie rodzin w wypełnianiu funkcji opiekuńczo-wychowawczych' },
];

export const tasks: Task[] = [
  { code: 'I.1', area: 'I', kind: 'basic', title: 'Zadanie podstawowe I.1', linkedTo: [], subsections: [] },
  { code: 'I.2', area: 'I', kind: 'complementary', title: 'Zadanie komplementarne I.2', linkedTo: [], subsections: [{ number: 1, title: 'Pomoc rodzicom', linkedTo: [] }] },
  { code: 'II.1', area: 'II', kind: 'basic', title: 'Zadanie podstawowe II.1', linkedTo: [], subsections: [] },
];

export const orgUnits: OrgUnit[] = [
  { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', kind: 'mops', aliases: [] },
  { code: 'NCK', name: 'Nowohuckie Centrum Kultury', kind: 'culture', aliases: [] },
];

const base = {
  year: 2024, version: 3, savedBy: 'Anna Nowak', savedAt: '2025-01-15T10:00:00Z',
  qualifier: null, planText: null, actualText: null, scopeDescription: null, comment: '',
  lineRole: 'planned', planMeasureId: '1',
} as const;

/** Eight rows: every band, a status-only row, money on first rows, formula-looking user text; titles from the program. */
export const rows: ConsolidatedRow[] = ([] as Omit<ConsolidatedRow, 'areaTitle' | 'taskTitle'>[]).concat([
  { ...base, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: 'I.1-01', activityName: 'Poradnictwo rodzinne', orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08',
    measureKind: 'spotkanie', plan: 20, actual: 4, difference: -16, ratio: 0.2, band: 'far_below', status: 'realized', moneySpent: 200_075_000,
    comment: '=HYPERLINK("http://zły.example","kliknij")', planText: '20 spotkań, 200 uczestników', actualText: '4 spotkania, 82 uczestników' },
  { ...base, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: 'I.1-01', activityName: 'Poradnictwo rodzinne', orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08',
    measureKind: 'uczestnik', planMeasureId: '2', plan: 200, actual: 82, difference: -118, ratio: 0.41, band: 'far_below', status: 'realized', moneySpent: null },
  { ...base, area: 'I', taskCode: 'I.1', taskKind: 'basic', subsection: null, activityId: 'I.1-02', activityName: '+48 12 616 00 00 — telefon zaufania', orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08',
    measureKind: 'godzina', plan: 1000, actual: 877.29, difference: -122.71, ratio: 0.87729, band: 'below', status: 'realized', moneySpent: 487_729 },
  { ...base, area: 'I', taskCode: 'I.2', taskKind: 'complementary', subsection: 1, activityId: 'I.2.1-01', activityName: 'Spektakle dla rodzin', orgUnitCodes: ['NCK', 'MOPS/PRZ/08'], orgUnitNames: ['Nowohuckie Centrum Kultury', 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'NCK',
    measureKind: 'spektakl', plan: 10, actual: 20, difference: 10, ratio: 2, band: 'far_above', status: 'realized', moneySpent: null, comment: '@SUM(1,2)', savedBy: '-Jan Kowalski' },
  { ...base, area: 'I', taskCode: 'I.2', taskKind: 'complementary', subsection: 1, activityId: 'I.2.1-01', activityName: 'Spektakle dla rodzin', orgUnitCodes: ['NCK', 'MOPS/PRZ/08'], orgUnitNames: ['Nowohuckie Centrum Kultury', 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'NCK',
    lineRole: 'extra', planMeasureId: null, measureKind: 'uczestnik', plan: null, actual: 6500, difference: null, ratio: null, band: 'no_target', status: 'realized', moneySpent: null, savedBy: '-Jan Kowalski' },
  { ...base, area: 'I', taskCode: 'I.2', taskKind: 'complementary', subsection: 1, activityId: 'I.2.1-02', activityName: 'Koncert rodzinny', orgUnitCodes: ['NCK'], orgUnitNames: ['Nowohuckie Centrum Kultury'], reportingUnit: 'NCK',
    lineRole: null, planMeasureId: null, measureKind: null, plan: null, actual: null, difference: null, ratio: null, band: null, status: 'cancelled', moneySpent: null, comment: 'wydarzenie odwołane', savedBy: '-Jan Kowalski' },
  { ...base, area: 'II', taskCode: 'II.1', taskKind: 'basic', subsection: null, activityId: 'II.1-01', activityName: 'Asystentura rodzinna', orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08',
    measureKind: 'rodzina', plan: 605, actual: 605, difference: 0, ratio: 1, band: 'on_plan', status: 'realized', moneySpent: 100_000_050 },
  { ...base, area: 'II', taskCode: 'II.1', taskKind: 'basic', subsection: null, activityId: 'II.1-02', activityName: 'Konkurs dla rodzin', orgUnitCodes: ['MOPS/PRZ/08'], orgUnitNames: ['Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)'], reportingUnit: 'MOPS/PRZ/08',
    measureKind: 'wydarzenie', plan: 2, actual: null, difference: null, ratio: null, band: 'not_realized', status: 'not_realized', moneySpent: null, comment: 'konkurs nie był organizowany' },
]).map((r) => ({ ...r, areaTitle: areas.find((a) => a.code === r.area)!.title, taskTitle: tasks.find((t) => t.code === r.taskCode)!.title }));

export const completeness: CompletenessRow[] = [
  { orgUnitCode: 'MOPS/PRZ/08', orgUnitName: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)', state: 'accepted', version: 3, activities: 4, filled: 4, lastChangeAt: '2025-01-20T09:30:00Z', lastChangeBy: 'Ewa Weryfikator', reviewComment: null, late: false },
  { orgUnitCode: 'NCK', orgUnitName: 'Nowohuckie Centrum Kultury', state: 'returned', version: 3, activities: 2, filled: 2, lastChangeAt: '2025-01-18T12:00:00Z', lastChangeBy: 'Ewa Weryfikator', reviewComment: '=popraw liczby', late: true },
];

export const centralInput = (): CentralWorkbookInput => ({
  year: 2024, rows, completeness, program: { areas, tasks }, orgUnits, policy: DEFAULT_VARIANCE_POLICY,
  generatedAt: new Date('2025-02-01T08:00:00Z'),
});


const activity = (id: string, taskCode: string, name: string) => ({
  id, taskCode, subsection: null, name, responsibleUnits: [{ orgUnitCode: 'MOPS/PRZ/08', role: 'reporting' as const }],
});

/** A unit's assignments: two measures, one measure, no planned measure, and one it only contributes to. */
export const assignments: Assignment[] = [
  { activity: activity('I.1-01', 'I.1', 'Poradnictwo rodzinne'), role: 'reporting',
    plan: { kind: 'target', measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', value: 200 }] } },
  { activity: activity('I.1-02', 'I.1', 'Asystentura rodzinna'), role: 'reporting',
    plan: { kind: 'target', measures: [{ id: '1', kind: 'rodzina', value: 605 }] } },
  { activity: activity('I.2-01', 'I.2', 'Nowe spektakle'), role: 'reporting',
    plan: { kind: 'new_activity', measures: [], sinceYear: 2024 } },
  { activity: { ...activity('I.2-02', 'I.2', 'Wspólne działanie'), responsibleUnits: [{ orgUnitCode: 'NCK', role: 'reporting' as const }, { orgUnitCode: 'MOPS/PRZ/08', role: 'contributing' as const }] },
    role: 'contributing', plan: { kind: 'target', measures: [{ id: '1', kind: 'spektakl', value: 4 }] } },
];

export const entries: ReportEntry[] = [
  { activityId: 'I.1-01', status: 'realized', actual: { measures: [{ kind: 'spotkanie', value: 4, planMeasureId: '1' }, { kind: 'uczestnik', value: 82, planMeasureId: '2' }] }, moneySpent: [200_075_000], comment: 'mniej chętnych' },
];

/** A returned report: two comments on I.1-01 (one about a measure, answered), one resolved on I.1-02. */
export const returnedReview = {
  state: 'returned' as const,
  overallNote: 'Proszę uzupełnić wydatki.',
  comments: [
    { id: 1, activityId: 'I.1-01', measureKey: 'uczestnik', text: '=SUMA(A1) to nie jest liczba uczestników', by: 'Anna Weryfikator', at: '2025-02-10T09:30:00Z', version: 4, status: 'open' as const, resolvedVersion: null,
      replies: [{ text: 'Poprawimy.', by: 'Jan Jednostka', at: '2025-02-11T10:00:00Z', fromUnit: true }] },
    { id: 2, activityId: 'I.1-01', measureKey: null, text: 'Brak opisu zakresu.', by: 'Anna Weryfikator', at: '2025-02-10T09:31:00Z', version: 4, status: 'open' as const, resolvedVersion: null, replies: [] },
    { id: 3, activityId: 'I.1-02', measureKey: null, text: 'Kwota?', by: 'Anna Weryfikator', at: '2025-01-10T09:31:00Z', version: 2, status: 'resolved' as const, resolvedVersion: 3, replies: [] },
  ],
};
