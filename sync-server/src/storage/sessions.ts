/**
 * Sessions and the audit of signing in (issue 14): rows only. Whether a session is still valid —
 * idle timeout, maximum age, the pane's bearer lifetime — is decided in auth/sessions.ts from a
 * clock, so tests move time without waiting.
 */
import type { SessionClient } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import type { User } from './users.ts';
import { iso, isoOrNull } from './json.ts';

export interface SessionRow {
  id: string;
  userId: string;
  method: string;
  client: SessionClient;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  renewedAt: Date;
  expiresAt: Date;
  endedAt: Date | null;
  endReason: string | null;
}

interface Row {
  id: string; user_id: string; method: string; client: SessionClient; ip: string | null; user_agent: string | null;
  created_at: unknown; last_seen_at: unknown; renewed_at: unknown; expires_at: unknown; ended_at: unknown; end_reason: string | null;
}
const date = (v: unknown) => new Date(iso(v));
const toSession = (r: Row): SessionRow => ({
  id: r.id, userId: r.user_id, method: r.method, client: r.client, ip: r.ip, userAgent: r.user_agent,
  createdAt: date(r.created_at), lastSeenAt: date(r.last_seen_at), renewedAt: date(r.renewed_at), expiresAt: date(r.expires_at),
  endedAt: r.ended_at == null ? null : date(r.ended_at), endReason: r.end_reason,
});
const COLUMNS = 's.id, s.user_id, s.method, s.client, s.ip, s.user_agent, s.created_at, s.last_seen_at, s.renewed_at, s.expires_at, s.ended_at, s.end_reason';

export async function insertSession(q: Queryable, s: Omit<SessionRow, 'endedAt' | 'endReason'> & { secretHash: string }): Promise<void> {
  await q.query(
    `INSERT INTO sessions (id, secret_hash, user_id, method, client, ip, user_agent, created_at, last_seen_at, renewed_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9::timestamptz, $10::timestamptz, $11::timestamptz)`,
    [s.id, s.secretHash, s.userId, s.method, s.client, s.ip, s.userAgent, s.createdAt.toISOString(), s.lastSeenAt.toISOString(), s.renewedAt.toISOString(), s.expiresAt.toISOString()],
  );
}

/** The session whose current (or, `previous: true`, previous) credential has this hash, with its user. */
export async function findSessionBySecret(q: Queryable, hash: string): Promise<{ session: SessionRow; user: User; userDisabled: boolean; previous: boolean } | null> {
  const r = await q.query<Row & { name: string; role: User['role']; org_unit_code: string | null; disabled_at: unknown; previous: boolean }>(
    `SELECT ${COLUMNS}, u.name, u.role, u.org_unit_code, u.disabled_at, (s.secret_hash <> $1) AS previous
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.secret_hash = $1 OR s.prev_secret_hash = $1 LIMIT 1`,
    [hash],
  );
  const x = r.rows[0];
  if (!x) return null;
  return {
    session: toSession(x),
    user: { id: x.user_id, name: x.name, role: x.role, orgUnitCode: x.org_unit_code },
    userDisabled: x.disabled_at != null,
    previous: x.previous,
  };
}

