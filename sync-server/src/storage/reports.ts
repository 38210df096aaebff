import { measureRefOfKey, type History, type HistoryChange, type HistoryChangeRow, type ReportEntry, type UnitReport, type WorkflowEventAction, type WorkflowState } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, isoOrNull, json } from './json.ts';
import { storedChange } from './legacyChanges.ts';
import { getReviewComments } from './reviews.ts';

export type SaveSource = 'addin' | 'upload' | 'api' | 'seed';

/** Head of a unit's report: the current version and workflow state (the row a save locks). */
export interface ReportHead {
  year: number;
  orgUnitCode: string;
  version: number;
  state: WorkflowState;
  reviewComment: string | null;
  changedAt: string;
  changedBy: string | null;
}

interface HeadRow { year: number; org_unit_code: string; version: number; state: WorkflowState; review_comment: string | null; changed_at: unknown; changed_by: string | null }

function toHead(r: HeadRow): ReportHead {
  return { year: r.year, orgUnitCode: r.org_unit_code, version: r.version, state: r.state, reviewComment: r.review_comment, changedAt: iso(r.changed_at), changedBy: r.changed_by };
}

/**
 * Locks the unit's report head for the rest of the transaction (creating it as not_started if
 * absent). Every writer — save, submit, accept, return, reopen — goes through this lock, so two
 * instances on one PostgreSQL serialise on the row, not on process memory.
 */
export async function lockReportHead(tx: Queryable, year: number, orgUnitCode: string): Promise<ReportHead> {
  await tx.query(
    `INSERT INTO unit_reports (year, org_unit_code, version, state) VALUES ($1, $2, 0, 'not_started') ON CONFLICT DO NOTHING`,
    [year, orgUnitCode],
  );
  const r = await tx.query<HeadRow>('SELECT * FROM unit_reports WHERE year = $1 AND org_unit_code = $2 FOR UPDATE', [year, orgUnitCode]);
  return toHead(r.rows[0]!);
}

export async function updateReportHead(
  tx: Queryable,
  head: Pick<ReportHead, 'year' | 'orgUnitCode' | 'version' | 'state' | 'reviewComment'>,
  changedBy: string,
): Promise<void> {
  await tx.query(
    `UPDATE unit_reports SET version = $3, state = $4, review_comment = $5, changed_at = now(), changed_by = $6
     WHERE year = $1 AND org_unit_code = $2`,
    [head.year, head.orgUnitCode, head.version, head.state, head.reviewComment, changedBy],
  );
}

export interface NewVersion {
  year: number;
  orgUnitCode: string;
  version: number;
  entries: ReportEntry[];
  savedById: string | null;
  savedBy: string;
  source: SaveSource;
  /** MOPS saving on the unit's behalf: the reason (shown to the unit); absent for the unit's own saves. */
  onBehalfReason?: string | null;
}

/** Inserts a version row; the primary key (year, unit, version) refuses a second writer of the same version. */
export async function insertReportVersion(tx: Queryable, v: NewVersion): Promise<string> {
  const r = await tx.query<{ saved_at: unknown }>(
    `INSERT INTO report_versions (year, org_unit_code, version, entries, saved_by_id, saved_by, source, on_behalf_reason)
     VALUES ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8) RETURNING saved_at`,
    [v.year, v.orgUnitCode, v.version, json(v.entries), v.savedById, v.savedBy, v.source, v.onBehalfReason ?? null],
  );
  return iso(r.rows[0]!.saved_at);
}

/** A plan change as text (plan history); report changes are typed records (ReportChange). */
export interface FieldChange { activityId: string; field: string; old: string | null; new: string | null }

/** One typed change of one activity between two versions of a unit's report (commands/reportChanges.ts). */
export interface ReportChange { activityId: string; change: HistoryChange }

