import express, { Router } from 'express';
import { AUTH_PATHS, MSG, SignInRequestSchema } from '@pwr-sync/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/index.ts';
import { findSessionBySecret, recordAuthEvent } from '../../storage/index.ts';
import { assertSameSite, currentCredential, currentUser, type AuthContext, type Credential } from '../../auth/middleware.ts';
import { checkToken, hashToken } from '../../auth/tokens.ts';
import { createSession, endSession, renewBearer } from '../../auth/sessions.ts';
import { SESSION_COOKIE, clearSessionCookie, readCookie } from '../../auth/cookie.ts';
import { ApiError } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import type { Logger } from '../../log.ts';
import { deliverSession, sessionResponse } from './deliver.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Signing in and out, before the API's 401 (no valid credential is needed to sign in):
 * POST /api/auth/sign-in exchanges an issued token for a session (createSession, method 'token');
 * POST /api/auth/sign-out ends the caller's session, even an expired one, and clears the cookie.
 */
export function authPublicRouter(db: Db, config: Config, auth: AuthContext, log: Logger): Router {
  const router = Router();
  const body = express.json({ limit: '16kb' });

  router.post(AUTH_PATHS.signIn, (req, _res, next) => { assertSameSite(req, config.publicUrl, config.allowedOrigins); next(); }, body, validate(SignInRequestSchema), async (req, res) => {
    const { token, client } = parsed(SignInRequestSchema, res.locals);
    const now = auth.clock();
    const ip = req.ip ?? null;
    const check = await checkToken(db, token, now);
    if (!check.ok) {
      await recordAuthEvent(db, { at: now, event: 'sign_in_failed', userId: check.userId, ip, detail: check.error.code });
      log({ category: 'auth', msg: 'sign-in refused', reason: check.error.code, user: check.userId, ip });
      throw check.error;
    }
    const { session, secret } = await createSession(db, auth.policy, now, { userId: check.user.id, method: 'token', client, ip, userAgent: req.get('user-agent') ?? null });
    log({ category: 'auth', msg: 'signed in', user: check.user.id, client, ip });
    await deliverSession(req, res, db, auth.policy, check.user, session, secret, 201);
  });

  router.post(AUTH_PATHS.signOut, async (req, res) => {
    assertSameSite(req, config.publicUrl, config.allowedOrigins);
    const secret = BEARER.exec(req.get('authorization') ?? '')?.[1] ?? readCookie(req, SESSION_COOKIE);
    const found = secret ? await findSessionBySecret(db, hashToken(secret)) : null;
    if (found && !found.session.endedAt) await endSession(db, found.session, 'sign_out', auth.clock(), { ip: req.ip ?? null });
    clearSessionCookie(req, res);
    res.status(204).end();
  });
  return router;
}

function sessionCredential(res: express.Response): Extract<Credential, { secret: string }> {
  const c = currentCredential(res);
  if (c.kind === 'token') throw new ApiError(MSG.auth.noSession, 400, 'no_session');
  return c;
}

/** GET /api/auth/session (who, until when, the CSRF token) and POST /api/auth/renew (the pane's next bearer). */
export function authSessionRouter(db: Db, auth: AuthContext): Router {
  const router = Router();
  router.get(AUTH_PATHS.session, async (_req, res) => {
    const c = sessionCredential(res);
    res.set('Cache-Control', 'no-store');
    // The pane's bearer is not repeated: it has it; the browser's CSRF token is, the page may have reloaded.
    res.json(await sessionResponse(db, currentUser(res), c.session, auth.policy, c.kind === 'cookie' ? c.secret : null));
  });
  router.post(AUTH_PATHS.renew, async (req, res) => {
    const c = sessionCredential(res);
    if (c.session.client !== 'pane') throw new ApiError(MSG.auth.renewOnlyPane, 400, 'not_renewable');
    const { secret, session } = await renewBearer(db, c.session, auth.clock());
    await deliverSession(req, res, db, auth.policy, currentUser(res), session, secret);
  });
  return router;
}
