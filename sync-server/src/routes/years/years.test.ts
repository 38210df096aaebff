/**
 * Years of a program through the API: starting a year from the previous one (what carries over and
 * what does not), audited phase moves and their undo, refused moves (409/422, Polish messages), and
 * what a phase lets units do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, PROGRAM_PATHS, reportingUnitOf, type CarryOver, type ReportEntry, type ReportingYear, type YearPhaseHistory } from '@pwr-sync/shared';
import { getActivities, getPlans } from '../../storage/index.ts';
import { backends, client, createTestDb, dropYear, fullReport, pickUnits, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA, joint } = pickUnits();

describe.each(backends())('program years on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let admin: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let unit: ReturnType<typeof client>;
  let entries: ReportEntry[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    // the seed starts 2026 in planning; this test starts it itself, from 2025
    await dropYear(t.db, 2026);
    app = await startApp(t.db);
    admin = client(app.url, await userToken(t.db, 'adm', 'admin'));
    reviewer = client(app.url, await userToken(t.db, 'rev', 'reviewer'));
    unit = client(app.url, await userToken(t.db, 'rep-a', 'unit_reporter', unitA));
    entries = fullReport((await unit('GET', API_PATHS.assignments(2025, unitA))).body.assignments);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('starts 2026 from 2025: running activities carry over with their units, ended and cancelled ones only when picked, plans empty', async () => {
    // 2025's reports say one activity ended and another was cancelled
    const [ended, cancelled] = [entries[0]!, entries[1]!];
    const reported = entries.map((e) => (e === ended ? { ...e, status: 'ended' as const, actual: { measures: [] }, comment: 'realizacja przedsięwzięcia została zakończona' }
      : e === cancelled ? { ...e, status: 'cancelled' as const, actual: { measures: [] }, comment: 'wydarzenie odwołane' } : e));
    expect((await unit('PUT', API_PATHS.report(2025, unitA), { baseVersion: 0, entries: reported })).status).toBe(201);

    expect((await reviewer('GET', PROGRAM_PATHS.carryOver(2026))).status).toBe(403);
    const preview = await admin('GET', PROGRAM_PATHS.carryOver(2026));
    expect(preview.status).toBe(200);
    const p = preview.body as CarryOver;
    expect(p).toMatchObject({ year: 2026, programCode: 'PWR-2025-2027-DEMO', fromYear: 2025 });
    expect(p.notCarried.map((x) => [x.id, x.reason])).toEqual([[ended.activityId, 'ended_in_report'], [cancelled.activityId, 'cancelled_in_report']]);
    const in2025 = await getActivities(t.db, 2025);
    expect(p.carried).toHaveLength(in2025.length - 2);

    expect((await reviewer('POST', PROGRAM_PATHS.startYear, { year: 2026 })).status).toBe(403);
    const unknownPick = await admin('POST', PROGRAM_PATHS.startYear, { year: 2026, pick: ['I.3.2-12'] });
    expect(unknownPick.status).toBe(422);
    expect(unknownPick.body).toMatchObject({ code: 'pick_unknown', error: expect.stringContaining('I.3.2-12') });

    const started = await admin('POST', PROGRAM_PATHS.startYear, { year: 2026, pick: [cancelled.activityId], planningDeadline: '2025-12-15', deadline: '2027-03-31' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ year: 2026, programCode: 'PWR-2025-2027-DEMO', phase: 'planning', status: 'closed', planningDeadline: '2025-12-15', deadline: '2027-03-31' });

    const in2026 = await getActivities(t.db, 2026);
    const ids = in2026.map((a) => a.id);
    expect(ids).not.toContain(ended.activityId);
    expect(ids).toContain(cancelled.activityId);
    expect(ids).toHaveLength(in2025.length - 1);
    // program order kept, units carried with the activity
    expect(ids).toEqual(in2025.map((a) => a.id).filter((id) => id !== ended.activityId));
    const joint2026 = in2026.find((a) => a.id === joint.activityId)!;
    expect(reportingUnitOf(joint2026)).toBe(joint.reporting);
    expect(joint2026.responsibleUnits.map((r) => r.orgUnitCode)).toContain(joint.contributing);
    expect((await getPlans(t.db, 2026)).size).toBe(0);

    const again = await admin('POST', PROGRAM_PATHS.startYear, { year: 2026 });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'year_exists', error: 'Rok 2026 już istnieje — nie można go rozpocząć drugi raz.' });
    const outside = await admin('POST', PROGRAM_PATHS.startYear, { year: 2031 });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'no_program', error: expect.stringContaining('Żaden program nie obejmuje roku 2031') });
    const badDate = await admin('POST', PROGRAM_PATHS.startYear, { year: 2027, deadline: '2028-02-30' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.problems)).toContain('nie ma takiego dnia');
  });

  it('moves a year planning → reporting → closed, each move audited; refuses jumps (422) and stale moves (409); undo needs a reason', async () => {
    const phase = PROGRAM_PATHS.yearPhase(2026);
    expect((await reviewer('POST', phase, { from: 'planning', to: 'reporting' })).status).toBe(403);
    const jump = await admin('POST', phase, { from: 'planning', to: 'closed' });
    expect(jump.status).toBe(422);
    expect(jump.body).toMatchObject({ code: 'phase_not_next', error: expect.stringContaining('z fazy „planowanie” do „zamknięty”') });
    const stale = await admin('POST', phase, { from: 'reporting', to: 'closed' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'phase_conflict', error: expect.stringContaining('Rok 2026 jest już w fazie „planowanie”') });

    const moved = await admin('POST', phase, { from: 'planning', to: 'reporting' });
    expect(moved.status).toBe(200);
    expect((moved.body as ReportingYear)).toMatchObject({ phase: 'reporting', status: 'open' });
    // the same move sent twice (a double click) is not a second move
    expect((await admin('POST', phase, { from: 'planning', to: 'reporting' })).status).toBe(409);

    const noReason = await admin('POST', PROGRAM_PATHS.yearPhaseUndo(2026), { reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body.problems)).toContain('Podaj powód cofnięcia');
    const undone = await admin('POST', PROGRAM_PATHS.yearPhaseUndo(2026), { reason: 'Za wcześnie — jednostki jeszcze planują.' });
    expect(undone.status).toBe(200);
    expect(undone.body.phase).toBe('planning');
    const nothing = await admin('POST', PROGRAM_PATHS.yearPhaseUndo(2026), { reason: 'jeszcze raz' });
    expect(nothing.status).toBe(409);
    expect(nothing.body).toMatchObject({ code: 'nothing_to_undo', error: 'Rok 2026 nie miał jeszcze żadnej zmiany fazy do cofnięcia.' });

    const history = (await reviewer('GET', phase)).body as YearPhaseHistory;
    expect(history.phase).toBe('planning');
    expect(history.events.map((e) => [e.action, e.fromPhase, e.toPhase, e.reason, e.byName])).toEqual([
      ['started', null, 'planning', null, 'Test adm'],
      ['advanced', 'planning', 'reporting', null, 'Test adm'],
      ['undone', 'reporting', 'planning', 'Za wcześnie — jednostki jeszcze planują.', 'Test adm'],
    ]);
  });

  it('lets units report only while the year is in reporting; a closed year reopens only by an undo', async () => {
    const planning = await unit('PUT', API_PATHS.report(2026, unitA), { baseVersion: 0, entries: [] });
    expect(planning.status).toBe(409);
    expect(planning.body).toMatchObject({ code: 'year_not_reporting', error: expect.stringContaining('Rok 2026 jest w fazie „planowanie”') });

    const current = (await unit('GET', API_PATHS.report(2025, unitA))).body;
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(2025), { from: 'reporting', to: 'closed' })).status).toBe(200);
    const closed = await unit('PUT', API_PATHS.report(2025, unitA), { baseVersion: current.version, entries });
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('year_closed');
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(2025), { from: 'closed', to: 'reporting' })).body.code).toBe('phase_not_next');
    expect((await admin('POST', PROGRAM_PATHS.yearPhaseUndo(2025), { reason: 'Jednostka A prosi o korektę.' })).status).toBe(200);
    expect((await unit('PUT', API_PATHS.report(2025, unitA), { baseVersion: current.version, entries })).status).toBe(201);
    // 2025 started in reporting (planning skipped): nothing before it to go back to
    expect((await admin('POST', PROGRAM_PATHS.yearPhaseUndo(2025), { reason: 'test' })).status).toBe(409);
  });

  it('starts a year straight in reporting when MOPS enters the plans itself', async () => {
    const started = await admin('POST', PROGRAM_PATHS.startYear, { year: 2027, phase: 'reporting', deadline: '2028-03-31' });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ year: 2027, phase: 'reporting', status: 'open', planningDeadline: null });
    const years = (await unit('GET', API_PATHS.years)).body as ReportingYear[];
    expect(years.map((y) => [y.year, y.phase])).toEqual([[2024, 'closed'], [2025, 'reporting'], [2026, 'planning'], [2027, 'reporting']]);
    const history = (await admin('GET', PROGRAM_PATHS.yearPhase(2027))).body as YearPhaseHistory;
    expect(history.events.map((e) => [e.action, e.toPhase])).toEqual([['started', 'reporting']]);
  });
});
