import type { Role } from '@pwr-sync/shared';
import type { Queryable } from './db.ts';
import { iso, isoOrNull } from './json.ts';

export interface User {
  id: string;
  name: string;
  role: Role;
  orgUnitCode: string | null;
}

interface UserRow { id: string; name: string; role: Role; org_unit_code: string | null }
const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, role: r.role, orgUnitCode: r.org_unit_code });

/** Creates the user, or updates name/role/unit of an existing id (and re-enables it). */
export async function upsertUser(q: Queryable, u: User): Promise<User> {
  const r = await q.query<UserRow>(
    `INSERT INTO users (id, name, role, org_unit_code) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, org_unit_code = excluded.org_unit_code, disabled_at = NULL
     RETURNING id, name, role, org_unit_code`,
    [u.id, u.name, u.role, u.orgUnitCode],
  );
  return toUser(r.rows[0]!);
}

export async function getUser(q: Queryable, id: string): Promise<User | null> {
  const r = await q.query<UserRow>('SELECT id, name, role, org_unit_code FROM users WHERE id = $1', [id]);
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

export async function listUsers(q: Queryable, now: Date = new Date()): Promise<(User & { disabled: boolean; activeTokens: number; createdAt: string })[]> {
  const r = await q.query<UserRow & { disabled_at: unknown; active_tokens: number; created_at: unknown }>(
    `SELECT u.id, u.name, u.role, u.org_unit_code, u.disabled_at, u.created_at,
            (SELECT count(*)::int FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL AND t.expires_at > $1::timestamptz) AS active_tokens
     FROM users u ORDER BY u.role, u.id`,
    [now.toISOString()],
  );
  return r.rows.map((x) => ({ ...toUser(x), disabled: x.disabled_at != null, activeTokens: x.active_tokens, createdAt: iso(x.created_at) }));
}

/** Disables a user, revokes all their tokens and ends their sessions at once (the next request gets 401). */
export async function disableUser(q: Queryable, id: string, now: Date = new Date()): Promise<boolean> {
  const r = await q.query('UPDATE users SET disabled_at = $2::timestamptz WHERE id = $1 AND disabled_at IS NULL', [id, now.toISOString()]);
  await q.query('UPDATE tokens SET revoked_at = $2::timestamptz WHERE user_id = $1 AND revoked_at IS NULL', [id, now.toISOString()]);
  await q.query(`UPDATE sessions SET ended_at = $2::timestamptz, end_reason = 'user_disabled' WHERE user_id = $1 AND ended_at IS NULL`, [id, now.toISOString()]);
  return r.rowCount > 0;
}

/** Enables a disabled user again (their old tokens stay revoked: issue a new one). */
export async function enableUser(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query('UPDATE users SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL', [id]);
  return r.rowCount > 0;
}

/** Creates a user; false when the id is taken (the users page refuses, the CLI's upsertUser updates). */
export async function insertUser(q: Queryable, u: User): Promise<boolean> {
  const r = await q.query(
    'INSERT INTO users (id, name, role, org_unit_code) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
    [u.id, u.name, u.role, u.orgUnitCode],
  );
  return r.rowCount > 0;
}

export async function insertToken(q: Queryable, t: { hash: string; userId: string; label: string; expiresAt: Date; createdBy?: string | null; now?: Date }): Promise<void> {
  await q.query(
    'INSERT INTO tokens (hash, user_id, label, expires_at, created_by, created_at) VALUES ($1, $2, $3, $4::timestamptz, $5, $6::timestamptz)',
    [t.hash, t.userId, t.label, t.expiresAt.toISOString(), t.createdBy ?? null, (t.now ?? new Date()).toISOString()],
  );
}

/** What a token hash is: whose, until when, revoked or not, the user disabled or not (null: unknown). */
export interface TokenStatus { user: User; expiresAt: string; revoked: boolean; userDisabled: boolean; lastUsedAt: string | null }

export async function getTokenStatus(q: Queryable, hash: string): Promise<TokenStatus | null> {
  const r = await q.query<UserRow & { expires_at: unknown; revoked_at: unknown; disabled_at: unknown; last_used_at: unknown }>(
    `SELECT u.id, u.name, u.role, u.org_unit_code, u.disabled_at, t.expires_at, t.revoked_at, t.last_used_at
     FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1`,
    [hash],
  );
  const x = r.rows[0];
  return x ? { user: toUser(x), expiresAt: iso(x.expires_at), revoked: x.revoked_at != null, userDisabled: x.disabled_at != null, lastUsedAt: isoOrNull(x.last_used_at) } : null;
}

/** Notes a token's use (at most once a minute, so a busy script does not write on every request). */
export async function touchToken(q: Queryable, hash: string, now: Date): Promise<void> {
  await q.query(
    `UPDATE tokens SET last_used_at = $2::timestamptz WHERE hash = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
    [hash, now.toISOString()],
  );
}

/** The active (not revoked, not expired, user not disabled) user owning a token hash. */
export async function findUserByTokenHash(q: Queryable, hash: string, now: Date = new Date()): Promise<User | null> {
  const r = await q.query<UserRow>(
    `SELECT u.id, u.name, u.role, u.org_unit_code FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2::timestamptz AND u.disabled_at IS NULL`,
    [hash, now.toISOString()],
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** Revokes by the token's hash or by the first characters of it (as `list` shows them). */
export async function revokeToken(q: Queryable, hashOrPrefix: string, userId?: string): Promise<number> {
  if (!/^[0-9a-f]{8,64}$/.test(hashOrPrefix)) return 0;
  const r = await q.query(
    `UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL AND hash LIKE $1 || '%' AND ($2::text IS NULL OR user_id = $2)`,
    [hashOrPrefix, userId ?? null],
  );
  return r.rowCount;
}

export interface TokenRow {
  hashPrefix: string; userId: string; label: string; createdAt: string; createdBy: string | null;
  expiresAt: string; revokedAt: string | null; lastUsedAt: string | null;
}

/** Every token (or one user's), oldest first; hashes only by their first 12 digits. */
export async function listTokens(q: Queryable, userId?: string): Promise<TokenRow[]> {
  const r = await q.query<{ hash: string; user_id: string; label: string; created_at: unknown; created_by: string | null; expires_at: unknown; revoked_at: unknown; last_used_at: unknown }>(
    `SELECT hash, user_id, label, created_at, created_by, expires_at, revoked_at, last_used_at FROM tokens
     WHERE ($1::text IS NULL OR user_id = $1) ORDER BY created_at, hash`,
    [userId ?? null],
  );
  return r.rows.map((t) => ({
    hashPrefix: t.hash.slice(0, 12), userId: t.user_id, label: t.label, createdAt: iso(t.created_at), createdBy: t.created_by,
    expiresAt: iso(t.expires_at), revokedAt: isoOrNull(t.revoked_at), lastUsedAt: isoOrNull(t.last_used_at),
  }));
}