/** Stores a version's typed changes (column `change`; `field` names the record's kind for queries by hand). */
export async function insertReportChanges(tx: Queryable, year: number, orgUnitCode: string, version: number, changes: readonly ReportChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO report_changes (year, org_unit_code, version, activity_id, field, change)
     SELECT $1, $2, $3, c."activityId", c.change->>'field', c.change
     FROM jsonb_to_recordset($4::text::jsonb) AS c("activityId" text, change jsonb)`,
    [year, orgUnitCode, version, json(changes)],
  );
}

export interface WorkflowEvent {
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

export async function insertWorkflowEvent(tx: Queryable, e: WorkflowEvent): Promise<void> {
  await tx.query(
    `INSERT INTO workflow_events (year, org_unit_code, action, from_state, to_state, version, comment, by_id, by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [e.year, e.orgUnitCode, e.action, e.fromState, e.toState, e.version, e.comment, e.byId, e.byName],
  );
}

/** A unit's stored report at its current version: what GET …/report returns and a 409 carries. */
export async function getUnitReport(q: Queryable, year: number, orgUnitCode: string): Promise<UnitReport> {
  const r = await q.query<HeadRow & { entries: ReportEntry[] | null; saved_at: unknown; saved_by: string | null }>(
    `SELECT h.*, v.entries, v.saved_at, v.saved_by FROM unit_reports h
     LEFT JOIN report_versions v ON v.year = h.year AND v.org_unit_code = h.org_unit_code AND v.version = h.version
     WHERE h.year = $1 AND h.org_unit_code = $2`,
    [year, orgUnitCode],
  );
  const row = r.rows[0];
  if (!row) return { year, orgUnitCode, version: 0, state: 'not_started', savedAt: null, savedBy: null, reviewComment: null, entries: [] };
  return {
    year, orgUnitCode, version: row.version, state: row.state,
    savedAt: isoOrNull(row.saved_at), savedBy: row.saved_by, reviewComment: currentReviewComment(row.state, row.review_comment),
    entries: row.entries ?? [],
  };
}

/**
 * The reviewer's comment that is current for the unit: a return's reason while the report is
 * returned, a reopen note while it is a draft again. Once the unit hands the report in, the comment
 * belongs to its return event in the history (also for heads stored before submit cleared it).
 */
function currentReviewComment(state: WorkflowState, comment: string | null): string | null {
  return state === 'returned' || state === 'draft' ? comment : null;
}

/** A unit's report as stored, with head metadata: the input of consolidation and the completeness view. */
export interface StoredUnitReport extends UnitReport {
  lastChangeAt: string | null;
  lastChangeBy: string | null;
}

/**
 * Every stored unit report of a year at its current version (units that never saved are absent).
 * Used by the consolidated rows, the completeness view and the central workbook.
 */
export async function listYearReports(q: Queryable, year: number): Promise<StoredUnitReport[]> {
  const r = await q.query<HeadRow & { entries: ReportEntry[] | null; saved_at: unknown; saved_by: string | null }>(
    `SELECT h.*, v.entries, v.saved_at, v.saved_by FROM unit_reports h
     LEFT JOIN report_versions v ON v.year = h.year AND v.org_unit_code = h.org_unit_code AND v.version = h.version
     WHERE h.year = $1 ORDER BY h.org_unit_code`,
    [year],
  );
  return r.rows.map((row) => ({
    year, orgUnitCode: row.org_unit_code, version: row.version, state: row.state,
    savedAt: isoOrNull(row.saved_at), savedBy: row.saved_by, reviewComment: currentReviewComment(row.state, row.review_comment),
    entries: row.entries ?? [],
    lastChangeAt: row.changed_by ? iso(row.changed_at) : isoOrNull(row.saved_at),
    lastChangeBy: row.changed_by ?? row.saved_by,
  }));
}

/** How the wire contract names a stored action (the table keeps the command's verb). */
const EVENT_ACTION: Record<WorkflowEvent['action'], WorkflowEventAction> = {
  submit: 'submitted', accept: 'accepted', return: 'returned', reopen: 'reopened',
};

