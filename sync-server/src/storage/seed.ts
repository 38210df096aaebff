import {
  DEFAULT_VARIANCE_POLICY, MSG, carryOver, reportingUnitOf,
  type Activity, type ActivityReport, type OrgUnit, type Plan, type Program, type ReportEntry,
} from '@pwr-sync/shared';
import type { Db, Queryable } from './db.ts';
import { json } from './json.ts';
import { SCHEMA_LOCK_KEY } from './migrate.ts';
import { insertOrgUnits, insertProgram, upsertYearActivities } from './program.ts';
import { insertPhaseEvent, insertYear } from './years.ts';
import { insertPairingReviews } from './pairing.ts';

/** What `loadSeed()` of `@pwr-sync/seeds` returns. */
export interface SeedData {
  program: Program;
  orgUnits: OrgUnit[];
  plans: { year: number; activityId: string; plan: Plan }[];
  reports: ActivityReport[];
  /** The (demo) program period after `program`: its first year in reporting, its second in planning. */
  demo?: { program: Program };
  /** Pairings the import left „do sprawdzenia” (seeds/<year>/pairing.json): MOPS settles them in review. */
  pairingReviews?: { year: number; activityId: string; planMeasureId: string; note: string }[];
}

export interface SeedOptions {
  /** Deadline of the year in reporting (ISO date). */
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
 * starting together seed it once):
 * 1. the org units and the seed's program period; each reported year closed, with every unit's
 *    report accepted at version 1 (source 'seed');
 * 2. the demo period (when given): its first year in reporting (plans copied from the last
 *    reported year for the activities it carries, no actuals — planning skipped), its second year
 *    in planning, started from the first as MOPS would start it (plans empty).
 * Returns false when the database was already seeded.
 */
export async function importSeed(db: Db, seed: SeedData, opts: SeedOptions = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
    if (await isSeeded(tx)) {
      // a database seeded before pairings were reviewed gets them too (a settled one stays settled)
      await insertPairingReviews(tx, seed.pairingReviews ?? []);
      return false;
    }
    const { program } = seed;
    await insertOrgUnits(tx, seed.orgUnits);
    await insertProgram(tx, program, SEED_AUTHOR);

    const reportedYears = [...new Set([...seed.reports.map((r) => r.year), ...seed.plans.map((p) => p.year)])].sort();
    const closedDeadline = opts.closedYearDeadline ?? ((y: number) => `${y + 1}-03-31`);
    const positioned = (activities: Activity[]) => activities.map((activity, position) => ({ activity, position }));
    for (const y of reportedYears) {
      await insertYear(tx, { year: y, programCode: program.code, phase: 'closed', planningDeadline: null, deadline: closedDeadline(y), policy: DEFAULT_VARIANCE_POLICY });
      await upsertYearActivities(tx, y, positioned(program.activities));
      await insertPhaseEvent(tx, { year: y, action: 'started', fromPhase: null, toPhase: 'closed', reason: null, byId: null, byName: SEED_AUTHOR });
    }
    await insertPlans(tx, seed.plans);

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

    let openYear: number | null = null;
    if (seed.demo) {
      const demo = seed.demo.program;
      await insertProgram(tx, demo, SEED_AUTHOR);
      openYear = demo.years[0];
      await insertYear(tx, { year: openYear, programCode: demo.code, phase: 'reporting', planningDeadline: null, deadline: opts.openYearDeadline ?? `${openYear + 1}-12-31`, policy: DEFAULT_VARIANCE_POLICY });
      await upsertYearActivities(tx, openYear, positioned(demo.activities));
      await insertPhaseEvent(tx, { year: openYear, action: 'started', fromPhase: null, toPhase: 'reporting', reason: null, byId: null, byName: SEED_AUTHOR });
      const lastPlanned = Math.max(...reportedYears);
      const carried = new Set(demo.activities.map((a) => a.id));
      await insertPlans(tx, seed.plans.filter((p) => p.year === lastPlanned && carried.has(p.activityId)).map((p) => ({ ...p, year: openYear! })));
      // The next year as MOPS starts it from this one: nothing reported yet, so every activity carries over; no plans.
      const planningYear = openYear + 1;
      if (planningYear <= demo.years[1]) {
        await insertYear(tx, { year: planningYear, programCode: demo.code, phase: 'planning', planningDeadline: `${planningYear}-12-31`, deadline: `${planningYear + 1}-03-31`, policy: DEFAULT_VARIANCE_POLICY });
        await upsertYearActivities(tx, planningYear, positioned(carryOver(demo.activities, new Map()).carried));
        await insertPhaseEvent(tx, { year: planningYear, action: 'started', fromPhase: null, toPhase: 'planning', reason: null, byId: null, byName: SEED_AUTHOR });
      }
    }
    await insertPairingReviews(tx, seed.pairingReviews ?? []);
    await tx.query("INSERT INTO meta (key, value) VALUES ('seeded', $1::text::jsonb)", [json({ at: new Date().toISOString(), openYear })]);
    return true;
  });
}

async function insertPlans(tx: Queryable, plans: SeedData['plans']): Promise<void> {
  if (plans.length === 0) return;
  await tx.query(
    `INSERT INTO plans (year, activity_id, plan)
     SELECT x.year, x."activityId", x.plan FROM jsonb_to_recordset($1::text::jsonb) AS x(year int, "activityId" text, plan jsonb)`,
    [json(plans)],
  );
}
