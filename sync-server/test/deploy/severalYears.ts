/**
 * A database with history across several years, as a city's would have after a few: 2024 from the
 * seed (closed, accepted), 2025 with saves, a return, resubmission and acceptance, 2026 in reporting with
 * drafts. Made through the API, so every version, change and workflow event is the real thing.
 */
import { API_PATHS, REVIEW_PATHS } from '@pwr-sync/shared';
import type { Db } from '../../src/storage/index.ts';
import { client, fullReport, pickUnits, startApp, userToken } from '../harness.ts';

/** The seeded year in planning, moved to reporting with the plans of `from` (as MOPS entering them would). */
export async function openYear(db: Db, year: number, from: number): Promise<void> {
  await db.query(`UPDATE reporting_years SET phase = 'reporting' WHERE year = $1`, [year]);
  await db.query(
    `INSERT INTO plans (year, activity_id, plan) SELECT $1, p.activity_id, p.plan FROM plans p
     JOIN year_activities a ON a.year = $1 AND a.activity_id = p.activity_id WHERE p.year = $2`, [year, from]);
}

export async function makeSeveralYears(db: Db): Promise<void> {
  await openYear(db, 2026, 2025);
  const { unitA, unitB } = pickUnits();
  const app = await startApp(db);
  try {
    const reviewer = client(app.url, await userToken(db, 'backup-rev', 'reviewer'));
    for (const [i, unit] of [unitA, unitB].entries()) {
      const reporter = client(app.url, await userToken(db, `backup-rep-${i}`, 'unit_reporter', unit));
      const save = async (year: number, baseVersion: number, tag: string) => {
        const { body } = await reporter('GET', API_PATHS.assignments(year, unit));
        const entries = fullReport(body.assignments, tag).map((e, k) => (k === 0 ? { ...e, comment: `Uwagi ${tag} — „cudzysłów”, zażółć gęślą jaźń` } : e));
        const r = await reporter('PUT', API_PATHS.report(year, unit), { baseVersion, entries }, { 'Idempotency-Key': `backup-${unit}-${year}-${tag}` });
        if (r.status !== 201) throw new Error(`save ${unit} ${year}: ${r.status} ${JSON.stringify(r.body)}`);
      };
      await save(2025, 0, 'v1');
      await save(2025, 1, 'v2');
      await reporter('POST', API_PATHS.submit(2025, unit), {});
      await reviewer('GET', REVIEW_PATHS.view(2025, unit));
      await reviewer('POST', API_PATHS.return(2025, unit), { comment: 'Proszę uzupełnić liczbę uczestników.' });
      await save(2025, 2, 'v3');
      await reporter('POST', API_PATHS.submit(2025, unit), {});
      await reviewer('GET', REVIEW_PATHS.view(2025, unit));
      const accepted = await reviewer('POST', API_PATHS.accept(2025, unit), {});
      if (accepted.status !== 200) throw new Error(`accept ${unit}: ${accepted.status} ${JSON.stringify(accepted.body)}`);
      await save(2026, 0, 'd1');
    }
  } finally {
    await app.close();
  }
}

/** Every row of every table, as sorted JSON lines per table: equal snapshots mean nothing was lost or changed. */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)).rows.map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    out[t] = (await db.query<{ r: string }>(`SELECT to_jsonb(x)::text AS r FROM "${t}" x`)).rows.map((r) => r.r).sort();
  }
  return out;
}
