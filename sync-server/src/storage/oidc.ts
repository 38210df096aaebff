/** Sign-in with the city's identity provider: sign-ins under way, and mapping a provider account to a user. */
import type { Queryable } from './db.ts';
import type { User } from './users.ts';

export interface PendingOidcSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  client: 'browser' | 'pane';
  bindingHash: string;
  createdAt: Date;
}

export async function insertOidcPending(q: Queryable, p: PendingOidcSignIn): Promise<void> {
  await q.query(
    'INSERT INTO oidc_pending (state, nonce, code_verifier, client, binding_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6::timestamptz)',
    [p.state, p.nonce, p.codeVerifier, p.client, p.bindingHash, p.createdAt.toISOString()],
  );
}

/**
 * Takes (and deletes) the sign-in started with `state` if it began after `notBefore`: each state
 * completes at most once, so a replayed callback finds nothing. Older ones are dropped on the way.
 */
export async function takeOidcPending(q: Queryable, state: string, notBefore: Date): Promise<PendingOidcSignIn | null> {
  await q.query('DELETE FROM oidc_pending WHERE created_at < $1::timestamptz', [notBefore.toISOString()]);
  const r = await q.query<{ state: string; nonce: string; code_verifier: string; client: 'browser' | 'pane'; binding_hash: string; created_at: unknown }>(
    'DELETE FROM oidc_pending WHERE state = $1 RETURNING state, nonce, code_verifier, client, binding_hash, created_at',
    [state],
  );
  const x = r.rows[0];
  return x ? { state: x.state, nonce: x.nonce, codeVerifier: x.code_verifier, client: x.client, bindingHash: x.binding_hash, createdAt: new Date(String(x.created_at)) } : null;
}

export interface MappedAccount { user: User; disabled: boolean; tokenSignIn: boolean; email: string | null; oidcSubject: string | null }

interface Row { id: string; name: string; role: User['role']; org_unit_code: string | null; disabled_at: unknown; token_sign_in: boolean; email: string | null; oidc_subject: string | null }
const toMapped = (r: Row): MappedAccount => ({
  user: { id: r.id, name: r.name, role: r.role, orgUnitCode: r.org_unit_code },
  disabled: r.disabled_at != null, tokenSignIn: r.token_sign_in, email: r.email, oidcSubject: r.oidc_subject,
});
const COLUMNS = 'id, name, role, org_unit_code, disabled_at, token_sign_in, email, oidc_subject';

/**
 * The user a provider account maps to: by subject, else by e-mail among users not yet bound to a
 * subject — and then binds the subject, so a later change of e-mail at the provider keeps the account.
 */
export async function mapProviderAccount(q: Queryable, subject: string, email: string | undefined): Promise<MappedAccount | null> {
  const bySubject = await q.query<Row>(`SELECT ${COLUMNS} FROM users WHERE oidc_subject = $1`, [subject]);
  if (bySubject.rows[0]) return toMapped(bySubject.rows[0]);
  if (!email) return null;
  const byEmail = await q.query<Row>(
    `UPDATE users SET oidc_subject = $1 WHERE lower(email) = lower($2) AND oidc_subject IS NULL RETURNING ${COLUMNS}`,
    [subject, email],
  );
  return byEmail.rows[0] ? toMapped(byEmail.rows[0]) : null;
}

/** What the users page shows and sets about a user's sign-in methods. */
export async function getSignInSettings(q: Queryable, userId: string): Promise<{ email: string | null; oidcSubject: string | null; tokenSignIn: boolean } | null> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [userId]);
  const x = r.rows[0];
  return x ? { email: x.email, oidcSubject: x.oidc_subject, tokenSignIn: x.token_sign_in } : null;
}

/**
 * Sets a user's e-mail (null clears it), whether token sign-in is allowed, and optionally unbinds the
 * provider subject (a person who got a new account at the provider). False: unknown user.
 * Throws the database's unique violation when another user has that e-mail.
 */
export async function setSignInSettings(q: Queryable, userId: string, s: { email?: string | null; tokenSignIn?: boolean; unbindSubject?: boolean }): Promise<boolean> {
  const r = await q.query(
    `UPDATE users SET
       email = CASE WHEN $2::boolean THEN $3 ELSE email END,
       token_sign_in = COALESCE($4::boolean, token_sign_in),
       oidc_subject = CASE WHEN $5::boolean THEN NULL ELSE oidc_subject END
     WHERE id = $1`,
    [userId, s.email !== undefined, s.email ?? null, s.tokenSignIn ?? null, s.unbindSubject ?? false],
  );
  return r.rowCount > 0;
}

/** Every user's sign-in settings, for the users page. */
export async function listSignInSettings(q: Queryable): Promise<Map<string, { email: string | null; providerBound: boolean; tokenSignIn: boolean }>> {
  const r = await q.query<Row>(`SELECT ${COLUMNS} FROM users`);
  return new Map(r.rows.map((x) => [x.id, { email: x.email, providerBound: x.oidc_subject != null, tokenSignIn: x.token_sign_in }]));
}

/** The user who already has this e-mail (any case), other than `exceptId`. */
export async function userWithEmail(q: Queryable, email: string, exceptId: string): Promise<string | null> {
  const r = await q.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1) AND id <> $2', [email, exceptId]);
  return r.rows[0]?.id ?? null;
}
