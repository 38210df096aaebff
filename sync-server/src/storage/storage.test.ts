import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '@pwr-sync/seeds';
import { backends, createTestDb, type TestDb } from '../../test/harness.ts';
import { getPlans, getReportingUnits, getYears, importSeed, listYearReports, migrate } from './index.ts';

describe.each(backends())('storage on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => { t = await createTestDb(backend); });
  afterAll(async () => { await t?.close(); });

  it('applies migrations once and seeds once', async () => {
    expect(await migrate(t.db)).toEqual([]);
    expect(await importSeed(t.db, loadSeed())).toBe(false);
  });

  it('holds 2024 closed and accepted, 2025 open with copied plans and no reports', async () => {
    const seed = loadSeed();
    expect((await getYears(t.db)).map((y) => [y.year, y.status, y.deadline])).toEqual([[2024, 'closed', '2025-03-31'], [2025, 'open', '2026-12-31']]);
    const reports2024 = await listYearReports(t.db, 2024);
    expect(reports2024.length).toBe((await getReportingUnits(t.db)).length);
    expect(reports2024.every((r) => r.state === 'accepted' && r.version === 1)).toBe(true);
    expect(reports2024.reduce((s, r) => s + r.entries.length, 0)).toBe(seed.reports.length);
    expect(await listYearReports(t.db, 2025)).toEqual([]);
    const plans2025 = await getPlans(t.db, 2025);
    expect(plans2025.size).toBe(seed.program.activities.length);
    expect(plans2025).toEqual(await getPlans(t.db, 2024));
  });
});
