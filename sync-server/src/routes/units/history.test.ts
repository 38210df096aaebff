/**
 * GET …/history answers typed change records: figures with their measure and what they answer
 * (parts, beyond the plan, „w tym”), money as amounts, the comment threads on the same timeline,
 * the reason of a save made on the unit's behalf — and rows stored as text before the records
 * existed still read, typed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, HistorySchema, REVIEW_PATHS, measureKey, type Assignment, type History, type ReportEntry } from '@pwr-sync/shared';
import { backends, client, createTestDb, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA } = pickUnits();

describe.each(backends())('report history as typed records on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let assignments: Assignment[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'hist-a', 'unit_reporter', unitA));
    reviewer = client(app.url, await userToken(t.db, 'hist-rev', 'reviewer'));
    assignments = (await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  const history = async (): Promise<History> => HistorySchema.parse((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body);
  const save = async (baseVersion: number, entries: ReportEntry[], as = unit, extra: Record<string, unknown> = {}) => {
    const r = await as('PUT', API_PATHS.report(OPEN_YEAR, unitA), { baseVersion, entries, ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.version as number;
  };
  /** A reporting activity with a planned measure, and the entries of a full report (the unit's tasks are complementary: no money; reportChanges.test.ts covers it). */
  const setUp = () => {
    const entries = fullReport(assignments);
    const i = entries.findIndex((e) => e.actual.measures.length > 0);
    return { entries, i, planned: entries[i]!.actual.measures[0]! };
  };

  it('records figures (parts, beyond the plan, „w tym”) and texts as typed changes', async () => {
    const { entries, i, planned } = setUp();
    const id = entries[i]!.activityId;
    // two parts of the planned measure, each saying what it covers
    const part = (n: number) => ({ ...planned, qualifier: `część ${n}` });
    const measure = (n: number) => ({ kind: planned.kind, qualifier: `część ${n}` });
    const v1 = entries.map((e, j) => (j !== i ? e : {
      ...e,
      actual: { measures: [
        { ...part(1), value: 4, subsets: [{ kind: planned.kind, qualifier: 'w tym nowe', value: 1 }] },
        { ...part(2), value: 2 },
        { kind: 'spotkanie', qualifier: 'poza planem', value: 3, planMeasureId: null },
      ] },
    }));
    await save(0, v1);
    const v2 = entries.map((e, j) => (j !== i ? e : {
      ...e, comment: 'Dwie części', scopeDescription: 'Warsztaty',
      actual: { measures: [{ ...part(1), value: 4, subsets: [{ kind: planned.kind, qualifier: 'w tym nowe', value: 2 }] }, { ...part(2), value: 5 }] },
    }));
    await save(1, v2);

    const h = await history();
    expect(h.changes.filter((c) => c.version === 2 && c.activityId === id).map((c) => [c.activityId, c.change])).toEqual([
      [id, { field: 'comment', old: null, new: 'Dwie części' }],
      [id, { field: 'scopeDescription', old: null, new: 'Warsztaty' }],
      [id, { field: 'figure', measure: measure(2), role: 'planned', planMeasureId: planned.planMeasureId, old: [2], new: [5] }],
      [id, { field: 'figure', measure: { kind: 'spotkanie', qualifier: 'poza planem' }, role: 'extra', planMeasureId: null, old: [3], new: [] }],
      [id, { field: 'subset', of: measure(1), ofPlanMeasureId: planned.planMeasureId, measure: { kind: planned.kind, qualifier: 'w tym nowe' }, old: [1], new: [2] }],
    ]);
    expect(h.changes.find((c) => c.version === 1 && c.activityId === id && c.change.field === 'status')!.change).toEqual({ field: 'status', old: null, new: 'realized' });
    // no field is text to decode: every record parses with the shared union, none falls back to „other”
    expect(h.changes.filter((c) => c.change.field === 'other')).toEqual([]);
  });

  it('keeps the comment thread, the unit\'s answer, the resolution and MOPS\'s reason on the same timeline', async () => {
    const { entries, i, planned } = setUp();
    const id = entries[i]!.activityId;
    await save(0, entries);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    expect((await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA))).status).toBe(200);
    const ret = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comments: [{ activityId: id, measureKey: measureKey(planned), text: 'Sprawdź liczbę' }] });
    expect(ret.status, JSON.stringify(ret.body)).toBe(200);
    const comments = (await unit('GET', REVIEW_PATHS.comments(OPEN_YEAR, unitA))).body;
    expect((await unit('POST', REVIEW_PATHS.replies(OPEN_YEAR, unitA, comments[0].id), { text: 'Poprawiamy' })).status).toBeLessThan(300);
    const fixed = entries.map((e, j) => (j === i ? { ...e, actual: { measures: e.actual.measures.map((m) => ({ ...m, value: m.value + 1 })) } } : e));
    await save(1, fixed);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
    await save(2, entries, reviewer, { onBehalfReason: 'Korekta z e-maila' });

    const h = await history();
    const mine = h.changes.filter((c) => c.activityId === id);
    const thread = mine.filter((c) => c.change.field.startsWith('review'));
    expect(thread.map((c) => [c.version, c.savedBy, c.change])).toEqual([
      [1, 'Test hist-rev', { field: 'reviewComment', commentId: comments[0].id, measure: { kind: planned.kind, qualifier: planned.qualifier?.toLocaleLowerCase('pl') ?? null }, text: 'Sprawdź liczbę' }],
      [1, 'Test hist-a', { field: 'reviewReply', commentId: comments[0].id, fromUnit: true, text: 'Poprawiamy' }],
      [2, 'Test hist-a', { field: 'reviewCommentResolved', commentId: comments[0].id, text: 'Sprawdź liczbę' }],
    ]);
    // the resolving save comes before its resolution; MOPS's save carries its reason
    expect(mine.findIndex((c) => c.version === 2 && c.change.field === 'figure')).toBeLessThan(mine.findIndex((c) => c.change.field === 'reviewCommentResolved'));
    const byMops = mine.filter((c) => c.version === 3);
    expect(byMops.length).toBeGreaterThan(0);
    for (const c of byMops) expect([c.savedBy, c.onBehalfReason, c.change.field]).toEqual(['Test hist-rev', 'Korekta z e-maila', 'figure']);
  });

  it('types the changes stored as text before the records existed (nothing lost)', async () => {
    const { entries } = setUp();
    await save(0, entries);
    const id = entries[0]!.activityId;
    await t.db.query(`DELETE FROM report_changes WHERE year = $1 AND org_unit_code = $2`, [OPEN_YEAR, unitA]);
    const legacy: [string, string | null, string | null][] = [
      ['status', null, 'realized'],
      ['comment', '', 'Uwaga'],
      ['moneySpent', '125050; 3000', '125050'],
      ['actual:uczestnik|rodzin z dziećmi', '4', '6.5'],
      ['actual:spotkanie', null, '12'],
      ['actualText', 'opis', null],
      ['scopeDescription', null, 'Zakres'],
      ['status', 'realized', 'nie-ma-takiego'],
      ['actual:godzina', 'x', '2'],
      ['pairing:1', '4 spotkania', '2 spotkania + 2 spotkania'],
    ];
    for (const [field, old, next] of legacy) {
      await t.db.query(`INSERT INTO report_changes (year, org_unit_code, version, activity_id, field, old_value, new_value) VALUES ($1, $2, 1, $3, $4, $5, $6)`, [OPEN_YEAR, unitA, id, field, old, next]);
    }
    expect((await history()).changes.map((c) => c.change)).toEqual([
      { field: 'status', old: null, new: 'realized' },
      { field: 'comment', old: null, new: 'Uwaga' },
      { field: 'moneySpent', old: [125050, 3000], new: [125050] },
      { field: 'figure', measure: { kind: 'uczestnik', qualifier: 'rodzin z dziećmi' }, role: 'unstated', planMeasureId: null, old: [4], new: [6.5] },
      { field: 'figure', measure: { kind: 'spotkanie', qualifier: null }, role: 'unstated', planMeasureId: null, old: [], new: [12] },
      { field: 'actualText', old: 'opis', new: null },
      { field: 'scopeDescription', old: null, new: 'Zakres' },
      // what cannot be typed is kept as written
      { field: 'other', name: 'status', old: 'realized', new: 'nie-ma-takiego' },
      { field: 'other', name: 'actual:godzina', old: 'x', new: '2' },
      { field: 'other', name: 'pairing:1', old: '4 spotkania', new: '2 spotkania + 2 spotkania' },
    ]);
  });
});
