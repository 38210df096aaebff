import type { Request, RequestHandler, Response } from 'express';
import { CSRF_HEADER, MSG } from '@pwr-sync/shared';
import type { Db, SessionRow, User } from '../storage/index.ts';
import { ApiError, unauthorized } from '../http/errors.ts';
import { checkToken, hashToken } from './tokens.ts';
import { checkSessionSecret, csrfTokenOf, isSessionSecret, type Clock, type SessionPolicy } from './sessions.ts';
import { SESSION_COOKIE, readCookie } from './cookie.ts';

/** What identify() needs: the session policy (config.session) and the clock (tests pass a fake one). */
export interface AuthContext {
  policy: SessionPolicy;
  clock: Clock;
}

/** How the caller proved who they are. */
export type Credential =
  | { kind: 'token' }
  | { kind: 'bearer' | 'cookie'; secret: string; session: SessionRow };

/** The authenticated caller, set by `identify` (and required by `requireUser`). */
export function currentUser(res: Response): User {
  const user = res.locals.user as User | undefined;
  if (!user) throw unauthorized();
  return user;
}

/** The caller's credential (set by `identify` with the user). */
export function currentCredential(res: Response): Credential {
  const c = res.locals.credential as Credential | undefined;
  if (!c) throw unauthorized();
  return c;
}

/** Hash of the caller's credential when it is valid (set by `identify`): the rate limiter's key. */
export function validTokenHash(res: Response): string | undefined {
  return res.locals.tokenHash as string | undefined;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Reads the credential — `Authorization: Bearer` (an issued token `pwr_…` for scripts, or the pane's
 * session bearer `pws_…`), else the browser's session cookie — and checks it at the clock's time.
 * A valid one sets `res.locals.user`, `credential` and `tokenHash`; an invalid one sets `authFailure`
 * (the Polish reason: expired, revoked, disabled). Refuses nothing: `requireUser` does, after the rate
 * limiter, which must key made-up credentials by client address rather than give each a fresh counter.
 */
export function identify(db: Db, auth: AuthContext): RequestHandler {
  return async (req, res, next) => {
    const bearer = BEARER.exec(req.get('authorization') ?? '')?.[1];
    const cookie = bearer ? undefined : readCookie(req, SESSION_COOKIE);
    const secret = bearer ?? cookie;
    if (!secret) return next();
    const now = auth.clock();
    if (bearer && !isSessionSecret(bearer)) {
      const check = await checkToken(db, bearer, now);
      if (check.ok) Object.assign(res.locals, { user: check.user, credential: { kind: 'token' }, tokenHash: check.hash });
      else res.locals.authFailure = check.error;
    } else {
      const check = await checkSessionSecret(db, auth.policy, now, secret);
      if (check.ok) {
        const credential: Credential = { kind: bearer ? 'bearer' : 'cookie', secret, session: check.session };
        Object.assign(res.locals, { user: check.user, credential, tokenHash: hashToken(`session:${check.session.id}`) });
      } else res.locals.authFailure = check.error;
    }
    next();
  };
}

/** 401 unless `identify` found a valid credential — with the reason when it found an invalid one. */
export const requireUser: RequestHandler = (_req, res, next) => {
  next(res.locals.user ? undefined : (res.locals.authFailure as ApiError | undefined) ?? unauthorized());
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origins this server answers for: its own (as the request reached it), the public address, the allowed ones. */
function trustedOrigins(req: Request, publicUrl: string | null, allowedOrigins: readonly string[]): Set<string> {
  return new Set([`${req.protocol}://${req.get('host') ?? ''}`, ...(publicUrl ? [publicUrl] : []), ...allowedOrigins]);
}

/**
 * Refuses a request another site made the browser send: `Sec-Fetch-Site: cross-site`, or an
 * `Origin` that is not this server's. Used for sign-in and sign-out, and inside `csrfGuard`.
 */
export function assertSameSite(req: Request, publicUrl: string | null, allowedOrigins: readonly string[]): void {
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  if (origin && origin !== 'null' && !trustedOrigins(req, publicUrl, allowedOrigins).has(origin)) throw new ApiError(MSG.auth.crossSite(origin.slice(0, 100)), 403, 'cross_site');
  if (origin === 'null' || (site === 'cross-site' && !(origin && allowedOrigins.includes(origin)))) throw new ApiError(MSG.auth.crossSite(origin ?? site ?? ''), 403, 'cross_site');
}

/**
 * CSRF protection of cookie sessions (the browser mode): every request that changes something must
 * come from this site and carry the session's CSRF token in X-CSRF-Token (the page reads it from
 * sign-in or GET /api/auth/session, which another site cannot read). SameSite=Strict on the cookie
 * is the first line; this is the second. Bearer credentials are not sent by browsers on their own,
 * so they need neither.
 */
export function csrfGuard(publicUrl: string | null, allowedOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const credential = res.locals.credential as Credential | undefined;
    if (credential?.kind !== 'cookie' || SAFE_METHODS.has(req.method)) return next();
    assertSameSite(req, publicUrl, allowedOrigins);
    if (req.get(CSRF_HEADER) !== csrfTokenOf(credential.secret)) throw new ApiError(MSG.auth.csrfMissing, 403, 'csrf_failed');
    next();
  };
}
