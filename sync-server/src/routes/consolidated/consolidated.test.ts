import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, ConsolidatedRowSchema, type ConsolidatedRow } from '@pwr-sync/shared';
import { loadSeed } from '@pwr-sync/seeds';
import { backends, client, CLOSED_YEAR, createTestDb, OPEN_YEAR, pickUnits, startApp, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';

const { unitA } = pickUnits();

describe.each(backends())('consolidated rows on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let manager: ReturnType<typeof client>;
  let all: ConsolidatedRow[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    manager = client(app.url, await userToken(t.db, 'mgr', 'manager'));
    all = (await manager('GET', API_PATHS.consolidated(CLOSED_YEAR))).body;
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('gives every activity of the seeded year at least one valid row, money counted once', () => {
    for (const r of all) ConsolidatedRowSchema.parse(r);
    const seed = loadSeed();
    expect(new Set(all.map((r) => r.activityId)).size).toBe(seed.program.activities.length);
    const money = all.reduce((s, r) => s + (r.moneySpent ?? 0), 0);
    const seedMoney = seed.reports.reduce((s, r) => s + r.moneySpent.reduce((a, b) => a + b, 0), 0);
    expect(money).toBe(seedMoney);
  });

  it('names every row\'s task and area by their titles from the program (the tables show names, not codes)', () => {
    const seed = loadSeed();
    const task = new Map(seed.program.tasks.map((t) => [t.code, t.title]));
    const area = new Map(seed.program.areas.map((a) => [a.code, a.title]));
    expect(all.filter((r) => r.taskTitle !== task.get(r.taskCode) || r.areaTitle !== area.get(r.area))).toEqual([]);
  });

  it('filters by area, task, unit, band, status, ratio and money', async () => {
    const q = async (query: string) => (await manager('GET', `${API_PATHS.consolidated(CLOSED_YEAR)}?${query}`)).body as ConsolidatedRow[];
    expect((await q('area=II')).every((r) => r.area === 'II')).toBe(true);
    expect((await q('task=I.1,I.2')).every((r) => ['I.1', 'I.2'].includes(r.taskCode))).toBe(true);
    const byUnit = await q(`unit=${encodeURIComponent(unitA)}`);
    expect(byUnit.length).toBeGreaterThan(0);
    expect(byUnit.every((r) => r.orgUnitCodes.includes(unitA))).toBe(true);
    const farBelow = await q('band=far_below');
    expect(farBelow.length).toBeGreaterThan(0);
    expect(farBelow.every((r) => r.band === 'far_below')).toBe(true);
    const below = await q('ratioBelow=0.8');
    expect(below.length).toBeGreaterThan(0);
    expect(below.every((r) => r.ratio !== null && r.ratio < 0.8)).toBe(true);
    // A Polish user types a decimal comma: the same filter, not a refusal.
    expect(await q('ratioBelow=0,8')).toEqual(below);
    expect(await q(`ratioBelow=${encodeURIComponent('0,8')}`)).toEqual(below);
    expect((await q('ratioAbove=1.5')).every((r) => r.ratio !== null && r.ratio > 1.5)).toBe(true);
    expect((await q('status=not_realized,cancelled')).every((r) => r.status === 'not_realized' || r.status === 'cancelled')).toBe(true);
    const withMoney = await q('withMoney=true');
    expect(withMoney.length).toBeGreaterThan(0);
    expect(withMoney.every((r) => r.taskKind === 'basic')).toBe(true);
    const bad = await manager('GET', `${API_PATHS.consolidated(CLOSED_YEAR)}?band=terrible`);
    expect(bad.status).toBe(400);
  });

  it('gives the open year rows without actuals, and a unit reporter only its own activities', async () => {
    const open = (await manager('GET', API_PATHS.consolidated(OPEN_YEAR))).body as ConsolidatedRow[];
    expect(open.every((r) => r.actual === null && r.status === null && r.version === 0)).toBe(true);
    const unit = client(app.url, await userToken(t.db, 'rep-a', 'unit_reporter', unitA));
    const rows = (await unit('GET', API_PATHS.consolidated(CLOSED_YEAR))).body as ConsolidatedRow[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.orgUnitCodes.includes(unitA))).toBe(true);
  });
});
