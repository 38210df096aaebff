/**
 * Units' plans, stored like their reports (reports.ts): a head row per unit and year that every
 * writer locks, one immutable version per save, field-level changes, and the workflow audit.
 */
import type { AcceptedMeasureKind, PlanBody, PlanHistory, PlanSaveSource, UnitPlan, WorkflowEventAction, WorkflowState } from '@pwr-sync/shared';
import { sqlState, type Queryable } from './db.ts';
import { iso, isoOrNull, json } from './json.ts';
import type { FieldChange, ReportHead } from './reports.ts';

export type PlanHead = ReportHead;

interface HeadRow { year: number; org_unit_code: string; version: number; state: WorkflowState; review_comment: string | null; changed_at: unknown; changed_by: string | null }

/** Locks the unit's plan head for the transaction, creating it as not_started if absent. */
export async function lockPlanHead(tx: Queryable, year: number, orgUnitCode: string): Promise<PlanHead> {
  await tx.query(`INSERT INTO unit_plans (year, org_unit_code, version, state) VALUES ($1, $2, 0, 'not_started') ON CONFLICT DO NOTHING`, [year, orgUnitCode]);
  const r = await tx.query<HeadRow>('SELECT * FROM unit_plans WHERE year = $1 AND org_unit_code = $2 FOR UPDATE', [year, orgUnitCode]);
  const h = r.rows[0]!;
  return { year: h.year, orgUnitCode: h.org_unit_code, version: h.version, state: h.state, reviewComment: h.review_comment, changedAt: iso(h.changed_at), changedBy: h.changed_by };
}

export async function updatePlanHead(tx: Queryable, head: Pick<PlanHead, 'year' | 'orgUnitCode' | 'version' | 'state' | 'reviewComment'>, changedBy: string): Promise<void> {
  await tx.query(
    `UPDATE unit_plans SET version = $3, state = $4, review_comment = $5, changed_at = now(), changed_by = $6 WHERE year = $1 AND org_unit_code = $2`,
    [head.year, head.orgUnitCode, head.version, head.state, head.reviewComment, changedBy],
  );
}

export interface NewPlanVersion { year: number; orgUnitCode: string; version: number; body: PlanBody; savedById: string | null; savedBy: string; source: PlanSaveSource }

export async function insertPlanVersion(tx: Queryable, v: NewPlanVersion): Promise<string> {
  const r = await tx.query<{ saved_at: unknown }>(
    `INSERT INTO plan_versions (year, org_unit_code, version, body, saved_by_id, saved_by, source)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7) RETURNING saved_at`,
    [v.year, v.orgUnitCode, v.version, json(v.body), v.savedById, v.savedBy, v.source],
  );
  return iso(r.rows[0]!.saved_at);
}

export async function insertPlanChanges(tx: Queryable, year: number, orgUnitCode: string, version: number, changes: FieldChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO plan_changes (year, org_unit_code, version, activity_id, field, old_value, new_value)
     SELECT $1, $2, $3, c."activityId", c.field, c.old, c.new
     FROM jsonb_to_recordset($4::text::jsonb) AS c("activityId" text, field text, old text, new text)`,
    [year, orgUnitCode, version, json(changes)],
  );
}

export interface PlanEvent {
  year: number;
  orgUnitCode: string;
  action: 'submit' | 'accept' | 'return' | 'reopen';
  fromState: WorkflowState;
  toState: WorkflowState;
  version: number;
  comment: string | null;
  byId: string | null;
  byName: string;
}

export async function insertPlanEvent(tx: Queryable, e: PlanEvent): Promise<void> {
  await tx.query(
    `INSERT INTO plan_events (year, org_unit_code, action, from_state, to_state, version, comment, by_id, by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.year, e.orgUnitCode, e.action, e.fromState, e.toState, e.version, e.comment, e.byId, e.byName],
  );
}

type PlanRow = HeadRow & { body: PlanBody | null; saved_at: unknown; saved_by: string | null; source: PlanSaveSource | null };

/** A stored plan as the API returns it; `editable` is decided by the caller (it depends on the year). */
export type StoredPlan = Omit<UnitPlan, 'editable'> & { lastChangeAt: string | null; lastChangeBy: string | null };

