import type { OrgUnit, Program, ProgramChange, ProgramDiff, YearEffect } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, json } from './json.ts';

/** A program file read, diffed and waiting for MOPS's confirmation (program_uploads). */
export interface StoredProgramUpload {
  id: string;
  programCode: string;
  newPeriod: boolean;
  /** Hash of the program and the registry at the preview (commands/programFile.ts: programBasis). */
  basis: string;
  program: Program;
  fileUnits: OrgUnit[];
  diff: ProgramDiff;
  yearEffects: YearEffect[];
  fileName: string | null;
  uploadedAt: string;
  expiresAt: string;
  byId: string | null;
  byName: string;
  appliedAt: string | null;
}

interface UploadRow {
  id: string; program_code: string; new_period: boolean; basis: string; body: { program: Program; fileUnits: OrgUnit[] };
  diff: ProgramDiff; year_effects: YearEffect[]; file_name: string | null; uploaded_at: Date | string; expires_at: Date | string;
  by_id: string | null; by_name: string; applied_at: Date | string | null;
}

const toUpload = (r: UploadRow): StoredProgramUpload => ({
  id: r.id, programCode: r.program_code, newPeriod: r.new_period, basis: r.basis, program: r.body.program, fileUnits: r.body.fileUnits,
  diff: r.diff, yearEffects: r.year_effects, fileName: r.file_name, uploadedAt: iso(r.uploaded_at), expiresAt: iso(r.expires_at),
  byId: r.by_id, byName: r.by_name, appliedAt: isoOrNull(r.applied_at),
});

/** Stores a preview; previews past their expiry go at the same time (they can no longer be applied). */
export async function insertProgramUpload(q: Queryable, u: Omit<StoredProgramUpload, 'uploadedAt' | 'expiresAt' | 'appliedAt'>, ttlHours: number): Promise<StoredProgramUpload> {
  await q.query('DELETE FROM program_uploads WHERE expires_at < now()');
  const r = await q.query<UploadRow>(
    `INSERT INTO program_uploads (id, program_code, new_period, basis, body, diff, year_effects, file_name, expires_at, by_id, by_name)
     VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7::text::jsonb, $8, now() + make_interval(hours => $9), $10, $11) RETURNING *`,
    [u.id, u.programCode, u.newPeriod, u.basis, json({ program: u.program, fileUnits: u.fileUnits }), json(u.diff), json(u.yearEffects), u.fileName, ttlHours, u.byId, u.byName],
  );
  return toUpload(r.rows[0]!);
}

/** A preview not yet expired; `lock`: FOR UPDATE (the confirm, so two confirms apply it once). */
export async function getProgramUpload(q: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<StoredProgramUpload | null> {
  const r = await q.query<UploadRow>(`SELECT * FROM program_uploads WHERE id = $1 AND expires_at >= now() ${opts.lock ? 'FOR UPDATE' : ''}`, [id]);
  return r.rows[0] ? toUpload(r.rows[0]) : null;
}

export async function markProgramUploadApplied(q: Queryable, id: string): Promise<string> {
  const r = await q.query<{ applied_at: Date | string }>('UPDATE program_uploads SET applied_at = now() WHERE id = $1 RETURNING applied_at', [id]);
  return iso(r.rows[0]!.applied_at);
}

/** The program's head row, locked for the confirm (an apply or a plan's accepted proposal waits). */
export async function lockProgram(tx: Queryable, code: string): Promise<boolean> {
  const r = await tx.query('SELECT code FROM programs WHERE code = $1 FOR UPDATE', [code]);
  return r.rows.length > 0;
}

/** The program's applied files (and its creation), newest first. */
export async function listProgramChanges(q: Queryable, code: string): Promise<ProgramChange[]> {
  const r = await q.query<{ id: string | number; action: 'created' | 'applied'; revision: number; at: Date | string; by_name: string; diff: ProgramDiff }>(
    'SELECT id, action, revision, at, by_name, diff FROM program_changes WHERE program_code = $1 ORDER BY id DESC',
    [code],
  );
  return r.rows.map((x) => ({ id: Number(x.id), action: x.action, revision: x.revision, at: iso(x.at), byName: x.by_name, diff: x.diff }));
}

/** Activities of a year that something stated for: a plan, a plan version's change, a report version's entry. */
export async function activitiesWithHistory(q: Queryable, year: number, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const r = await q.query<{ id: string }>(
    `SELECT activity_id AS id FROM plans WHERE year = $1 AND activity_id = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))
     UNION SELECT activity_id FROM plan_changes WHERE year = $1 AND activity_id = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))
     UNION SELECT e->>'activityId' FROM report_versions v, jsonb_array_elements(v.entries) e
       WHERE v.year = $1 AND e->>'activityId' = ANY(SELECT jsonb_array_elements_text($2::text::jsonb))`,
    [year, json(ids)],
  );
  return new Set(r.rows.map((x) => x.id));
}

/** The program's years that are not closed, oldest first. */
export async function openYearsOf(q: Queryable, code: string): Promise<{ year: number; phase: 'planning' | 'reporting' }[]> {
  const r = await q.query<{ year: number; phase: 'planning' | 'reporting' }>(
    "SELECT year, phase FROM reporting_years WHERE program_code = $1 AND phase <> 'closed' ORDER BY year", [code]);
  return r.rows;
}

/** The activities a year runs on, as stored (data and position). */
export async function yearActivityRows(q: Queryable, year: number): Promise<Map<string, { data: unknown; position: number }>> {
  const r = await q.query<{ activity_id: string; data: unknown; position: number }>('SELECT activity_id, data, position FROM year_activities WHERE year = $1', [year]);
  return new Map(r.rows.map((x) => [x.activity_id, { data: x.data, position: x.position }]));
}
