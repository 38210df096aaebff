/**
 * Hands a new session to its client — the second half of every sign-in method (see auth/sessions.ts):
 * the browser gets the httpOnly cookie and a CSRF token, the pane a short-lived bearer.
 */
import type { Request, Response } from 'express';
import type { SessionResponse } from '@pwr-sync/shared';
import type { Db, SessionRow, User } from '../../storage/index.ts';
import { getOrgUnit } from '../../storage/index.ts';
import { bearerExpiresAt, csrfTokenOf, sessionInfo, type SessionPolicy } from '../../auth/sessions.ts';
import { setSessionCookie } from '../../auth/cookie.ts';

export async function sessionResponse(db: Db, user: User, session: SessionRow, policy: SessionPolicy, secret: string | null): Promise<SessionResponse> {
  return {
    me: { user: { id: user.id, name: user.name, role: user.role, orgUnitCode: user.orgUnitCode }, orgUnit: user.orgUnitCode ? await getOrgUnit(db, user.orgUnitCode) : null },
    session: sessionInfo(session, policy),
    ...(secret && session.client === 'browser' ? { csrfToken: csrfTokenOf(secret) } : {}),
    ...(secret && session.client === 'pane' ? { bearer: secret, bearerExpiresAt: bearerExpiresAt(session, policy) } : {}),
  };
}

/** Sends a freshly created (or renewed) session to the client it was made for. */
export async function deliverSession(req: Request, res: Response, db: Db, policy: SessionPolicy, user: User, session: SessionRow, secret: string, status = 200): Promise<void> {
  if (session.client === 'browser') setSessionCookie(req, res, secret);
  res.set('Cache-Control', 'no-store');
  res.status(status).json(await sessionResponse(db, user, session, policy, secret));
}
