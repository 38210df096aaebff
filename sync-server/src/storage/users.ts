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

export async function listUsers(q: Queryable): Promise<(User & { disabled: boolean; activeTokens: number })[]> {
  const r = await q.query<UserRow & { disabled_at: unknown; active_tokens: number }>(
    `SELECT u.id, u.name, u.role, u.org_unit_code, u.disabled_at,
            (SELECT count(*)::int FROM tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS active_tokens
     FROM users u ORDER BY u.role, u.id`,
  );
  return r.rows.map((x) => ({ ...toUser(x), disabled: x.disabled_at != null, activeTokens: x.active_tokens }));
}

/** Disables a user and revokes all their tokens. */
export async function disableUser(q: Queryable, id: string): Promise<boolean> {
  const r = await q.query('UPDATE users SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL', [id]);
  await q.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
  return r.rowCount > 0;
}

export async function insertToken(q: Queryable, hash: string, userId: string, label: string): Promise<void> {
  await q.query('INSERT INTO tokens (hash, user_id, label) VALUES ($1, $2, $3)', [hash, userId, label]);
}

/** The active (not revoked, user not disabled) user owning a token hash. */
export async function findUserByTokenHash(q: Queryable, hash: string): Promise<User | null> {
  const r = await q.query<UserRow>(
    `SELECT u.id, u.name, u.role, u.org_unit_code FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.hash = $1 AND t.revoked_at IS NULL AND u.disabled_at IS NULL`,
    [hash],
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** Revokes by the token's hash or by the first characters of it (as `list` shows them). */
export async function revokeToken(q: Queryable, hashOrPrefix: string): Promise<number> {
  if (!/^[0-9a-f]{8,64}$/.test(hashOrPrefix)) return 0;
  const r = await q.query(`UPDATE tokens SET revoked_at = now() WHERE revoked_at IS NULL AND hash LIKE $1 || '%'`, [hashOrPrefix]);
  return r.rowCount;
}

export async function listTokens(q: Queryable): Promise<{ hashPrefix: string; userId: string; label: string; createdAt: string; revokedAt: string | null }[]> {
  const r = await q.query<{ hash: string; user_id: string; label: string; created_at: unknown; revoked_at: unknown }>(
    'SELECT hash, user_id, label, created_at, revoked_at FROM tokens ORDER BY created_at',
  );
  return r.rows.map((t) => ({ hashPrefix: t.hash.slice(0, 12), userId: t.user_id, label: t.label, createdAt: iso(t.created_at), revokedAt: isoOrNull(t.revoked_at) }));
}