/** Notes activity (for the idle timeout); written at most every 30 s per session. */
export async function touchSession(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE sessions SET last_seen_at = $2::timestamptz WHERE id = $1 AND ended_at IS NULL AND last_seen_at < $2::timestamptz - interval '30 seconds'`,
    [id, now.toISOString()],
  );
}

/** The pane's renewal: a new current credential; the old one becomes the previous (short grace). */
export async function rotateSessionSecret(q: Queryable, id: string, newHash: string, now: Date): Promise<boolean> {
  const r = await q.query(
    `UPDATE sessions SET prev_secret_hash = secret_hash, secret_hash = $2, renewed_at = $3::timestamptz WHERE id = $1 AND ended_at IS NULL`,
    [id, newHash, now.toISOString()],
  );
  return r.rowCount > 0;
}

export async function endSessionRow(q: Queryable, id: string, reason: string, now: Date, userId?: string): Promise<boolean> {
  const r = await q.query(
    `UPDATE sessions SET ended_at = $3::timestamptz, end_reason = $2 WHERE id = $1 AND ended_at IS NULL AND ($4::text IS NULL OR user_id = $4)`,
    [id, reason, now.toISOString(), userId ?? null],
  );
  return r.rowCount > 0;
}

export async function endUserSessionRows(q: Queryable, userId: string, reason: string, now: Date): Promise<number> {
  const r = await q.query(
    `UPDATE sessions SET ended_at = $3::timestamptz, end_reason = $2 WHERE user_id = $1 AND ended_at IS NULL`,
    [userId, reason, now.toISOString()],
  );
  return r.rowCount;
}

/** Cut-offs of a live session at `now`: seen after idleSince, (pane) renewed after bearerSince, not past its max age. */
export interface LiveCutoffs { now: Date; idleSince: Date; bearerSince: Date }

const LIVE = `s.ended_at IS NULL AND s.expires_at > $1::timestamptz AND s.last_seen_at > $2::timestamptz
  AND (s.client = 'browser' OR s.renewed_at > $3::timestamptz)`;
const liveParams = (c: LiveCutoffs) => [c.now.toISOString(), c.idleSince.toISOString(), c.bearerSince.toISOString()];

export async function listLiveSessions(q: Queryable, userId: string, c: LiveCutoffs): Promise<SessionRow[]> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM sessions s WHERE ${LIVE} AND s.user_id = $4 ORDER BY s.created_at DESC`, [...liveParams(c), userId]);
  return r.rows.map(toSession);
}

/** Per user: live sessions and the last sign-in (any session's start). */
export async function sessionSummary(q: Queryable, c: LiveCutoffs): Promise<Map<string, { live: number; lastSignInAt: string | null }>> {
  const r = await q.query<{ user_id: string; live: number; last_sign_in: unknown }>(
    `SELECT s.user_id, count(*) FILTER (WHERE ${LIVE})::int AS live, max(s.created_at) AS last_sign_in FROM sessions s GROUP BY s.user_id`,
    liveParams(c),
  );
  return new Map(r.rows.map((x) => [x.user_id, { live: x.live, lastSignInAt: isoOrNull(x.last_sign_in) }]));
}

/** Forgets sessions that ended (or expired) more than `days` ago; their sign-ins stay in the audit. */
export async function pruneSessions(q: Queryable, days: number, now: Date = new Date()): Promise<number> {
  const r = await q.query(
    `DELETE FROM sessions WHERE coalesce(ended_at, expires_at) < $1::timestamptz - make_interval(days => $2::int)`,
    [now.toISOString(), days],
  );
  return r.rowCount;
}

// — the audit —

export interface AuthEventRow { id: number; at: string; event: string; userId: string | null; actorId: string | null; ip: string | null; detail: string }

export async function recordAuthEvent(q: Queryable, e: { at: Date; event: string; userId?: string | null; actorId?: string | null; ip?: string | null; detail?: string }): Promise<void> {
  await q.query(
    'INSERT INTO auth_events (at, event, user_id, actor_id, ip, detail) VALUES ($1::timestamptz, $2, $3, $4, $5, $6)',
    [e.at.toISOString(), e.event, e.userId ?? null, e.actorId ?? null, e.ip ?? null, (e.detail ?? '').slice(0, 500)],
  );
}

/** Newest first; one user's events (as the subject or the actor) when `userId` is given. */
export async function listAuthEvents(q: Queryable, options: { userId?: string; limit: number }): Promise<AuthEventRow[]> {
  const r = await q.query<{ id: string | number; at: unknown; event: string; user_id: string | null; actor_id: string | null; ip: string | null; detail: string }>(
    `SELECT id, at, event, user_id, actor_id, ip, detail FROM auth_events
     WHERE ($1::text IS NULL OR user_id = $1 OR actor_id = $1) ORDER BY at DESC, id DESC LIMIT $2::int`,
    [options.userId ?? null, options.limit],
  );
  return r.rows.map((x) => ({ id: Number(x.id), at: iso(x.at), event: x.event, userId: x.user_id, actorId: x.actor_id, ip: x.ip, detail: x.detail }));
}
