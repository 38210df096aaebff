import {
  DEFAULT_VARIANCE_POLICY, MSG, reportingUnitOf,
  type ActivityReport, type OrgUnit, type Plan, type Program, type ReportEntry,
} from '@pwr-sync/shared';
import type { Db, Queryable } from './db.ts';
import { json } from './json.ts';
import { SCHEMA_LOCK_KEY } from './migrate.ts';

/** What `loadSeed()` of `@pwr-sync/seeds` returns. */
export interface SeedData {
  program: Program;
  orgUnits: OrgUnit[];
  plans: { year: number; activityId: string; plan: Plan }[];
  reports: ActivityReport[];
}

export interface SeedOptions {
  /** The year opened for reporting, with the last year's plans copied and no actuals. Default: last reported year + 1. */
  openYear?: number;
  /** Deadline of the open year (ISO date). */
  openYearDeadline?: string;
  /** Deadline recorded for the closed, reported years. */
  closedYearDeadline?: (year: number) => string;
}

/** Who the imported versions are attributed to. */
export const SEED_AUTHOR = MSG.cli.seedAuthor;

export function toReportEntry(r: ActivityReport): ReportEntry {
  const entry: ReportEntry = { activityId: r.activityId, status: r.status, actual: r.actual, moneySpent: r.moneySpent, comment: r.comment };
  if (r.moneyText) entry.moneyText = r.moneyText;
  return entry;
}

export async function isSeeded(q: Queryable): Promise<boolean> {
  const r = await q.query("SELECT 1 FROM meta WHERE key = 'seeded'");
  return r.rowCount > 0 || r.rows.length > 0;
}

/**
 * Loads the seed into an empty database, once (advisory lock + `meta.seeded`, so two instances
 * starting together seed it once). Reported years become closed with every unit's report accepted
 * at version 1 (source 'seed'); the next year opens with the same activities and plans, no actuals.
 * Returns false when the database was already seeded.
 */
export async function importSeed(db: Db, seed: SeedData, opts: SeedOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    if (await isSeeded(tx)) return false;
    const { program } = seed;

    await tx.query(
      `INSERT INTO org_units (code, name, kind, aliases)
       SELECT x.code, x.name, x.kind, x.aliases FROM jsonb_to_recordset($1::text::jsonb) AS x(code text, name text, kind text, aliases jsonb)`,
      [json(seed.orgUnits.map((u) => ({ ...u, aliases: u.aliases ?? [] })))],
    );
    await tx.query(
      'INSERT INTO program (id, code, title, years, areas, tasks) VALUES (1, $1, $2, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb)',
      [program.code, program.title, json(program.years), json(program.areas), json(program.tasks)],
    );
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

    const reportedYears = [...new Set(seed.reports.map((r) => r.year))].sort();
    const planYears = [...new Set(seed.plans.map((p) => p.year))].sort();
    const lastYear = Math.max(...reportedYears, ...planYears);
    const openYear = opts.openYear ?? lastYear + 1;
    const closedDeadline = opts.closedYearDeadline ?? ((y: number) => `${y + 1}-03-31`);
    const years = [...new Set([...reportedYears, ...planYears])].filter((y) => y !== openYear).sort();
    for (const y of years) {
      await tx.query('INSERT INTO reporting_years (year, status, deadline, policy) VALUES ($1, $2, $3, $4::text::jsonb)',
        [y, 'closed', closedDeadline(y), json(DEFAULT_VARIANCE_POLICY)]);
    }
    await tx.query('INSERT INTO reporting_years (year, status, deadline, policy) VALUES ($1, $2, $3, $4::text::jsonb)',
      [openYear, 'open', opts.openYearDeadline ?? `${openYear + 1}-12-31`, json(DEFAULT_VARIANCE_POLICY)]);

    // Plans as given, then the open year's plans copied from the latest year that has them.
    const plans = seed.plans.filter((p) => p.year !== openYear);
    const sourceYear = Math.max(...planYears.filter((y) => y !== openYear));
    const openPlans = seed.plans.some((p) => p.year === openYear)
      ? seed.plans.filter((p) => p.year === openYear)
      : seed.plans.filter((p) => p.year === sourceYear).map((p) => ({ ...p, year: openYear }));
    await tx.query(
      `INSERT INTO plans (year, activity_id, plan)
       SELECT x.year, x."activityId", x.plan FROM jsonb_to_recordset($1::text::jsonb) AS x(year int, "activityId" text, plan jsonb)`,
      [json([...plans, ...openPlans])],
    );

    // Each reported year: one accepted version 1 per reporting unit.
    const activityById = new Map(program.activities.map((a) => [a.id, a]));
    for (const year of reportedYears) {
      const byUnit = new Map<string, ReportEntry[]>();
      for (const r of seed.reports.filter((x) => x.year === year)) {
        const activity = activityById.get(r.activityId);
        const unit = activity ? reportingUnitOf(activity) : r.orgUnitCode;
        byUnit.set(unit, [...(byUnit.get(unit) ?? []), toReportEntry(r)]);
      }
      const rows = [...byUnit].map(([unit, entries]) => ({ unit, entries }));
      await tx.query(
        `INSERT INTO unit_reports (year, org_unit_code, version, state, changed_by)
         SELECT $1, x.unit, 1, 'accepted', $2 FROM jsonb_to_recordset($3::text::jsonb) AS x(unit text)`,
        [year, SEED_AUTHOR, json(rows.map((r) => ({ unit: r.unit })))],
      );
      await tx.query(
        `INSERT INTO report_versions (year, org_unit_code, version, entries, saved_by, source)
         SELECT $1, x.unit, 1, x.entries, $2, 'seed' FROM jsonb_to_recordset($3::text::jsonb) AS x(unit text, entries jsonb)`,
        [year, SEED_AUTHOR, json(rows)],
      );
    }
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded', $1::text::jsonb)", [json({ at: new Date().toISOString(), openYear })]);
    return true;
  });
}