function toPlan(year: number, orgUnitCode: string, row: PlanRow | undefined): StoredPlan {
  if (!row) {
    return { year, orgUnitCode, version: 0, state: 'not_started', savedAt: null, savedBy: null, source: null, reviewComment: null, entries: [], proposals: [], lastChangeAt: null, lastChangeBy: null };
  }
  return {
    year, orgUnitCode, version: row.version, state: row.state,
    savedAt: isoOrNull(row.saved_at), savedBy: row.saved_by, source: row.source,
    // as for reports: the comment is current while returned (or a reopen note while a draft)
    reviewComment: row.state === 'returned' || row.state === 'draft' ? row.review_comment : null,
    entries: row.body?.entries ?? [], proposals: row.body?.proposals ?? [],
    lastChangeAt: row.changed_by ? iso(row.changed_at) : isoOrNull(row.saved_at),
    lastChangeBy: row.changed_by ?? row.saved_by,
  };
}

const PLAN_SELECT = `SELECT h.*, v.body, v.saved_at, v.saved_by, v.source FROM unit_plans h
  LEFT JOIN plan_versions v ON v.year = h.year AND v.org_unit_code = h.org_unit_code AND v.version = h.version`;

export async function getUnitPlan(q: Queryable, year: number, orgUnitCode: string): Promise<StoredPlan> {
  const r = await q.query<PlanRow>(`${PLAN_SELECT} WHERE h.year = $1 AND h.org_unit_code = $2`, [year, orgUnitCode]);
  return toPlan(year, orgUnitCode, r.rows[0]);
}

/** Every stored plan of a year at its current version (units that never saved are absent). */
export async function listYearPlans(q: Queryable, year: number): Promise<StoredPlan[]> {
  const r = await q.query<PlanRow>(`${PLAN_SELECT} WHERE h.year = $1 ORDER BY h.org_unit_code`, [year]);
  return r.rows.map((row) => toPlan(year, row.org_unit_code, row));
}

const EVENT_ACTION: Record<PlanEvent['action'], WorkflowEventAction> = { submit: 'submitted', accept: 'accepted', return: 'returned', reopen: 'reopened' };

export async function getPlanHistory(q: Queryable, year: number, orgUnitCode: string): Promise<PlanHistory> {
  const versions = await q.query<{ version: number; saved_at: unknown; saved_by: string; source: PlanSaveSource }>(
    'SELECT version, saved_at, saved_by, source FROM plan_versions WHERE year = $1 AND org_unit_code = $2 ORDER BY version', [year, orgUnitCode]);
  const changes = await q.query<{ version: number; saved_at: unknown; saved_by: string; activity_id: string; field: string; old_value: string | null; new_value: string | null }>(
    `SELECT c.version, v.saved_at, v.saved_by, c.activity_id, c.field, c.old_value, c.new_value
     FROM plan_changes c JOIN plan_versions v USING (year, org_unit_code, version)
     WHERE c.year = $1 AND c.org_unit_code = $2 ORDER BY c.version, c.id`, [year, orgUnitCode]);
  const events = await q.query<{ action: PlanEvent['action']; version: number; comment: string | null; by_name: string; at: unknown }>(
    'SELECT action, version, comment, by_name, at FROM plan_events WHERE year = $1 AND org_unit_code = $2 ORDER BY id', [year, orgUnitCode]);
  return {
    versions: versions.rows.map((v) => ({ version: v.version, savedAt: iso(v.saved_at), savedBy: v.saved_by, source: v.source })),
    changes: changes.rows.map((c) => ({ version: c.version, savedAt: iso(c.saved_at), savedBy: c.saved_by, activityId: c.activity_id, field: c.field, old: c.old_value, new: c.new_value })),
    events: events.rows.map((e) => ({ at: iso(e.at), by: e.by_name, action: EVENT_ACTION[e.action], version: e.version, comment: e.comment })),
  };
}

/** Writes accepted plans of a year's activities (the table reporting, variance and the annex read). */
export async function upsertPlans(tx: Queryable, year: number, plans: { activityId: string; plan: unknown }[]): Promise<void> {
  if (plans.length === 0) return;
  await tx.query(
    `INSERT INTO plans (year, activity_id, plan)
     SELECT $1, x."activityId", x.plan FROM jsonb_to_recordset($2::text::jsonb) AS x("activityId" text, plan jsonb)
     ON CONFLICT (year, activity_id) DO UPDATE SET plan = EXCLUDED.plan`,
    [year, json(plans)],
  );
}

