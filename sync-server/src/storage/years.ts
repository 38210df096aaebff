import type { PhaseEvent, ReportingYear, VariancePolicy, YearPhase } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, json } from './json.ts';

interface YearRow { year: number; program_code: string; phase: YearPhase; planning_deadline: string | null; deadline: string | null; policy: VariancePolicy }
const COLUMNS = 'year, program_code, phase, planning_deadline, deadline, policy';

function toYear(r: YearRow): ReportingYear {
  return {
    year: r.year, programCode: r.program_code, phase: r.phase, status: r.phase === 'reporting' ? 'open' : 'closed',
    planningDeadline: r.planning_deadline, deadline: r.deadline, policy: r.policy,
  };
}

export async function getYears(q: Queryable): Promise<ReportingYear[]> {
  return (await q.query<YearRow>(`SELECT ${COLUMNS} FROM reporting_years ORDER BY year`)).rows.map(toYear);
}

export async function getYear(q: Queryable, year: number): Promise<ReportingYear | null> {
  const r = await q.query<YearRow>(`SELECT ${COLUMNS} FROM reporting_years WHERE year = $1`, [year]);
  return r.rows[0] ? toYear(r.rows[0]) : null;
}

/**
 * The year's phase — what other parts read to decide what is open (plans lock when it leaves
 * planning, reports close when it leaves reporting). Null: no such year.
 */
export async function getYearPhase(q: Queryable, year: number): Promise<YearPhase | null> {
  const r = await q.query<{ phase: YearPhase }>('SELECT phase FROM reporting_years WHERE year = $1', [year]);
  return r.rows[0]?.phase ?? null;
}

/**
 * The year's phase, read inside a transaction with a share lock on the year's row: a phase move
 * (which updates that row) waits for the saves holding it, and a save that starts after the move
 * sees the new phase. So a save is never stored into a year that has just left its phase.
 */
export async function lockYearPhaseShared(tx: Queryable, year: number): Promise<YearPhase | null> {
  const r = await tx.query<{ phase: YearPhase }>('SELECT phase FROM reporting_years WHERE year = $1 FOR SHARE', [year]);
  return r.rows[0]?.phase ?? null;
}

/** The year's row locked for a phase move (one mover at a time, after saves in flight). */
export async function lockYearForMove(tx: Queryable, year: number): Promise<ReportingYear | null> {
  const r = await tx.query<YearRow>(`SELECT ${COLUMNS} FROM reporting_years WHERE year = $1 FOR UPDATE`, [year]);
  return r.rows[0] ? toYear(r.rows[0]) : null;
}

export async function setYearPhase(tx: Queryable, year: number, phase: YearPhase): Promise<void> {
  await tx.query('UPDATE reporting_years SET phase = $2 WHERE year = $1', [year, phase]);
}

export interface NewYear { year: number; programCode: string; phase: YearPhase; planningDeadline: string | null; deadline: string | null; policy: VariancePolicy }

export async function insertYear(tx: Queryable, y: NewYear): Promise<void> {
  await tx.query(
    'INSERT INTO reporting_years (year, program_code, phase, planning_deadline, deadline, policy) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)',
    [y.year, y.programCode, y.phase, y.planningDeadline, y.deadline, json(y.policy)],
  );
}

/** Admin: move a year's deadlines, change its variance policy. The phase moves only through phase moves (audited). */
export async function updateYear(q: Queryable, year: number, patch: { deadline?: string | null; planningDeadline?: string | null; policy?: VariancePolicy }): Promise<ReportingYear | null> {
  const r = await q.query<YearRow>(
    `UPDATE reporting_years SET
       deadline = CASE WHEN $2::boolean THEN $3 ELSE deadline END,
       planning_deadline = CASE WHEN $4::boolean THEN $5 ELSE planning_deadline END,
       policy = COALESCE($6::text::jsonb, policy)
     WHERE year = $1 RETURNING ${COLUMNS}`,
    [year, patch.deadline !== undefined, patch.deadline ?? null, patch.planningDeadline !== undefined, patch.planningDeadline ?? null, patch.policy ? json(patch.policy) : null],
  );
  return r.rows[0] ? toYear(r.rows[0]) : null;
}

export async function insertPhaseEvent(tx: Queryable, e: Omit<PhaseEvent, 'id' | 'at'> & { byId: string | null }): Promise<PhaseEvent> {
  const r = await tx.query<{ id: string | number; at: unknown }>(
    'INSERT INTO year_phase_events (year, action, from_phase, to_phase, reason, by_id, by_name) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, at',
    [e.year, e.action, e.fromPhase, e.toPhase, e.reason, e.byId, e.byName],
  );
  const { byId: _byId, ...rest } = e;
  return { ...rest, id: Number(r.rows[0]!.id), at: iso(r.rows[0]!.at) };
}

/** Every phase event of a year, oldest first. */
export async function getPhaseEvents(q: Queryable, year: number): Promise<PhaseEvent[]> {
  const r = await q.query<{ id: string | number; year: number; action: PhaseEvent['action']; from_phase: YearPhase | null; to_phase: YearPhase; reason: string | null; at: unknown; by_name: string }>(
    'SELECT id, year, action, from_phase, to_phase, reason, at, by_name FROM year_phase_events WHERE year = $1 ORDER BY id', [year],
  );
  return r.rows.map((x) => ({ id: Number(x.id), year: x.year, action: x.action, fromPhase: x.from_phase, toPhase: x.to_phase, reason: x.reason, at: iso(x.at), byName: x.by_name }));
}
