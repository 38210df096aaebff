/**
 * The session layer. Every way of signing in ends in ONE call:
 *
 *     const { session, secret } = await createSession(db, policy, now, { userId, method, client, ip, userAgent });
 *
 * — the issued-token sign-in (routes/auth/router.ts) does it with method 'token'; single sign-on with
 * the city's identity provider (OpenID Connect, issue 18) does it with method 'oidc' once it knows the
 * user, then hands the secret to the client the same way (`deliverSession` in routes/auth/deliver.ts:
 * the browser's httpOnly cookie, or the pane's bearer). Ending sessions: `endSession` (one, e.g. the
 * identity provider's logout) and `endUserSessions` (all of a user's, e.g. the account was disabled).
 * Nothing else needs to know how sessions are stored or checked.
 *
 * A session is valid while it has not ended, is younger than the maximum age, and has seen a
 * request within the idle timeout. The pane's credential is a short-lived bearer: valid for
 * `bearerMinutes` after it was issued or renewed (the pane renews it while it is open); after a
 * renewal the previous bearer still works for RENEW_GRACE_MS, for requests already in flight.
 * Only sha256 hashes of credentials are stored. Times come from the caller (a clock), so tests move them.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { MSG, type SessionClient, type SessionInfo } from '@pwr-sync/shared';
import type { Queryable, SessionRow, User } from '../storage/index.ts';
import { endSessionRow, endUserSessionRows, findSessionBySecret, insertSession, recordAuthEvent, rotateSessionSecret, touchSession } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { hashToken } from './tokens.ts';

export interface SessionPolicy {
  /** Without a request for this long, the session ends. */
  idleMinutes: number;
  /** The session ends this long after sign-in, however busy. */
  maxAgeMinutes: number;
  /** The pane's bearer lives this long unless renewed. */
  bearerMinutes: number;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** After a renewal, the pane's previous bearer is still accepted this long (requests in flight). */
export const RENEW_GRACE_MS = 60_000;

/** Session credentials look like tokens but start with "pws_" (tokens: "pwr_"). */
const SESSION_PREFIX = 'pws_';
export const isSessionSecret = (s: string) => s.startsWith(SESSION_PREFIX);
const newSecret = () => `${SESSION_PREFIX}${randomBytes(32).toString('base64url')}`;

/** A sign-in method's name as stored and audited: 'token' now, 'oidc' with single sign-on. */
export type SignInMethod = string;

export interface NewSession {
  userId: string;
  method: SignInMethod;
  client: SessionClient;
  ip: string | null;
  userAgent?: string | null;
}

/**
 * Starts a session for a user who has proven who they are (the caller checked that the user exists
 * and is enabled), and records the sign-in in the audit. Returns the secret once: the caller hands
 * it to the client (cookie or bearer) and never stores it.
 */
export async function createSession(q: Queryable, policy: SessionPolicy, now: Date, s: NewSession): Promise<{ session: SessionRow; secret: string }> {
  const secret = newSecret();
  const session: SessionRow = {
    id: randomUUID(), userId: s.userId, method: s.method, client: s.client, ip: s.ip, userAgent: s.userAgent?.slice(0, 300) ?? null,
    createdAt: now, lastSeenAt: now, renewedAt: now, expiresAt: new Date(now.getTime() + policy.maxAgeMinutes * 60_000),
    endedAt: null, endReason: null,
  };
  await insertSession(q, { ...session, secretHash: hashToken(secret) });
  await recordAuthEvent(q, { at: now, event: 'sign_in', userId: s.userId, ip: s.ip, detail: `${s.method}, ${s.client}` });
  return { session, secret };
}

/** Who ended a session, for the audit: the user themselves (sign-out) or an admin. */
export interface EndedBy { actorId?: string | null; ip?: string | null }

/** Ends one session; `sign_out` when the user ended it, `session_ended` when someone else did. */
export async function endSession(q: Queryable, session: Pick<SessionRow, 'id' | 'userId'>, reason: string, now: Date, by: EndedBy = {}): Promise<boolean> {
  const ended = await endSessionRow(q, session.id, reason, now, session.userId);
  if (ended) {
    const self = !by.actorId || by.actorId === session.userId;
    await recordAuthEvent(q, { at: now, event: self ? 'sign_out' : 'session_ended', userId: session.userId, actorId: self ? null : by.actorId, ip: by.ip ?? null, detail: reason });
  }
  return ended;
}

/** Ends every session of a user at once (their next request gets 401). */
export function endUserSessions(q: Queryable, userId: string, reason: string, now: Date): Promise<number> {
  return endUserSessionRows(q, userId, reason, now);
}

export type SessionCheck =
  | { ok: true; user: User; session: SessionRow }
  | { ok: false; error: ApiError; userId: string | null };

const expired = (message: string) => new ApiError(message, 401, 'session_expired');

/** Checks a session credential at `now` and notes the activity; the specific Polish reason when it is not valid. */
export async function checkSessionSecret(q: Queryable, policy: SessionPolicy, now: Date, secret: string): Promise<SessionCheck> {
  const found = await findSessionBySecret(q, hashToken(secret));
  if (!found) return { ok: false, error: new ApiError(MSG.auth.sessionEnded, 401, 'unauthorized'), userId: null };
  const { session, user, userDisabled, previous } = found;
  const t = now.getTime();
  const fail = (error: ApiError): SessionCheck => ({ ok: false, error, userId: user.id });
  if (userDisabled) return fail(new ApiError(MSG.auth.userDisabled, 401, 'user_disabled'));
  if (session.endedAt) return fail(expired(MSG.auth.sessionEnded));
  if (t >= session.expiresAt.getTime()) return fail(expired(MSG.auth.sessionMaxAge(policy.maxAgeMinutes)));
  if (t >= session.lastSeenAt.getTime() + policy.idleMinutes * 60_000) return fail(expired(MSG.auth.sessionIdle(policy.idleMinutes)));
  if (session.client === 'pane') {
    const bearerEnds = previous ? session.renewedAt.getTime() + RENEW_GRACE_MS : session.renewedAt.getTime() + policy.bearerMinutes * 60_000;
    if (t >= bearerEnds) return fail(expired(MSG.auth.bearerExpired));
  }
  await touchSession(q, session.id, now);
  return { ok: true, user, session: { ...session, lastSeenAt: now } };
}

/** The pane's next bearer; the one it replaces keeps working for RENEW_GRACE_MS. */
export async function renewBearer(q: Queryable, session: SessionRow, now: Date): Promise<{ secret: string; session: SessionRow }> {
  const secret = newSecret();
  await rotateSessionSecret(q, session.id, hashToken(secret), now);
  return { secret, session: { ...session, renewedAt: now } };
}

/** The CSRF token of a cookie session: derived from its secret, so nothing more is stored. */
export function csrfTokenOf(secret: string): string {
  return createHash('sha256').update(`csrf:${secret}`, 'utf8').digest('base64url');
}

export function sessionInfo(s: SessionRow, policy: SessionPolicy): SessionInfo {
  const idleEnds = Math.min(s.lastSeenAt.getTime() + policy.idleMinutes * 60_000, s.expiresAt.getTime());
  return {
    id: s.id, client: s.client, method: s.method, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(), idleExpiresAt: new Date(idleEnds).toISOString(), ip: s.ip,
  };
}

/** When the pane's current bearer stops working (never after the session's own end). */
export function bearerExpiresAt(s: SessionRow, policy: SessionPolicy): string {
  return new Date(Math.min(s.renewedAt.getTime() + policy.bearerMinutes * 60_000, s.expiresAt.getTime())).toISOString();
}
