/**
 * The pairing rules over the API: a figure must answer a planned measure of the activity (or be
 * stated as beyond the plan), a realized activity cannot be submitted with a planned measure left
 * without a figure and without a reason, and parts and „w tym” figures are stored as given.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, type Assignment, type ReportEntry } from '@pwr-sync/shared';
import { backends, client, createTestDb, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA } = pickUnits();

describe.each(backends())('figures and planned measures on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let entries: ReportEntry[];
  let target: Assignment;
  const report = API_PATHS.report(OPEN_YEAR, unitA);

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'rep-a', 'unit_reporter', unitA));
    const assignments: Assignment[] = (await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments;
    entries = fullReport(assignments);
    // an activity of this unit with two planned measures
    target = assignments.find((a) => a.role === 'reporting' && a.plan.kind === 'target' && a.plan.measures.length >= 2)!;
    expect(target).toBeDefined();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  const withTarget = (change: (e: ReportEntry) => ReportEntry) => entries.map((e) => (e.activityId === target.activity.id ? change(e) : e));

  it('refuses to save a figure that answers no planned measure of the activity, naming the activity and the measure', async () => {
    const [first] = target.plan.measures;
    const r = await unit('PUT', report, {
      baseVersion: 0,
      entries: withTarget((e) => ({ ...e, actual: { measures: [{ kind: first!.kind, value: 3, planMeasureId: '99' }] } })),
    });
    expect(r.status).toBe(422);
    const problem = r.body.problems.find((p: { code: string }) => p.code === 'unknown_plan_measure');
    expect(problem).toMatchObject({ activityId: target.activity.id, field: 'actual', measureKind: first!.kind });
    expect(problem.message).toBe(`Działanie ${target.activity.id}, miara „${first!.kind}”: wartość 3 odpowiada mierze planu, której plan nie zawiera — przypisz ją do miary planu albo oznacz jako „poza planem”.`);
    expect((await unit('GET', report)).body.version).toBe(0);
  });

  it('refuses to submit a realized activity with a planned measure without a figure, then submits once the comment says why', async () => {
    const [, second] = target.plan.measures;
    const missing = withTarget((e) => ({ ...e, actual: { measures: e.actual.measures.filter((m) => m.planMeasureId !== second!.id) } }));
    expect((await unit('PUT', report, { baseVersion: 0, entries: missing })).status).toBe(201);
    const r = await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('report_incomplete');
    const problem = r.body.problems.find((p: { code: string }) => p.code === 'actual_missing');
    expect(problem).toMatchObject({ activityId: target.activity.id, measureKind: second!.kind });
    expect(problem.message).toMatch(new RegExp(`^Działanie ${target.activity.id.replace(/\./g, '\\.')}, miara „${second!.kind}”: brak wykonania`));
    expect(problem.message).toContain('wpisz wartość (także 0) albo podaj w komentarzu, dlaczego jej nie ma');

    const explained = missing.map((e) => (e.activityId === target.activity.id ? { ...e, comment: 'Tej liczby nie zbieraliśmy w tym roku.' } : e));
    expect((await unit('PUT', report, { baseVersion: 1, entries: explained })).status).toBe(201);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
  });

  it('stores parts and „w tym” figures as given: the parts answer one planned measure, a subset stays under its figure', async () => {
    const [first, second] = target.plan.measures;
    const measures = [
      { kind: first!.kind, value: first!.value, planMeasureId: first!.id, subsets: [{ kind: first!.kind, value: 1, qualifier: 'online' }] },
      { kind: second!.kind, value: Math.floor(second!.value / 2), qualifier: 'zajęć', planMeasureId: second!.id },
      { kind: second!.kind, value: second!.value - Math.floor(second!.value / 2), qualifier: 'pikniku', planMeasureId: second!.id },
    ];
    const sent = withTarget((e) => ({ ...e, actual: { measures: [...measures, ...e.actual.measures.filter((m) => m.planMeasureId !== first!.id && m.planMeasureId !== second!.id)] } }));
    expect((await unit('PUT', report, { baseVersion: 0, entries: sent })).status).toBe(201);
    const stored = (await unit('GET', report)).body.entries.find((e: ReportEntry) => e.activityId === target.activity.id) as ReportEntry;
    expect(stored.actual.measures.slice(0, 3)).toEqual(measures);
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
  });
});
