import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, HistorySchema, REVIEW_PATHS, type ReportEntry } from '@pwr-sync/shared';
import { backends, client, createTestDb, fullReport, OPEN_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA } = pickUnits();

describe.each(backends())('review workflow on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let unit: ReturnType<typeof client>;
  let reviewer: ReturnType<typeof client>;
  let manager: ReturnType<typeof client>;
  let admin: ReturnType<typeof client>;
  let entries: ReportEntry[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    unit = client(app.url, await userToken(t.db, 'rep-a', 'unit_reporter', unitA));
    reviewer = client(app.url, await userToken(t.db, 'rev', 'reviewer'));
    manager = client(app.url, await userToken(t.db, 'mgr', 'manager'));
    admin = client(app.url, await userToken(t.db, 'adm', 'admin'));
    entries = fullReport((await unit('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  const report = API_PATHS.report(OPEN_YEAR, unitA);

  it('refuses to submit an incomplete report, listing what is missing', async () => {
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(422);
    const partial = entries.slice(1).map((e, i) => (i === 0 ? { ...e, status: null } : e));
    expect((await unit('PUT', report, { baseVersion: 0, entries: partial })).status).toBe(201);
    const r = await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA));
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('report_incomplete');
    const codes = r.body.problems.map((p: { code: string; activityId: string }) => `${p.code}:${p.activityId}`);
    expect(codes).toEqual(expect.arrayContaining([`entry_missing:${entries[0]!.activityId}`, `status_missing:${entries[1]!.activityId}`]));
  });

  it('submit → locked → return with comment → save → submit → accept → locked → reopen', async () => {
    await unit('PUT', report, { baseVersion: 0, entries });
    const submitted = await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA), { version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('submitted');
    const locked = await unit('PUT', report, { baseVersion: 1, entries });
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('report_locked');

    expect((await manager('POST', API_PATHS.return(OPEN_YEAR, unitA), { comment: 'popraw' })).status).toBe(403);
    expect((await unit('POST', API_PATHS.accept(OPEN_YEAR, unitA))).status).toBe(403);
    expect((await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), {})).status).toBe(400);
    // Never without having seen it: the report view records the version this reviewer opened.
    const unseen = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comment: 'popraw' });
    expect(unseen.status).toBe(409);
    expect(unseen.body.code).toBe('report_not_seen');
    expect((await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA))).status).toBe(200);
    const returned = await reviewer('POST', API_PATHS.return(OPEN_YEAR, unitA), { comment: 'Uzupełnij komentarz do I.1' });
    expect(returned.body).toMatchObject({ state: 'returned', reviewComment: 'Uzupełnij komentarz do I.1' });

    const fixed = entries.map((e, i) => (i === 0 ? { ...e, comment: 'uzupełnione' } : e));
    expect((await unit('PUT', report, { baseVersion: 1, entries: fixed })).status).toBe(201);
    expect((await unit('GET', report)).body).toMatchObject({ version: 2, state: 'returned' });
    expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).body.state).toBe('submitted');
    expect((await manager('POST', API_PATHS.accept(OPEN_YEAR, unitA))).status).toBe(403);
    // Version 2 has not been seen yet.
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA))).body.code).toBe('report_not_seen');
    await reviewer('GET', REVIEW_PATHS.view(OPEN_YEAR, unitA));
    const accepted = await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA));
    expect(accepted.body).toMatchObject({ state: 'accepted', version: 2, reviewComment: null });
    expect((await unit('PUT', report, { baseVersion: 2, entries })).status).toBe(423);
    expect((await reviewer('POST', API_PATHS.accept(OPEN_YEAR, unitA))).status).toBe(409);

    expect((await manager('POST', API_PATHS.reopen(OPEN_YEAR, unitA))).status).toBe(403);
    expect((await reviewer('POST', API_PATHS.reopen(OPEN_YEAR, unitA), { comment: 'korekta kwot' })).body.state).toBe('draft');
    expect((await unit('PUT', report, { baseVersion: 2, entries })).status).toBe(201);

    const history = HistorySchema.parse((await reviewer('GET', API_PATHS.history(OPEN_YEAR, unitA))).body);
    expect(history.versions).toHaveLength(3);
    expect(history.events.map((e) => [e.action, e.by, e.version, e.comment])).toEqual([
      ['submitted', 'Test rep-a', 1, null],
      ['returned', 'Test rev', 1, 'Uzupełnij komentarz do I.1'],
      ['submitted', 'Test rep-a', 2, null],
      ['accepted', 'Test rev', 2, null],
      ['reopened', 'Test rev', 2, 'korekta kwot'],
    ]);
    const times = history.events.map((e) => Date.parse(e.at));
    expect(times.every((t, i) => Number.isFinite(t) && (i === 0 || t >= times[i - 1]!))).toBe(true);
    // The unit reads its own history, audit included.
    expect((await unit('GET', API_PATHS.history(OPEN_YEAR, unitA))).body.events).toHaveLength(5);
  });

  it('shows every reporting unit in the completeness view with state and last change', async () => {
    await unit('PUT', report, { baseVersion: 0, entries });
    await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA));
    expect((await unit('GET', API_PATHS.completeness(OPEN_YEAR))).status).toBe(403);
    const rows = (await manager('GET', API_PATHS.completeness(OPEN_YEAR))).body as { orgUnitCode: string; state: string; filled: number; activities: number; lastChangeBy: string | null }[];
    expect(rows.length).toBeGreaterThan(20);
    const mine = rows.find((r) => r.orgUnitCode === unitA)!;
    expect(mine).toMatchObject({ state: 'submitted', filled: entries.length, activities: entries.length, lastChangeBy: 'Test rep-a' });
    expect(rows.filter((r) => r.orgUnitCode !== unitA).every((r) => r.state === 'not_started')).toBe(true);
  });

  it('accepts saves after the deadline and marks units not yet submitted as late', async () => {
    const deadline = (await admin('GET', API_PATHS.years)).body.find((y: { year: number }) => y.year === OPEN_YEAR).deadline as string;
    const lateness = async () => new Map(((await manager('GET', API_PATHS.completeness(OPEN_YEAR))).body as { orgUnitCode: string; late?: boolean }[]).map((r) => [r.orgUnitCode, r.late]));
    try {
      expect([...(await lateness()).values()].every((late) => late === false)).toBe(true);
      expect((await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { deadline: '2020-01-31' })).status).toBe(200);
      expect((await unit('PUT', report, { baseVersion: 0, entries })).status).toBe(201);
      const draft = await lateness();
      expect(draft.get(unitA)).toBe(true);
      expect([...draft.values()].every((late) => late === true)).toBe(true);
      expect((await unit('POST', API_PATHS.submit(OPEN_YEAR, unitA))).status).toBe(200);
      const submitted = await lateness();
      expect(submitted.get(unitA)).toBe(false);
      expect([...submitted].filter(([code]) => code !== unitA).every(([, late]) => late === true)).toBe(true);
    } finally {
      await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { deadline });
    }
  });

  it('refuses a deadline that is not a calendar day and thresholds the workbook cannot hold, changing nothing', async () => {
    const before = (await admin('GET', API_PATHS.years)).body.find((y: { year: number }) => y.year === OPEN_YEAR);
    const badDay = await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { deadline: '2025-02-30' });
    expect(badDay.status).toBe(400);
    expect(JSON.stringify(badDay.body)).toContain('nie ma takiego dnia w kalendarzu');
    const badPolicy = await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { policy: { farBelow: 0.5, onPlanFrom: 0.9, farAboveOver: 250 } });
    expect(badPolicy.status).toBe(400);
    expect(JSON.stringify(badPolicy.body)).toContain('10\u00a0000\u00a0%');
    expect((await admin('GET', API_PATHS.years)).body.find((y: { year: number }) => y.year === OPEN_YEAR)).toEqual(before);
  });
});
