/** Pairings left „do sprawdzenia” by the import, and their audited settlements (migration 009). */
import type { ActualFigure } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, json } from './json.ts';

export interface PairingReviewRow {
  year: number;
  activityId: string;
  planMeasureId: string;
  note: string;
  settledAt: string | null;
  settledBy: string | null;
}

export interface PairingChangeRow {
  activityId: string;
  planMeasureId: string;
  old: ActualFigure[];
  new: ActualFigure[];
  comment: string | null;
  at: string;
  by: string;
  reportVersion: number;
}

/** The pairings to settle, as the seed names them (a pairing already there keeps its settlement). */
export async function insertPairingReviews(q: Queryable, rows: readonly { year: number; activityId: string; planMeasureId: string; note: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO pairing_reviews (year, activity_id, plan_measure_id, note)
     SELECT x.year, x."activityId", x."planMeasureId", x.note FROM jsonb_to_recordset($1::text::jsonb) AS x(year int, "activityId" text, "planMeasureId" text, note text)
     WHERE EXISTS (SELECT 1 FROM year_activities a WHERE a.year = x.year AND a.activity_id = x."activityId")
     ON CONFLICT DO NOTHING`,
    [json(rows)],
  );
}

interface ReviewDbRow { year: number; activity_id: string; plan_measure_id: string; note: string; settled_at: unknown; settled_by: string | null }
const toReview = (r: ReviewDbRow): PairingReviewRow => ({
  year: r.year, activityId: r.activity_id, planMeasureId: r.plan_measure_id, note: r.note, settledAt: isoOrNull(r.settled_at), settledBy: r.settled_by,
});

export async function listPairingReviews(q: Queryable, year: number): Promise<PairingReviewRow[]> {
  const r = await q.query<ReviewDbRow>('SELECT * FROM pairing_reviews WHERE year = $1 ORDER BY activity_id, plan_measure_id', [year]);
  return r.rows.map(toReview);
}

/** One pairing, locked until the transaction ends (two reviewers settling it at once take turns). */
export async function lockPairingReview(q: Queryable, year: number, activityId: string, planMeasureId: string): Promise<PairingReviewRow | null> {
  const r = await q.query<ReviewDbRow>('SELECT * FROM pairing_reviews WHERE year = $1 AND activity_id = $2 AND plan_measure_id = $3 FOR UPDATE', [year, activityId, planMeasureId]);
  return r.rows[0] ? toReview(r.rows[0]) : null;
}

interface ChangeDbRow { activity_id: string; plan_measure_id: string; old_answer: ActualFigure[]; new_answer: ActualFigure[]; comment: string | null; changed_at: unknown; changed_by: string; report_version: number }

export async function listPairingChanges(q: Queryable, year: number): Promise<PairingChangeRow[]> {
  const r = await q.query<ChangeDbRow>('SELECT * FROM pairing_changes WHERE year = $1 ORDER BY id', [year]);
  return r.rows.map((c) => ({
    activityId: c.activity_id, planMeasureId: c.plan_measure_id, old: c.old_answer, new: c.new_answer,
    comment: c.comment, at: iso(c.changed_at), by: c.changed_by, reportVersion: c.report_version,
  }));
}

/** Records a settlement and marks the pairing settled. */
export async function recordPairingSettlement(
  q: Queryable,
  s: { year: number; activityId: string; planMeasureId: string; old: ActualFigure[]; new: ActualFigure[]; comment: string | null; by: string; reportVersion: number },
): Promise<void> {
  await q.query(
    `INSERT INTO pairing_changes (year, activity_id, plan_measure_id, old_answer, new_answer, comment, changed_by, report_version)
     VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7, $8)`,
    [s.year, s.activityId, s.planMeasureId, json(s.old), json(s.new), s.comment, s.by, s.reportVersion],
  );
  await q.query('UPDATE pairing_reviews SET settled_at = now(), settled_by = $4 WHERE year = $1 AND activity_id = $2 AND plan_measure_id = $3', [s.year, s.activityId, s.planMeasureId, s.by]);
}
