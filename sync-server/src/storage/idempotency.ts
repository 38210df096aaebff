import type { Queryable } from './db.ts';
import { json } from './json.ts';

export interface StoredIdempotentResult {
  scope: string;
  requestHash: string;
  response: unknown;
}

/** The stored outcome of an earlier request with this key by this user (read under the caller's row lock). */
export async function findIdempotencyKey(q: Queryable, userId: string, key: string): Promise<StoredIdempotentResult | null> {
  const r = await q.query<{ scope: string; request_hash: string; response: unknown }>(
    'SELECT scope, request_hash, response FROM idempotency_keys WHERE user_id = $1 AND key = $2',
    [userId, key],
  );
  const row = r.rows[0];
  return row ? { scope: row.scope, requestHash: row.request_hash, response: row.response } : null;
}

/** Records a request's outcome in the same transaction as its effect. */
export async function saveIdempotencyKey(q: Queryable, userId: string, key: string, scope: string, requestHash: string, response: unknown): Promise<void> {
  await q.query(
    'INSERT INTO idempotency_keys (user_id, key, scope, request_hash, response) VALUES ($1, $2, $3, $4, $5::text::jsonb)',
    [userId, key, scope, requestHash, json(response)],
  );
}

/** Forgets keys older than `days` (run by the admin CLI's `prune`). */
export async function pruneIdempotencyKeys(q: Queryable, days: number): Promise<number> {
  const r = await q.query(`DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1)`, [days]);
  return r.rowCount;
}
