import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, reportingUnitOf, type Assignment, type AssignmentsResponse, type ReportEntry, type UnitReport } from '@pwr-sync/shared';
import { backends, client, createTestDb, fullReport, OPEN_YEAR, CLOSED_YEAR, pickUnits, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA, unitB, joint } = pickUnits();

describe.each(backends())('unit report API on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let tokens: Record<'a' | 'b' | 'contrib' | 'reviewer' | 'manager' | 'admin', string>;
  let assignmentsA: AssignmentsResponse;

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db, { bodyLimit: '1mb' });
    tokens = {
      a: await userToken(t.db, 'rep-a', 'unit_reporter', unitA),
      b: await userToken(t.db, 'rep-b', 'unit_reporter', unitB),
      contrib: await userToken(t.db, 'rep-c', 'unit_reporter', joint.contributing),
      reviewer: await userToken(t.db, 'rev', 'reviewer'),
      manager: await userToken(t.db, 'mgr', 'manager'),
      admin: await userToken(t.db, 'adm', 'admin'),
    };
    assignmentsA = (await client(app.url, tokens.a)('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  const asA = () => client(app.url, tokens.a);
  const reportPath = API_PATHS.report(OPEN_YEAR, unitA);

  it('answers 401 without or with an invalid token', async () => {
    expect((await client(app.url)('GET', API_PATHS.me)).status).toBe(401);
    const bad = await client(app.url, 'pwr_nope')('GET', reportPath);
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ code: 'unauthorized', error: expect.any(String) });
  });

  it('gives a unit its assignments and an empty report at version 0', async () => {
    expect(assignmentsA.assignments.length).toBeGreaterThan(3);
    const r = await asA()('GET', reportPath);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ version: 0, state: 'not_started', entries: [] });
  });

  it('saves a new version per save and records field changes', async () => {
    const entries = fullReport(assignmentsA.assignments);
    const s1 = await asA()('PUT', reportPath, { baseVersion: 0, entries });
    expect(s1.status).toBe(201);
    expect(s1.body).toMatchObject({ version: 1, replayed: false, savedBy: 'Test rep-a' });
    const changed: ReportEntry[] = entries.map((e, i) => (i === 0 ? { ...e, comment: 'zmiana' } : e));
    const s2 = await asA()('PUT', reportPath, { baseVersion: 1, entries: changed });
    expect(s2.body.version).toBe(2);
    const report = (await asA()('GET', reportPath)).body as UnitReport;
    expect(report).toMatchObject({ version: 2, state: 'draft' });
    expect(report.entries[0]!.comment).toBe('zmiana');
    const history = (await asA()('GET', API_PATHS.history(OPEN_YEAR, unitA))).body;
    expect(history.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const v2 = history.changes.filter((c: { version: number }) => c.version === 2);
    expect(v2).toEqual([expect.objectContaining({ activityId: entries[0]!.activityId, change: { field: 'comment', old: entries[0]!.comment || null, new: 'zmiana' } })]);
  });

  it('refuses a stale baseVersion with 409 and the current report, writing nothing', async () => {
    const entries = fullReport(assignmentsA.assignments);
    await asA()('PUT', reportPath, { baseVersion: 0, entries });
    const mine = entries.map((e, i) => (i === 0 ? { ...e, comment: 'pierwszy' } : e));
    const theirs = entries.map((e, i) => (i === 0 ? { ...e, comment: 'drugi' } : e));
    expect((await asA()('PUT', reportPath, { baseVersion: 1, entries: mine })).status).toBe(201);
    const stale = await asA()('PUT', reportPath, { baseVersion: 1, entries: theirs });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toMatchObject({ version: 2 });
    expect(stale.body.current.entries[0].comment).toBe('pierwszy');
    const after = (await asA()('GET', reportPath)).body as UnitReport;
    expect(after.version).toBe(2);
    expect(after.entries[0]!.comment).toBe('pierwszy');
  });

  it('detects concurrent saves of one version: one wins, the others get 409', async () => {
    const entries = fullReport(assignmentsA.assignments);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      asA()('PUT', reportPath, { baseVersion: 0, entries: entries.map((e, j) => (j === 0 ? { ...e, comment: `wersja ${i}` } : e)) })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await asA()('GET', reportPath)).body.version).toBe(1);
  });

  it('replays a retry with the same Idempotency-Key, refuses the key with another body', async () => {
    const entries = fullReport(assignmentsA.assignments);
    const key = { 'idempotency-key': 'save-0001-abcdef' };
    const first = await asA()('PUT', reportPath, { baseVersion: 0, entries }, key);
    const retry = await asA()('PUT', reportPath, { baseVersion: 0, entries }, key);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect((await asA()('GET', API_PATHS.history(OPEN_YEAR, unitA))).body.versions).toHaveLength(1);
    const other = await asA()('PUT', reportPath, { baseVersion: 1, entries: entries.slice(1) }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
  });

  it("refuses another unit's report and another unit's activities with 403", async () => {
    const entries = fullReport(assignmentsA.assignments);
    const r = await client(app.url, tokens.b)('PUT', reportPath, { baseVersion: 0, entries });
    expect(r.status).toBe(403);
    const own = API_PATHS.report(OPEN_YEAR, unitB);
    const foreign = await client(app.url, tokens.b)('PUT', own, { baseVersion: 0, entries: entries.slice(0, 1) });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error).toContain(entries[0]!.activityId);
    expect((await client(app.url, tokens.b)('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).status).toBe(403);
  });

  it('lets a contributing unit read only the joint activities, and not write them', async () => {
    const c = client(app.url, tokens.contrib);
    const path = API_PATHS.report(OPEN_YEAR, joint.reporting);
    const ownerToken = await userToken(t.db, `rep-${joint.reporting}`, 'unit_reporter', joint.reporting);
    const owner = client(app.url, ownerToken);
    const entries = fullReport((await owner('GET', API_PATHS.assignments(OPEN_YEAR, joint.reporting))).body.assignments);
    expect((await owner('PUT', path, { baseVersion: 0, entries })).status).toBe(201);
    const read = await c('GET', path);
    expect(read.status).toBe(200);
    const visible = read.body.entries.map((e: ReportEntry) => e.activityId);
    const contributed = (await c('GET', API_PATHS.assignments(OPEN_YEAR, joint.contributing))).body.assignments
      .filter((a: Assignment) => a.role === 'contributing' && reportingUnitOf(a.activity) === joint.reporting)
      .map((a: Assignment) => a.activity.id);
    expect(visible).toContain(joint.activityId);
    expect([...visible].sort()).toEqual([...contributed].sort());
    expect(visible.length).toBeLessThan(entries.length);
    const write = await c('PUT', API_PATHS.report(OPEN_YEAR, joint.contributing), { baseVersion: 0, entries: entries.filter((e) => e.activityId === joint.activityId) });
    expect(write.status).toBe(403);
  });

  it('answers malformed JSON, wrong types, negative and non-finite numbers with 400 and the path', async () => {
    const malformed = await asA()('PUT', reportPath, '{"baseVersion": 0, "entries": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed_json');
    const wrongType = await asA()('PUT', reportPath, { baseVersion: '0', entries: {} });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.code).toBe('invalid_request');
    expect(wrongType.body.problems.map((p: { field: string }) => p.field)).toEqual(expect.arrayContaining(['baseVersion', 'entries']));
    // every message in Polish, zod's own ones included (users read them)
    expect(wrongType.body.problems.map((p: { message: string }) => p.message)).toEqual([
      'Pole „wersja bazowa” musi być liczbą, np. „12” albo „0,5”.', 'Pole „pozycje sprawozdania” musi być listą.',
    ]);
    const badStatus = await asA()('PUT', reportPath, { baseVersion: 0, entries: [{ ...fullReport(assignmentsA.assignments)[0]!, status: 'done' }] });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error).toMatch(/^Pozycja 1: pole „status realizacji”: nieznana wartość „done” — dozwolone: realized, /);
    const entries = fullReport(assignmentsA.assignments);
    const withMeasure = entries.findIndex((e) => e.actual.measures.length > 0);
    const negative = structuredClone(entries);
    negative[withMeasure]!.actual.measures[0]!.value = -5;
    const neg = await asA()('PUT', reportPath, { baseVersion: 0, entries: negative });
    expect(neg.status).toBe(400);
    expect(neg.body.problems[0].field).toBe(`entries[${withMeasure}].actual.measures[0].value`);
    const text = JSON.stringify({ baseVersion: 0, entries }).replace(/"value":\d+(\.\d+)?/, '"value":1e999');
    const infinite = await asA()('PUT', reportPath, text);
    expect(infinite.status).toBe(400);
    expect(infinite.body.problems[0].message).toMatch(/skończon|liczb/);
    const money = structuredClone(entries);
    money[0]!.moneySpent = [12.5];
    expect((await asA()('PUT', reportPath, { baseVersion: 0, entries: money })).status).toBe(400);
    expect((await asA()('GET', reportPath)).body.version).toBe(0);
  });

  it('refuses an unbounded money text or count with 400 naming the field, storing nothing', async () => {
    const entries = fullReport(assignmentsA.assignments);
    const withMeasure = entries.findIndex((e) => e.actual.measures.length > 0);
    const huge = structuredClone(entries);
    huge[0]!.moneyText = ['9'.repeat(900_000)];
    huge[withMeasure]!.actual.measures[0]!.value = 1e300;
    const r = await asA()('PUT', reportPath, { baseVersion: 0, entries: huge });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatch(/^Niepoprawne dane żądania \(2 problemy\)\. Pierwszy: Pozycja 1: /);
    expect(r.body.problems).toContainEqual(expect.objectContaining({
      field: 'entries[0].moneyText[0]', message: 'Pozycja 1: pole „kwota zapisana tekstem” może mieć najwyżej 100 znaków — skróć tekst.',
    }));
    expect(r.body.problems).toContainEqual(expect.objectContaining({
      field: `entries[${withMeasure}].actual.measures[0].value`, message: `Pozycja ${withMeasure + 1}: pole „wartość miary” może wynosić najwyżej 1\u00a0000\u00a0000\u00a0000.`,
    }));
    expect((await asA()('GET', reportPath)).body.version).toBe(0);
  });

  it('answers a broken %-encoded path and an undecodable body with 400 JSON, not 500', async () => {
    const path = await asA()('GET', `/api/years/${OPEN_YEAR}/units/%E0%A4%A/report`);
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject({ code: 'bad_request', error: expect.stringMatching(/^Niepoprawne żądanie/) });
    const gzip = await asA()('PUT', reportPath, '{"baseVersion":0,"entries":[]}', { 'content-encoding': 'gzip' });
    expect(gzip.status).toBe(400);
    expect(gzip.body.code).toBe('bad_request');
    expect((await asA()('GET', reportPath)).body.version).toBe(0);
  });

  it('answers unknown activities, duplicates and rule violations with 422 listing every problem', async () => {
    const entries = fullReport(assignmentsA.assignments);
    const bad: ReportEntry[] = [
      ...entries,
      { ...entries[0]! },
      { activityId: 'IV.9-99', status: null, actual: { measures: [] }, moneySpent: [], comment: '' },
      { ...entries[1]!, activityId: entries[1]!.activityId, status: 'cancelled', actual: { measures: [{ kind: 'uczestnik', value: 3 }] } },
    ];
    bad.splice(1, 1);
    const r = await asA()('PUT', reportPath, { baseVersion: 0, entries: bad });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('report_invalid');
    const codes = r.body.problems.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate_entry', 'unknown_activity', 'measures_with_status']));
    for (const p of r.body.problems) expect(p).toMatchObject({ activityId: expect.any(String), field: expect.any(String), message: expect.stringMatching(/Działanie/) });
  });

  it('answers an oversized body with 413 JSON', async () => {
    const big = { baseVersion: 0, entries: [{ activityId: 'I.1-01', status: null, actual: { measures: [] }, comment: 'x'.repeat(1_200_000) }] };
    const r = await asA()('PUT', reportPath, big);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('payload_too_large');
  });

  it('keeps closed years read-only', async () => {
    const closed = API_PATHS.report(CLOSED_YEAR, unitA);
    const current = (await asA()('GET', closed)).body as UnitReport;
    expect(current).toMatchObject({ version: 1, state: 'accepted' });
    const r = await asA()('PUT', closed, { baseVersion: 1, entries: current.entries });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('year_closed');
  });

  it('refuses saves by managers, and by a reviewer without a reason for writing on the unit\'s behalf', async () => {
    expect((await client(app.url, tokens.manager)('PUT', reportPath, { baseVersion: 0, entries: [] })).status).toBe(403);
    const r = await client(app.url, tokens.reviewer)('PUT', reportPath, { baseVersion: 0, entries: [] });
    expect(r.status).toBe(422);
    expect(r.body.problems[0].field).toBe('onBehalfReason');
  });

  it('serves /api/health without a token and JSON 404 for unknown API paths', async () => {
    expect((await client(app.url)('GET', '/api/health')).body).toMatchObject({ ok: true });
    const nf = await client(app.url, tokens.a)('GET', '/api/nothing');
    expect(nf.status).toBe(404);
    expect(nf.body.code).toBe('not_found');
  });
});
