import type { ReportEntry, ReviewComment } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, json } from './json.ts';

/** Records that a user opened a version of a unit's report (again: the time moves). */
export async function recordReviewView(q: Queryable, year: number, orgUnitCode: string, userId: string, version: number): Promise<void> {
  await q.query(
    `INSERT INTO review_views (year, org_unit_code, user_id, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (year, org_unit_code, user_id, version) DO UPDATE SET seen_at = now()`,
    [year, orgUnitCode, userId, version],
  );
}

/** The last version of the report this user opened before `before`; null when none. */
export async function lastSeenVersionBefore(q: Queryable, year: number, orgUnitCode: string, userId: string, before: number): Promise<number | null> {
  const r = await q.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM review_views WHERE year = $1 AND org_unit_code = $2 AND user_id = $3 AND version < $4',
    [year, orgUnitCode, userId, before],
  );
  return r.rows[0]?.v ?? null;
}

export async function hasSeenVersion(q: Queryable, year: number, orgUnitCode: string, userId: string, version: number): Promise<boolean> {
  const r = await q.query('SELECT 1 FROM review_views WHERE year = $1 AND org_unit_code = $2 AND user_id = $3 AND version = $4', [year, orgUnitCode, userId, version]);
  return r.rows.length > 0;
}

/** The entries of one stored version (null when there is no such version). */
export async function getVersionEntries(q: Queryable, year: number, orgUnitCode: string, version: number): Promise<ReportEntry[] | null> {
  const r = await q.query<{ entries: ReportEntry[] }>('SELECT entries FROM report_versions WHERE year = $1 AND org_unit_code = $2 AND version = $3', [year, orgUnitCode, version]);
  return r.rows[0]?.entries ?? null;
}

export interface NewReviewComment { activityId: string; measureKey: string | null; text: string }

export async function insertReviewComments(
  tx: Queryable, year: number, orgUnitCode: string, version: number, by: { id: string | null; name: string }, comments: readonly NewReviewComment[],
): Promise<void> {
  if (comments.length === 0) return;
  await tx.query(
    `INSERT INTO review_comments (year, org_unit_code, version, activity_id, measure_key, text, by_id, by_name)
     SELECT $1, $2, $3, c."activityId", c."measureKey", c.text, $5, $6
     FROM jsonb_to_recordset($4::text::jsonb) AS c("activityId" text, "measureKey" text, text text)`,
    [year, orgUnitCode, version, json(comments), by.id, by.name],
  );
}

/** Marks the open comments on these activities resolved by the version handed in. */
export async function resolveReviewComments(tx: Queryable, year: number, orgUnitCode: string, activityIds: readonly string[], version: number): Promise<void> {
  if (activityIds.length === 0) return;
  await tx.query(
    `UPDATE review_comments SET status = 'resolved', resolved_version = $4
     WHERE year = $1 AND org_unit_code = $2 AND status = 'open' AND activity_id IN (SELECT jsonb_array_elements_text($3::text::jsonb))`,
    [year, orgUnitCode, json(activityIds), version],
  );
}

/**
 * A reviewer settles open comments by name (`ids`, or every open one of the report when null) at
 * the report's current version; returns how many it settled.
 */
export async function resolveCommentsByReviewer(tx: Queryable, year: number, orgUnitCode: string, ids: readonly number[] | null, version: number, by: string): Promise<number> {
  const r = await tx.query(
    `UPDATE review_comments SET status = 'resolved', resolved_version = $4, resolved_by = $5, resolved_at = now()
     WHERE year = $1 AND org_unit_code = $2 AND status = 'open' AND ($3::text IS NULL OR id IN (SELECT (jsonb_array_elements_text($3::text::jsonb))::bigint))`,
    [year, orgUnitCode, ids === null ? null : json(ids), version, by],
  );
  return r.rowCount;
}

export async function insertCommentReply(
  tx: Queryable, commentId: number, text: string, by: { id: string | null; name: string }, fromUnit: boolean,
): Promise<void> {
  await tx.query('INSERT INTO review_comment_replies (comment_id, text, by_id, by_name, from_unit) VALUES ($1, $2, $3, $4, $5)', [commentId, text, by.id, by.name, fromUnit]);
}

/** Every comment of a unit's report with its thread, oldest first. */
export async function getReviewComments(q: Queryable, year: number, orgUnitCode: string): Promise<ReviewComment[]> {
  const c = await q.query<{ id: string | number; activity_id: string; measure_key: string | null; text: string; by_name: string; at: unknown; version: number; status: ReviewComment['status']; resolved_version: number | null; resolved_by: string | null; resolved_at: unknown }>(
    `SELECT id, activity_id, measure_key, text, by_name, at, version, status, resolved_version, resolved_by, resolved_at FROM review_comments
     WHERE year = $1 AND org_unit_code = $2 ORDER BY id`,
    [year, orgUnitCode],
  );
  const r = await q.query<{ comment_id: string | number; text: string; by_name: string; at: unknown; from_unit: boolean }>(
    `SELECT r.comment_id, r.text, r.by_name, r.at, r.from_unit FROM review_comment_replies r JOIN review_comments c ON c.id = r.comment_id
     WHERE c.year = $1 AND c.org_unit_code = $2 ORDER BY r.id`,
    [year, orgUnitCode],
  );
  const replies = new Map<number, ReviewComment['replies']>();
  for (const row of r.rows) {
    const id = Number(row.comment_id);
    replies.set(id, [...(replies.get(id) ?? []), { text: row.text, by: row.by_name, at: iso(row.at), fromUnit: row.from_unit }]);
  }
  return c.rows.map((row) => ({
    id: Number(row.id), activityId: row.activity_id, measureKey: row.measure_key, text: row.text, by: row.by_name, at: iso(row.at),
    version: row.version, status: row.status, resolvedVersion: row.resolved_version,
    resolvedBy: row.resolved_by, resolvedAt: row.resolved_at === null ? null : iso(row.resolved_at), replies: replies.get(Number(row.id)) ?? [],
  }));
}

/** A comment of this report held until commit (answers and settling wait for each other), with its status and answer count; null when absent. */
export async function lockReviewComment(tx: Queryable, year: number, orgUnitCode: string, id: number): Promise<{ status: ReviewComment['status']; replies: number } | null> {
  const r = await tx.query<{ status: ReviewComment['status'] }>('SELECT status FROM review_comments WHERE year = $1 AND org_unit_code = $2 AND id = $3 FOR UPDATE', [year, orgUnitCode, id]);
  if (!r.rows[0]) return null;
  const n = await tx.query<{ n: string | number }>('SELECT count(*) AS n FROM review_comment_replies WHERE comment_id = $1', [id]);
  return { status: r.rows[0].status, replies: Number(n.rows[0]?.n ?? 0) };
}

/** Versions MOPS saved on the unit's behalf, with the reason. */
export async function getOnBehalfVersions(q: Queryable, year: number, orgUnitCode: string): Promise<{ version: number; savedAt: string; savedBy: string; reason: string }[]> {
  const r = await q.query<{ version: number; saved_at: unknown; saved_by: string; on_behalf_reason: string }>(
    `SELECT version, saved_at, saved_by, on_behalf_reason FROM report_versions
     WHERE year = $1 AND org_unit_code = $2 AND on_behalf_reason IS NOT NULL ORDER BY version`,
    [year, orgUnitCode],
  );
  return r.rows.map((v) => ({ version: v.version, savedAt: iso(v.saved_at), savedBy: v.saved_by, reason: v.on_behalf_reason }));
}
