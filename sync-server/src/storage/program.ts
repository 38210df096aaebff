import type { Activity, Area, OrgUnit, Plan, ProgramStructure, ReportingYear, Task, VariancePolicy } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';

/** The whole program as stored (structure, without per-year figures). */
export interface StoredProgram {
  code: string;
  title: string;
  years: [number, number];
  areas: Area[];
  tasks: Task[];
  activities: Activity[];
}

export async function getProgram(q: Queryable): Promise<StoredProgram | null> {
  const p = await q.query<{ code: string; title: string; years: [number, number]; areas: Area[]; tasks: Task[] }>(
    'SELECT code, title, years, areas, tasks FROM program WHERE id = 1',
  );
  const row = p.rows[0];
  if (!row) return null;
  return { ...row, activities: await getActivities(q) };
}

export async function getActivities(q: Queryable): Promise<Activity[]> {
  const r = await q.query<{ data: Activity }>('SELECT data FROM activities ORDER BY position');
  return r.rows.map((x) => x.data);
}

export async function getOrgUnits(q: Queryable): Promise<OrgUnit[]> {
  const r = await q.query<OrgUnit>('SELECT code, name, kind, aliases FROM org_units ORDER BY code');
  return r.rows;
}

export async function getOrgUnit(q: Queryable, code: string): Promise<OrgUnit | null> {
  const r = await q.query<OrgUnit>('SELECT code, name, kind, aliases FROM org_units WHERE code = $1', [code]);
  return r.rows[0] ?? null;
}

export async function getProgramStructure(q: Queryable): Promise<ProgramStructure> {
  const p = await q.query<{ areas: Area[]; tasks: Task[] }>('SELECT areas, tasks FROM program WHERE id = 1');
  return { areas: p.rows[0]?.areas ?? [], tasks: p.rows[0]?.tasks ?? [], orgUnits: await getOrgUnits(q) };
}

interface YearRow { year: number; status: 'open' | 'closed'; deadline: string | null; policy: VariancePolicy }

export async function getYears(q: Queryable): Promise<ReportingYear[]> {
  return (await q.query<YearRow>('SELECT year, status, deadline, policy FROM reporting_years ORDER BY year')).rows;
}

export async function getYear(q: Queryable, year: number): Promise<ReportingYear | null> {
  const r = await q.query<YearRow>('SELECT year, status, deadline, policy FROM reporting_years WHERE year = $1', [year]);
  return r.rows[0] ?? null;
}

/** Admin: open or close a year, move its deadline, change its variance policy. */
export async function updateYear(q: Queryable, year: number, patch: Partial<Pick<ReportingYear, 'status' | 'deadline' | 'policy'>>): Promise<ReportingYear | null> {
  const r = await q.query<YearRow>(
    `UPDATE reporting_years SET
       status = COALESCE($2, status),
       deadline = CASE WHEN $3::boolean THEN $4 ELSE deadline END,
       policy = COALESCE($5::text::jsonb, policy)
     WHERE year = $1 RETURNING year, status, deadline, policy`,
    [year, patch.status ?? null, patch.deadline !== undefined, patch.deadline ?? null, patch.policy ? JSON.stringify(patch.policy) : null],
  );
  return r.rows[0] ?? null;
}

/** Plans of a year by activity id. */
export async function getPlans(q: Queryable, year: number): Promise<Map<string, Plan>> {
  const r = await q.query<{ activity_id: string; plan: Plan }>('SELECT activity_id, plan FROM plans WHERE year = $1', [year]);
  return new Map(r.rows.map((x) => [x.activity_id, x.plan]));
}

/** Activities a unit is responsible for (any role), in program order, with the unit's role. */
export async function getUnitActivities(q: Queryable, orgUnitCode: string): Promise<{ activity: Activity; role: 'reporting' | 'contributing' }[]> {
  const r = await q.query<{ data: Activity; role: 'reporting' | 'contributing' }>(
    `SELECT a.data, au.role FROM activity_units au JOIN activities a ON a.id = au.activity_id
     WHERE au.org_unit_code = $1 ORDER BY a.position`,
    [orgUnitCode],
  );
  return r.rows.map((x) => ({ activity: x.data, role: x.role }));
}

/** Org units that report at least one activity (the rows of the completeness view). */
export async function getReportingUnits(q: Queryable): Promise<{ code: string; name: string; activities: number }[]> {
  const r = await q.query<{ code: string; name: string; activities: number }>(
    `SELECT u.code, u.name, count(*)::int AS activities FROM activity_units au JOIN org_units u ON u.code = au.org_unit_code
     WHERE au.role = 'reporting' GROUP BY u.code, u.name ORDER BY u.code`,
  );
  return r.rows;
}
