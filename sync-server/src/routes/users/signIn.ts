/**
 * PUT /api/admin/users/:id/sign-in — how a user signs in: the e-mail their first sign-in with the
 * city's provider is matched by, whether token sign-in stays allowed, and unbinding the provider
 * account (a person who got a new one). Admin only, audited.
 */
import { Router, type Request, type Response } from 'express';
import { MSG, UserIdSchema, UserSignInRequestSchema, userSignInPath, type AdminUser } from '@pwr-sync/shared';
import { z } from 'zod';
import type { Db, User } from '../../storage/index.ts';
import { getUser, recordAuthEvent, setSignInSettings, userWithEmail } from '../../storage/index.ts';
import type { AuthContext } from '../../auth/middleware.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import type { Logger } from '../../log.ts';

const UserParams = z.object({ id: UserIdSchema });

export function userSignInRouter(db: Db, auth: AuthContext, log: Logger, admin: (res: Response) => User, one: (id: string, now: Date) => Promise<AdminUser>): Router {
  const router = Router();
  router.put(userSignInPath('__id__').replace('__id__', ':id'), validate(UserParams, 'params'), (_req, res, next) => { admin(res); next(); }, validate(UserSignInRequestSchema), async (req: Request, res: Response) => {
    const me = admin(res);
    const { id } = parsed(UserParams, res.locals, 'params');
    const body = parsed(UserSignInRequestSchema, res.locals);
    if (!(await getUser(db, id))) throw notFound(MSG.auth.noUser(id));
    if (body.email) {
      const other = await userWithEmail(db, body.email, id);
      if (other) {
        const message = MSG.signIn.emailTaken(body.email, other);
        throw new ApiError(message, 409, 'email_taken', { problems: [{ field: 'email', code: 'email_taken', message }] });
      }
    }
    const now = auth.clock();
    await db.transaction(async (tx) => {
      await setSignInSettings(tx, id, { email: body.email, tokenSignIn: body.tokenSignIn, unbindSubject: body.unbindProvider });
      const detail = MSG.signIn.auditChange(body.email, body.tokenSignIn, body.unbindProvider ?? false);
      await recordAuthEvent(tx, { at: now, event: 'user_sign_in_changed', userId: id, actorId: me.id, ip: req.ip ?? null, detail });
    });
    log({ category: 'auth', msg: 'sign-in settings changed', user: id, by: me.id });
    res.json(await one(id, now));
  });
  return router;
}
