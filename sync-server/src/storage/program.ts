import type { Activity, Area, OrgUnit, Plan, Program, ProgramStructure, ProgramSummary, Task } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { json } from './json.ts';

/** A program period as stored: its structure and, for a year, the activities that year runs on. */
export interface StoredProgram {
  code: string;
  title: string;
  years: [number, number];
  demo: boolean;
  areas: Area[];
  tasks: Task[];
  activities: Activity[];
}

/** A program's head row (structure without activities) and its revision. */
export interface ProgramHead extends Omit<StoredProgram, 'activities'> { revision: number }

interface ProgramRow { code: string; title: string; first_year: number; last_year: number; demo: boolean; areas: Area[]; tasks: Task[]; revision: number }
const HEAD = 'code, title, first_year, last_year, demo, areas, tasks, revision';
const toHead = (r: ProgramRow): ProgramHead => ({ code: r.code, title: r.title, years: [r.first_year, r.last_year], demo: r.demo, areas: r.areas, tasks: r.tasks, revision: r.revision });

export async function getProgramHead(q: Queryable, code: string): Promise<ProgramHead | null> {
  const r = await q.query<ProgramRow>(`SELECT ${HEAD} FROM programs WHERE code = $1`, [code]);
  return r.rows[0] ? toHead(r.rows[0]) : null;
}

/** The program period whose years cover `year` (periods do not overlap; the newest wins if they do). */
export async function findProgramCovering(q: Queryable, year: number): Promise<ProgramHead | null> {
  const r = await q.query<ProgramRow>(`SELECT ${HEAD} FROM programs WHERE first_year <= $1 AND last_year >= $1 ORDER BY first_year DESC LIMIT 1`, [year]);
  return r.rows[0] ? toHead(r.rows[0]) : null;
}

/** The program a year belongs to. */
export async function getProgramHeadOfYear(q: Queryable, year: number): Promise<ProgramHead | null> {
  const r = await q.query<ProgramRow>(`SELECT ${HEAD} FROM programs WHERE code = (SELECT program_code FROM reporting_years WHERE year = $1)`, [year]);
  return r.rows[0] ? toHead(r.rows[0]) : null;
}

/** The program a year belongs to, with the activities of that year (the annex, the workbook). */
export async function getProgram(q: Queryable, year: number): Promise<StoredProgram | null> {
  const head = await getProgramHeadOfYear(q, year);
  if (!head) return null;
  const { revision: _revision, ...rest } = head;
  return { ...rest, activities: await getActivities(q, year) };
}

/** Every program period, oldest first, with its years and activity counts. */
export async function listPrograms(q: Queryable): Promise<ProgramSummary[]> {
  const r = await q.query<{ code: string; title: string; first_year: number; last_year: number; demo: boolean; years: number[] | null; activities: number; retired: number }>(
    `SELECT p.code, p.title, p.first_year, p.last_year, p.demo,
       (SELECT array_agg(y.year ORDER BY y.year) FROM reporting_years y WHERE y.program_code = p.code) AS years,
       (SELECT count(*) FROM program_activities a WHERE a.program_code = p.code AND a.retired_at IS NULL)::int AS activities,
       (SELECT count(*) FROM program_activities a WHERE a.program_code = p.code AND a.retired_at IS NOT NULL)::int AS retired
     FROM programs p ORDER BY p.first_year, p.code`,
  );
  return r.rows.map((x) => ({ code: x.code, title: x.title, firstYear: x.first_year, lastYear: x.last_year, demo: x.demo, years: x.years ?? [], activities: x.activities, retired: x.retired }));
}

/** A program activity with when it was retired (null: in the program). */
export interface ProgramActivity { activity: Activity; retiredAt: string | null }

/** The program's activities in program order; retired ones only when asked. */
export async function getProgramActivities(q: Queryable, code: string, opts: { withRetired?: boolean } = {}): Promise<ProgramActivity[]> {
  const r = await q.query<{ data: Activity; retired_at: Date | string | null }>(
    `SELECT data, retired_at FROM program_activities WHERE program_code = $1 ${opts.withRetired ? '' : 'AND retired_at IS NULL'} ORDER BY position, id`,
    [code],
  );
  return r.rows.map((x) => ({ activity: x.data, retiredAt: x.retired_at == null ? null : new Date(x.retired_at).toISOString() }));
}

/** Creates a program period with its activities (all in the program). */
export async function insertProgram(q: Queryable, program: Program, createdBy: string): Promise<void> {
  await q.query(
    'INSERT INTO programs (code, title, first_year, last_year, demo, areas, tasks, created_by) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb, $7::text::jsonb, $8)',
    [program.code, program.title, program.years[0], program.years[1], program.demo ?? false, json(program.areas), json(program.tasks), createdBy],
  );
  await upsertProgramActivities(q, program.code, program.activities);
}