/** What GET …/history returns: versions, typed changes with the comment threads, and the workflow audit trail. */
export async function getHistory(q: Queryable, year: number, orgUnitCode: string): Promise<History> {
  const versions = await q.query<{ version: number; saved_at: unknown; saved_by: string; source: SaveSource; on_behalf_reason: string | null }>(
    `SELECT version, saved_at, saved_by, source, on_behalf_reason FROM report_versions WHERE year = $1 AND org_unit_code = $2 ORDER BY version`,
    [year, orgUnitCode],
  );
  const changes = await q.query<{ version: number; activity_id: string; field: string; old_value: string | null; new_value: string | null; change: unknown }>(
    `SELECT version, activity_id, field, old_value, new_value, change FROM report_changes
     WHERE year = $1 AND org_unit_code = $2 ORDER BY version, id`,
    [year, orgUnitCode],
  );
  const saves = new Map(versions.rows.map((v) => [v.version, { savedAt: iso(v.saved_at), savedBy: v.saved_by, onBehalfReason: v.on_behalf_reason }]));
  const rows: HistoryChangeRow[] = changes.rows.flatMap((c) => {
    const save = saves.get(c.version);
    return save ? [{ version: c.version, ...save, activityId: c.activity_id, change: storedChange(c.change, c.field, c.old_value, c.new_value) }] : [];
  });
  // The comment threads on the same timeline: each comment with the return, each answer, each resolution with the version that resolved it.
  for (const c of await getReviewComments(q, year, orgUnitCode)) {
    const at = { activityId: c.activityId, onBehalfReason: null };
    rows.push({ ...at, version: c.version, savedAt: c.at, savedBy: c.by, change: { field: 'reviewComment', commentId: c.id, measure: c.measureKey ? measureRefOfKey(c.measureKey) : null, text: c.text } });
    for (const r of c.replies) rows.push({ ...at, version: c.version, savedAt: r.at, savedBy: r.by, change: { field: 'reviewReply', commentId: c.id, fromUnit: r.fromUnit, text: r.text } });
    if (c.status === 'resolved' && c.resolvedBy && c.resolvedAt) {
      rows.push({ ...at, version: c.resolvedVersion ?? c.version, savedAt: c.resolvedAt, savedBy: c.resolvedBy, change: { field: 'reviewCommentResolved', commentId: c.id, text: c.text, byReviewer: true } });
      continue;
    }
    const resolvedBy = c.resolvedVersion === null ? undefined : saves.get(c.resolvedVersion);
    if (c.status === 'resolved' && resolvedBy) rows.push({ ...at, version: c.resolvedVersion!, savedAt: resolvedBy.savedAt, savedBy: resolvedBy.savedBy, change: { field: 'reviewCommentResolved', commentId: c.id, text: c.text } });
  }
  return {
    versions: versions.rows.map((v) => ({ version: v.version, savedAt: iso(v.saved_at), savedBy: v.saved_by, source: v.source, onBehalfReason: v.on_behalf_reason })),
    // oldest first (a stable sort: a version's changes keep their order)
    changes: rows.sort((a, b) => a.savedAt.localeCompare(b.savedAt)),
    events: (await getWorkflowEvents(q, year, orgUnitCode)).map((e) => ({
      at: e.at, by: e.byName, action: EVENT_ACTION[e.action], version: e.version, comment: e.comment,
    })),
  };
}

/** Workflow audit trail of a unit's report, newest last. */
export async function getWorkflowEvents(q: Queryable, year: number, orgUnitCode: string): Promise<(WorkflowEvent & { at: string })[]> {
  const r = await q.query<{ action: WorkflowEvent['action']; from_state: WorkflowState; to_state: WorkflowState; version: number; comment: string | null; by_id: string | null; by_name: string; at: unknown }>(
    `SELECT action, from_state, to_state, version, comment, by_id, by_name, at FROM workflow_events
     WHERE year = $1 AND org_unit_code = $2 ORDER BY id`,
    [year, orgUnitCode],
  );
  return r.rows.map((e) => ({
    year, orgUnitCode, action: e.action, fromState: e.from_state, toState: e.to_state, version: e.version,
    comment: e.comment, byId: e.by_id, byName: e.by_name, at: iso(e.at),
  }));
}
