/**
 * Settling the 2024 pairings left „do sprawdzenia”: listed with the proposal, settled by MOPS with
 * an audit (who, when, old → new), saved as a new report version that the consolidated view follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, formatMeasure, PAIRING_PATHS, type Assignment, type ConsolidatedRow, type PairingReview } from '@pwr-sync/shared';
import { loadPairing } from '@pwr-sync/seeds';
import { insertPairingReviews } from '../../storage/index.ts';
import { backends, client, createTestDb, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const YEAR = 2024;

describe.each(backends())('pairings „do sprawdzenia” on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let reviewer: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    reviewer = client(app.url, await userToken(t.db, 'rev', 'reviewer'));
    manager = client(app.url, await userToken(t.db, 'mgr', 'manager'));
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('lists every pairing the decisions mark „do sprawdzenia”, with the unit’s figures and the proposal', async () => {
    const marked = loadPairing().activities.flatMap((a) => a.measures.filter((m) => m.review).map((m) => `${a.activityId}#${m.planMeasureId}`));
    const r = await manager('GET', PAIRING_PATHS.list(YEAR));
    expect(r.status).toBe(200);
    const list = r.body as PairingReview[];
    expect(list.map((p) => `${p.activityId}#${p.plan.id}`).sort()).toEqual(marked.sort());
    expect(list.every((p) => !p.settled && p.changes.length === 0)).toBe(true);
    // I.3.2-17: 25 meetings planned; the report counts 39 classes — proposed as the answer
    const classes = list.find((p) => p.activityId === 'I.3.2-17')!;
    expect(classes.plan).toMatchObject({ kind: 'spotkanie', value: 25 });
    expect(classes.answer.map((i) => [classes.figures[i]!.kind, classes.figures[i]!.value])).toEqual([['zajęcia', 39]]);
    expect(classes.note).toContain('plan liczy spotkania');
  });

  it('a manager may not settle; a position the activity has no figure at is refused in Polish', async () => {
    const path = PAIRING_PATHS.settle(YEAR, 'I.3.2-17', '1');
    expect((await manager('PUT', path, { answer: [], comment: 'Korekta.' })).status).toBe(403);
    const bad = await reviewer('PUT', path, { answer: [29], comment: 'Korekta.' });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/^Działanie I\.3\.2-17 nie ma wartości nr 30/);
    expect((await reviewer('PUT', PAIRING_PATHS.settle(YEAR, 'I.1-01', '1'), { answer: [0], comment: 'Korekta.' })).status).toBe(404);
    expect((await reviewer('PUT', path, { answer: [0, 0], comment: 'Korekta.' })).status).toBe(400);
  });

  it('2024 is closed: settling is MOPS’s correction and needs its reason; a year in planning has nothing to settle', async () => {
    const path = PAIRING_PATHS.settle(YEAR, 'I.3.2-17', '1');
    for (const body of [{ answer: [] }, { answer: [], comment: '   ' }]) {
      const r = await reviewer('PUT', path, body);
      expect(r.status).toBe(422);
      expect(r.body.error).toBe('Rok 2024 jest zamknięty — rozstrzygnięcie pary jest korektą MOPS i wymaga uzasadnienia: wpisz je w polu „Uzasadnienie”.');
    }
    const unchanged = (await reviewer('GET', PAIRING_PATHS.list(YEAR))).body.find((p: PairingReview) => p.activityId === 'I.3.2-17') as PairingReview;
    expect(unchanged).toMatchObject({ settled: false, changes: [] });
    const years = (await reviewer('GET', API_PATHS.years)).body as { year: number; phase: string }[];
    const planning = years.find((y) => y.phase === 'planning')!.year;
    const r = await reviewer('PUT', PAIRING_PATHS.settle(planning, 'I.3.2-17', '1'), { answer: [], comment: 'x' });
    expect(r.status).toBe(409);
    expect(r.body.error).toMatch(new RegExp(`^Rok ${planning} jest w fazie planowania`));
  });

  it('MOPS settles „brak”: audited old → new, a new report version, and the consolidated row says „brak danych”', async () => {
    const before = (await reviewer('GET', PAIRING_PATHS.list(YEAR))).body.find((p: PairingReview) => p.activityId === 'I.3.2-17') as PairingReview;
    const unitBefore = (await reviewer('GET', API_PATHS.report(YEAR, before.orgUnitCode))).body;
    const r = await reviewer('PUT', PAIRING_PATHS.settle(YEAR, 'I.3.2-17', '1'), { answer: [], comment: 'Zajęcia to nie spotkania z planu.' });
    expect(r.status).toBe(200);
    const settled = r.body as PairingReview;
    expect(settled).toMatchObject({ settled: true, settledBy: 'Test rev', answer: [] });
    expect(settled.changes).toHaveLength(1);
    expect(settled.changes[0]).toMatchObject({ by: 'Test rev', comment: 'Zajęcia to nie spotkania z planu.', new: [], reportVersion: unitBefore.version + 1 });
    expect(settled.changes[0]!.old.map((f) => [f.kind, f.value])).toEqual([['zajęcia', 39]]);
    expect(Date.parse(settled.changes[0]!.at)).toBeGreaterThan(Date.now() - 600_000);
    // the unit's report: a new version by the reviewer; the figure stays, now beyond the plan
    const unitAfter = (await reviewer('GET', API_PATHS.report(YEAR, before.orgUnitCode))).body;
    expect(unitAfter).toMatchObject({ version: unitBefore.version + 1, state: unitBefore.state, savedBy: 'Test rev' });
    const figure = unitAfter.entries.find((e: { activityId: string }) => e.activityId === 'I.3.2-17').actual.measures.find((m: { kind: string }) => m.kind === 'zajęcia');
    expect(figure).toMatchObject({ value: 39, planMeasureId: null });
    // the same path as entry on the unit's behalf: the version is MOPS's, with the reason, in the unit's history
    const unitToken = await userToken(t.db, 'rep-pair', 'unit_reporter', before.orgUnitCode);
    const seenByUnit = (await client(app.url, unitToken)('GET', API_PATHS.history(YEAR, before.orgUnitCode))).body as { versions: { version: number; savedBy: string; onBehalfReason: string | null }[] };
    expect(seenByUnit.versions.at(-1)).toMatchObject({ version: unitBefore.version + 1, savedBy: 'Test rev', onBehalfReason: 'Zajęcia to nie spotkania z planu.' });
    // variance follows: the planned meetings have no figure, the classes are beyond the plan
    const rows = (await reviewer('GET', API_PATHS.consolidated(YEAR))).body as ConsolidatedRow[];
    const lines = rows.filter((x) => x.activityId === 'I.3.2-17').map((x) => [x.lineRole, x.measureKind, x.actual, x.band]);
    expect(lines).toEqual(expect.arrayContaining([['planned', 'spotkanie', null, 'no_data'], ['extra', 'zajęcia', 39, 'no_target']]));

    // changed again: the figure answers the plan after all — a second audited change
    const again = (await reviewer('PUT', PAIRING_PATHS.settle(YEAR, 'I.3.2-17', '1'), { answer: [settled.figures.findIndex((f) => f.kind === 'zajęcia')], comment: 'Jednak zajęcia.' })).body as PairingReview;
    expect(again.changes.map((c) => [c.old.length, c.new.length])).toEqual([[1, 0], [0, 1]]);
    const history = (await reviewer('GET', API_PATHS.history(YEAR, before.orgUnitCode))).body;
    const pairings = (history as { changes: { activityId: string; change: { field: string } }[] }).changes
      .filter((c) => c.activityId === 'I.3.2-17' && c.change.field === 'pairing').map((c) => c.change);
    expect(pairings).toEqual([
      { field: 'pairing', planMeasureId: '1', old: [{ kind: 'zajęcia', qualifier: null, value: 39 }], new: [], comment: 'Zajęcia to nie spotkania z planu.' },
      { field: 'pairing', planMeasureId: '1', old: [], new: [{ kind: 'zajęcia', qualifier: null, value: 39 }], comment: 'Jednak zajęcia.' },
    ]);
  });

  it('in a reporting year, settling without a comment still tells the unit why MOPS changed its report', async () => {
    const { unitA } = pickUnits();
    await resetOpenYear(t.db);
    const unit = client(app.url, await userToken(t.db, 'rep-open', 'unit_reporter', unitA));
    const assignments = (await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments as Assignment[];
    const target = assignments.find((a) => a.role === 'reporting' && a.plan.kind === 'target' && a.plan.measures.length > 0)!;
    const planned = target.plan.kind === 'target' ? target.plan.measures[0]! : null;
    expect((await unit('PUT', API_PATHS.report(OPEN_YEAR, unitA), { baseVersion: 0, entries: fullReport(assignments) })).status).toBe(201);
    await insertPairingReviews(t.db, [{ year: OPEN_YEAR, activityId: target.activity.id, planMeasureId: planned!.id, note: 'do sprawdzenia' }]);
    const r = await reviewer('PUT', PAIRING_PATHS.settle(OPEN_YEAR, target.activity.id, planned!.id), { answer: [] });
    expect(r.status).toBe(200);
    const history = (await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body as { versions: { version: number; savedBy: string; onBehalfReason: string | null }[] };
    expect(history.versions.at(-1)).toMatchObject({
      version: 2, savedBy: 'Test rev',
      onBehalfReason: `Rozstrzygnięcie MOPS: która wartość działania ${target.activity.id} odpowiada mierze planu „${formatMeasure(planned!)}”.`,
    });
    expect((await unit('GET', API_PATHS.report(OPEN_YEAR, unitA))).body.state).toBe('draft');
  });
});