/** PostgreSQL's undefined_table. */
const UNDEFINED_TABLE = '42P01';

/** Kinds accepted from plans; none on a schema from before plans (a database not yet migrated). */
export async function getAcceptedMeasureKinds(q: Queryable): Promise<AcceptedMeasureKind[]> {
  try {
    const r = await q.query<{ lemma: string; forms: AcceptedMeasureKind['forms']; accepted_year: number }>('SELECT lemma, forms, accepted_year FROM measure_kinds ORDER BY lemma');
    return r.rows.map((k) => ({ lemma: k.lemma, forms: k.forms, acceptedYear: k.accepted_year }));
  } catch (err) {
    if (sqlState(err) === UNDEFINED_TABLE) return [];
    throw err;
  }
}

export async function insertMeasureKinds(tx: Queryable, kinds: { lemma: string; forms: AcceptedMeasureKind['forms']; year: number; proposedBy: string; acceptedBy: string }[]): Promise<void> {
  if (kinds.length === 0) return;
  await tx.query(
    `INSERT INTO measure_kinds (lemma, forms, accepted_year, proposed_by, accepted_by)
     SELECT x.lemma, x.forms, x.year, x."proposedBy", x."acceptedBy" FROM jsonb_to_recordset($1::text::jsonb) AS x(lemma text, forms jsonb, year int, "proposedBy" text, "acceptedBy" text)
     ON CONFLICT (lemma) DO NOTHING`,
    [json(kinds)],
  );
}

/**
 * Adds an activity MOPS accepted from a unit's proposal to the program of the year („włączone do
 * Programu w <rok> roku”), at the end of its task's activities, and to this year and the program's
 * later years that are not closed, with its responsible units (the proposing unit reports).
 */
export async function insertProposedActivity(tx: Queryable, year: number, proposed: import('@pwr-sync/shared').Activity): Promise<void> {
  const activity = { ...proposed, joinedYear: proposed.joinedYear ?? year };
  const program = (await tx.query<{ program_code: string }>('SELECT program_code FROM reporting_years WHERE year = $1', [year])).rows[0]!.program_code;
  const after = async (table: 'program_activities' | 'year_activities', where: string, key: unknown) => {
    const inTask = await tx.query<{ p: number | null }>(`SELECT max(position) AS p FROM ${table} WHERE ${where} = $1 AND task_code = $2`, [key, activity.taskCode]);
    const any = await tx.query<{ p: number | null }>(`SELECT max(position) AS p FROM ${table} WHERE ${where} = $1`, [key]);
    const p = inTask.rows[0]?.p ?? any.rows[0]?.p ?? -1;
    await tx.query(`UPDATE ${table} SET position = position + 1 WHERE ${where} = $1 AND position > $2`, [key, p]);
    return p + 1;
  };
  const position = await after('program_activities', 'program_code', program);
  await tx.query('INSERT INTO program_activities (program_code, id, position, task_code, data) VALUES ($1, $2, $3, $4, $5::text::jsonb)',
    [program, activity.id, position, activity.taskCode, json(activity)]);
  const years = await tx.query<{ year: number }>(`SELECT year FROM reporting_years WHERE program_code = $1 AND year >= $2 AND phase <> 'closed' ORDER BY year`, [program, year]);
  for (const { year: y } of years.rows) {
    const at = await after('year_activities', 'year', y);
    await tx.query('INSERT INTO year_activities (year, activity_id, position, task_code, data) VALUES ($1, $2, $3, $4, $5::text::jsonb)', [y, activity.id, at, activity.taskCode, json(activity)]);
    await tx.query(
      `INSERT INTO activity_units_by_year (year, activity_id, org_unit_code, role, position)
       SELECT $1, $2, x.code, x.role, x.position FROM jsonb_to_recordset($3::text::jsonb) AS x(code text, role text, position int)`,
      [y, activity.id, json(activity.responsibleUnits.map((r, i) => ({ code: r.orgUnitCode, role: r.role, position: i })))],
    );
  }
}
