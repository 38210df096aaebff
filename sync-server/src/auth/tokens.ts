import { createHash, randomBytes } from 'node:crypto';
import { MSG, warsawWallClockAsUtc } from '@pwr-sync/shared';
import type { Queryable, User } from '../storage/index.ts';
import { getSignInSettings, getTokenStatus, insertToken, touchToken } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';

/** A new random bearer token: "pwr_" + 32 random bytes, base64url. Shown once, stored only as its hash. */
export function generateToken(): string {
  return `pwr_${randomBytes(32).toString('base64url')}`;
}

/** sha256 hex of a token; tokens carry 256 random bits, so a fast hash is enough (no password stretching). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The last instant of a calendar day in Kraków ("2026-12-31" → 2026-12-31T22:59:59.999Z): a token "valid through" that day. */
export function endOfWarsawDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const nextMidnightUtc = Date.UTC(y, m - 1, d + 1);
  const offset = warsawWallClockAsUtc(new Date(nextMidnightUtc))!.getTime() - nextMidnightUtc;
  return new Date(nextMidnightUtc - offset - 1);
}

export interface IssueOptions {
  label?: string;
  expiresAt: Date;
  /** Who issued it (the admin's id; null from the CLI). */
  createdBy?: string | null;
  now?: Date;
}

/** Issues a token for a user and returns it in clear (the only time it exists in clear). */
export async function issueToken(q: Queryable, userId: string, options: IssueOptions): Promise<string> {
  const token = generateToken();
  await insertToken(q, { hash: hashToken(token), userId, label: options.label ?? '', expiresAt: options.expiresAt, createdBy: options.createdBy ?? null, now: options.now ?? new Date() });
  return token;
}

export type TokenCheck = { ok: true; user: User; hash: string } | { ok: false; error: ApiError; userId: string | null };

/** Checks an issued token at `now` (and notes its use); the specific Polish reason when it is refused. */
export async function checkToken(q: Queryable, token: string, now: Date): Promise<TokenCheck> {
  const hash = hashToken(token);
  const status = await getTokenStatus(q, hash);
  if (!status) return { ok: false, error: new ApiError(MSG.auth.tokenUnknown, 401, 'unauthorized'), userId: null };
  const fail = (message: string, code: string): TokenCheck => ({ ok: false, error: new ApiError(message, 401, code), userId: status.user.id });
  if (status.userDisabled) return fail(MSG.auth.userDisabled, 'user_disabled');
  if (status.revoked) return fail(MSG.auth.tokenRevoked, 'token_revoked');
  if (now.getTime() >= Date.parse(status.expiresAt)) return fail(MSG.auth.tokenExpired(status.expiresAt), 'token_expired');
  // A person in the city's directory may be held to the provider's sign-in (the users page's switch).
  if ((await getSignInSettings(q, status.user.id))?.tokenSignIn === false) return fail(MSG.signIn.tokenSignInOff, 'token_sign_in_off');
  await touchToken(q, hash, now);
  return { ok: true, user: status.user, hash };
}
