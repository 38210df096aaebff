/**
 * The seed as the release before program periods (migrations 001–003) stored it: one program row,
 * activities with their units, 2024 closed with every unit's report accepted, 2025 open with 2024's
 * plans. The upgrade test seeds the previous schema with it, as a city's database would be.
 */
import { DEFAULT_VARIANCE_POLICY, reportingUnitOf, type ReportEntry } from '@pwr-sync/shared';
import type { Db } from '../../src/storage/index.ts';
import { SEED_AUTHOR, toReportEntry, type SeedData } from '../../src/storage/index.ts';

const json = (v: unknown) => JSON.stringify(v);

export async function legacySeed(db: Db, seed: SeedData): Promise<void> {
  await db.transaction(async (tx) => {
    const { program } = seed;
    await tx.query(
      `INSERT INTO org_units (code, name, kind, aliases)
       SELECT x.code, x.name, x.kind, x.aliases FROM jsonb_to_recordset($1::text::jsonb) AS x(code text, name text, kind text, aliases jsonb)`,
      [json(seed.orgUnits.map((u) => ({ ...u, aliases: u.aliases ?? [] })))],
    );
    await tx.query('INSERT INTO program (id, code, title, years, areas, tasks) VALUES (1, $1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb)',
      [program.code, program.title, json(program.years), json(program.areas), json(program.tasks)]);
    await tx.query(
      `INSERT INTO activities (id, position, task_code, data)
       SELECT x.id, x.position, x.task_code, x.data FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, position int, task_code text, data jsonb)`,
      [json(program.activities.map((a, i) => ({ id: a.id, position: i, task_code: a.taskCode, data: a })))],
    );
    await tx.query(
      `INSERT INTO activity_units (activity_id, org_unit_code, role, position)
       SELECT x.activity_id, x.org_unit_code, x.role, x.position FROM jsonb_to_recordset($1::text::jsonb) AS x(activity_id text, org_unit_code text, role text, position int)`,
      [json(program.activities.flatMap((a) => a.responsibleUnits.map((r, i) => ({ activity_id: a.id, org_unit_code: r.orgUnitCode, role: r.role, position: i }))))],
    );
    await tx.query(`INSERT INTO reporting_years (year, status, deadline, policy) VALUES (2024, 'closed', '2025-03-31', $1::text::jsonb), (2025, 'open', '2026-12-31', $1::text::jsonb)`, [json(DEFAULT_VARIANCE_POLICY)]);
    await tx.query(
      `INSERT INTO plans (year, activity_id, plan) SELECT y.year, x."activityId", x.plan FROM jsonb_to_recordset($1::text::jsonb) AS x("activityId" text, plan jsonb) CROSS JOIN (VALUES (2024), (2025)) AS y(year)`,
      [json(seed.plans)],
    );
    const byUnit = new Map<string, ReportEntry[]>();
    const activityById = new Map(program.activities.map((a) => [a.id, a]));
    for (const r of seed.reports) {
      const unit = reportingUnitOf(activityById.get(r.activityId)!);
      byUnit.set(unit, [...(byUnit.get(unit) ?? []), toReportEntry(r)]);
    }
    const rows = [...byUnit].map(([unit, entries]) => ({ unit, entries }));
    await tx.query(`INSERT INTO unit_reports (year, org_unit_code, version, state, changed_by) SELECT 2024, x.unit, 1, 'accepted', $1 FROM jsonb_to_recordset($2::text::jsonb) AS x(unit text)`, [SEED_AUTHOR, json(rows)]);
    await tx.query(`INSERT INTO report_versions (year, org_unit_code, version, entries, saved_by, source) SELECT 2024, x.unit, 1, x.entries, $1, 'seed' FROM jsonb_to_recordset($2::text::jsonb) AS x(unit text, entries jsonb)`, [SEED_AUTHOR, json(rows)]);
    // 2025: one unit's draft, as an install in use would have
    const [unit, entries] = [...byUnit][0]!;
    await tx.query(`INSERT INTO unit_reports (year, org_unit_code, version, state, changed_by) VALUES (2025, $1, 1, 'draft', 'Anna Nowak')`, [unit]);
    await tx.query(`INSERT INTO report_versions (year, org_unit_code, version, entries, saved_by, source) VALUES (2025, $1, 1, $2::text::jsonb, 'Anna Nowak', 'addin')`, [unit, json(entries)]);
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded', $1::text::jsonb)", [json({ at: new Date().toISOString(), openYear: 2025 })]);
  });
}