/** Inserts or updates the program's activities at their positions (brings a retired one back). */
export async function upsertProgramActivities(q: Queryable, code: string, activities: Activity[]): Promise<void> {
  if (activities.length === 0) return;
  await q.query(
    `INSERT INTO program_activities (program_code, id, position, task_code, data)
     SELECT $1, x.id, x.position, x.task_code, x.data FROM jsonb_to_recordset($2::text::jsonb) AS x(id text, position int, task_code text, data jsonb)
     ON CONFLICT (program_code, id) DO UPDATE SET position = EXCLUDED.position, task_code = EXCLUDED.task_code, data = EXCLUDED.data, retired_at = NULL, retired_by = NULL`,
    [code, json(activities.map((a, i) => ({ id: a.id, position: i, task_code: a.taskCode, data: a })))],
  );
}

/** Retires activities: no longer in the program's file or carried into a new year; nothing is deleted. */
export async function retireProgramActivities(q: Queryable, code: string, ids: string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE program_activities SET retired_at = now(), retired_by = $3 WHERE program_code = $1 AND id = ANY(SELECT jsonb_array_elements_text($2::text::jsonb)) AND retired_at IS NULL`,
    [code, json(ids), by],
  );
}

/** Replaces the program's head (title, areas, tasks, the demo mark) and bumps its revision. */
export async function updateProgramHead(q: Queryable, code: string, head: Pick<Program, 'title' | 'areas' | 'tasks'> & { demo: boolean }): Promise<number> {
  const r = await q.query<{ revision: number }>(
    'UPDATE programs SET title = $2, areas = $3::text::jsonb, tasks = $4::text::jsonb, demo = $5, revision = revision + 1 WHERE code = $1 RETURNING revision',
    [code, head.title, json(head.areas), json(head.tasks), head.demo],
  );
  return r.rows[0]!.revision;
}

/** Records a program change (created from a file, a file applied) with the diff as applied. */
export async function insertProgramChange(q: Queryable, c: { programCode: string; action: 'created' | 'applied'; revision: number; diff: unknown; byId: string | null; byName: string }): Promise<void> {
  await q.query('INSERT INTO program_changes (program_code, action, revision, diff, by_id, by_name) VALUES ($1, $2, $3, $4::text::jsonb, $5, $6)',
    [c.programCode, c.action, c.revision, json(c.diff), c.byId, c.byName]);
}

/** The activities a year runs on, in program order. */
export async function getActivities(q: Queryable, year: number): Promise<Activity[]> {
  const r = await q.query<{ data: Activity }>('SELECT data FROM year_activities WHERE year = $1 ORDER BY position, activity_id', [year]);
  return r.rows.map((x) => x.data);
}

/** Sets the activities of a year (new ones inserted, existing updated in place, with their units). */
export async function upsertYearActivities(q: Queryable, year: number, activities: { activity: Activity; position: number }[]): Promise<void> {
  if (activities.length === 0) return;
  await q.query(
    `INSERT INTO year_activities (year, activity_id, position, task_code, data)
     SELECT $1, x.id, x.position, x.task_code, x.data FROM jsonb_to_recordset($2::text::jsonb) AS x(id text, position int, task_code text, data jsonb)
     ON CONFLICT (year, activity_id) DO UPDATE SET position = EXCLUDED.position, task_code = EXCLUDED.task_code, data = EXCLUDED.data`,
    [year, json(activities.map(({ activity: a, position }) => ({ id: a.id, position, task_code: a.taskCode, data: a })))],
  );
  const ids = json(activities.map((a) => a.activity.id));
  await q.query('DELETE FROM activity_units_by_year WHERE year = $1 AND activity_id = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))', [year, ids]);
  await q.query(
    `INSERT INTO activity_units_by_year (year, activity_id, org_unit_code, role, position)
     SELECT $1, x.activity_id, x.org_unit_code, x.role, x.position FROM jsonb_to_recordset($2::text::jsonb) AS x(activity_id text, org_unit_code text, role text, position int)`,
    [year, json(activities.flatMap(({ activity: a }) => a.responsibleUnits.map((r, i) => ({ activity_id: a.id, org_unit_code: r.orgUnitCode, role: r.role, position: i }))))],
  );
}

/** Removes activities from a year (only a year still in planning, without plans for them). */
export async function removeYearActivities(q: Queryable, year: number, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await q.query('DELETE FROM year_activities WHERE year = $1 AND activity_id = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))', [year, json(ids)]);
}

export async function getOrgUnits(q: Queryable): Promise<OrgUnit[]> {
  const r = await q.query<OrgUnit>('SELECT code, name, kind, aliases FROM org_units ORDER BY code');
  return r.rows;
}

export async function getOrgUnit(q: Queryable, code: string): Promise<OrgUnit | null> {
  const r = await q.query<OrgUnit>('SELECT code, name, kind, aliases FROM org_units WHERE code = $1', [code]);
  return r.rows[0] ?? null;
}

/** Adds org units to the registry (a program file may bring new ones); existing codes are left as they are. */
export async function insertOrgUnits(q: Queryable, units: OrgUnit[]): Promise<void> {
  if (units.length === 0) return;
  await q.query(
    `INSERT INTO org_units (code, name, kind, aliases)
     SELECT x.code, x.name, x.kind, x.aliases FROM jsonb_to_recordset($1::text::jsonb) AS x(code text, name text, kind text, aliases jsonb)
     ON CONFLICT (code) DO NOTHING`,
    [json(units.map((u) => ({ ...u, aliases: u.aliases ?? [] })))],
  );
}

/** Renames org units of the registry (code stays; the name is what the program file says). */
export async function renameOrgUnits(q: Queryable, units: { code: string; name: string }[]): Promise<void> {
  for (const u of units) await q.query('UPDATE org_units SET name = $2 WHERE code = $1', [u.code, u.name]);
}

/** Sets the kind of org units of the registry (as the program file says). */
export async function setOrgUnitKinds(q: Queryable, units: { code: string; kind: OrgUnit['kind'] }[]): Promise<void> {
  for (const u of units) await q.query('UPDATE org_units SET kind = $2 WHERE code = $1', [u.code, u.kind]);
}

/**
 * The structure (areas, tasks, org units) of a year's program; without a year, of the newest
 * year's program.
 */
export async function getProgramStructure(q: Queryable, year?: number): Promise<ProgramStructure> {
  const p = await q.query<{ areas: Area[]; tasks: Task[] }>(
    year === undefined
      ? 'SELECT p.areas, p.tasks FROM programs p JOIN reporting_years y ON y.program_code = p.code ORDER BY y.year DESC LIMIT 1'
      : 'SELECT p.areas, p.tasks FROM programs p JOIN reporting_years y ON y.program_code = p.code WHERE y.year = $1',
    year === undefined ? [] : [year],
  );
  return { areas: p.rows[0]?.areas ?? [], tasks: p.rows[0]?.tasks ?? [], orgUnits: await getOrgUnits(q) };
}

/** Plans of a year by activity id. */
export async function getPlans(q: Queryable, year: number): Promise<Map<string, Plan>> {
  const r = await q.query<{ activity_id: string; plan: Plan }>('SELECT activity_id, plan FROM plans WHERE year = $1', [year]);
  return new Map(r.rows.map((x) => [x.activity_id, x.plan]));
}

/** Activities a unit is responsible for in a year (any role), in program order, with the unit's role. */
export async function getUnitActivities(q: Queryable, year: number, orgUnitCode: string): Promise<{ activity: Activity; role: 'reporting' | 'contributing' }[]> {
  const r = await q.query<{ data: Activity; role: 'reporting' | 'contributing' }>(
    `SELECT a.data, au.role FROM activity_units_by_year au JOIN year_activities a ON a.year = au.year AND a.activity_id = au.activity_id
     WHERE au.year = $1 AND au.org_unit_code = $2 ORDER BY a.position, a.activity_id`,
    [year, orgUnitCode],
  );
  return r.rows.map((x) => ({ activity: x.data, role: x.role }));
}

/**
 * Org units that report at least one activity of a year (the rows of the completeness view);
 * without a year, of any year (the demo's sign-in tokens).
 */
export async function getReportingUnits(q: Queryable, year?: number): Promise<{ code: string; name: string; activities: number }[]> {
  const r = await q.query<{ code: string; name: string; activities: number }>(
    year === undefined
      ? `SELECT u.code, u.name, count(DISTINCT au.activity_id)::int AS activities FROM activity_units_by_year au JOIN org_units u ON u.code = au.org_unit_code
         WHERE au.role = 'reporting' GROUP BY u.code, u.name ORDER BY u.code`
      : `SELECT u.code, u.name, count(*)::int AS activities FROM activity_units_by_year au JOIN org_units u ON u.code = au.org_unit_code
         WHERE au.role = 'reporting' AND au.year = $1 GROUP BY u.code, u.name ORDER BY u.code`,
    year === undefined ? [] : [year],
  );
  return r.rows;
}
