import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '@pwr-sync/seeds';
import { backends, createTestDb, type TestDb } from '../../test/harness.ts';
import { getActivities, getPlans, getProgramHeadOfYear, getReportingUnits, getYears, importSeed, listYearReports, migrate } from './index.ts';

describe.each(backends())('storage on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(backend); });
  afterAll(async () => { await t?.close(); });

  it('applies migrations once and seeds once', async () => {
    expect(await migrate(t.db)).toEqual([]);
    expect(await importSeed(t.db, loadSeed())).toBe(false);
  });

  it('holds 2024 closed and accepted on 2022–2024, 2025 in reporting and 2026 in planning on the demo period', async () => {
    const seed = loadSeed();
    expect((await getYears(t.db)).map((y) => [y.year, y.programCode, y.phase, y.status, y.deadline])).toEqual([
      [2024, 'PWR-2022-2024', 'closed', 'closed', '2025-03-31'],
      [2025, 'PWR-2025-2027-DEMO', 'reporting', 'open', '2026-12-31'],
      [2026, 'PWR-2025-2027-DEMO', 'planning', 'closed', '2027-03-31'],
    ]);
    const reports2024 = await listYearReports(t.db, 2024);
    expect(reports2024.length).toBe((await getReportingUnits(t.db, 2024)).length);
    expect(reports2024.every((r) => r.state === 'accepted' && r.version === 1)).toBe(true);
    expect(reports2024.reduce((s, r) => s + r.entries.length, 0)).toBe(seed.reports.length);
    expect(await listYearReports(t.db, 2025)).toEqual([]);

    // 2025 runs on the activities that neither ended nor were cancelled in 2024, with 2024's plans
    const ended2024 = seed.reports.filter((r) => r.status === 'ended' || r.status === 'cancelled').map((r) => r.activityId).sort();
    expect(ended2024).toEqual(expect.arrayContaining(['I.3.2-12', 'I.3.4-37', 'I.3.4-38', 'I.3.4-40']));
    const ids2025 = (await getActivities(t.db, 2025)).map((a) => a.id);
    expect(ids2025).toHaveLength(seed.program.activities.length - ended2024.length);
    for (const id of ended2024) expect(ids2025).not.toContain(id);
    expect((await getActivities(t.db, 2024)).map((a) => a.id)).toEqual(expect.arrayContaining(ended2024));
    const plans2024 = await getPlans(t.db, 2024);
    const plans2025 = await getPlans(t.db, 2025);
    expect([...plans2025.keys()].sort()).toEqual([...ids2025].sort());
    for (const [id, plan] of plans2025) expect(plan).toEqual(plans2024.get(id));

    // 2026 starts from 2025: the same activities, no plans yet
    expect((await getActivities(t.db, 2026)).map((a) => a.id)).toEqual(ids2025);
    expect((await getPlans(t.db, 2026)).size).toBe(0);
    expect((await getProgramHeadOfYear(t.db, 2025))?.title).toContain('Dane demonstracyjne');
  });
});
