import { Router, type Request, type Response } from 'express';
import {
  ADMIN_PATHS, AuditQuerySchema, IssueTokenRequestSchema, MSG, NewUserRequestSchema, UserIdSchema,
  warsawDate, type AdminToken, type AdminUser, type IssuedToken,
} from '@pwr-sync/shared';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db, LiveCutoffs, Queryable, TokenRow } from '../../storage/index.ts';
import {
  disableUser, enableUser, getOrgUnit, getUser, insertUser, listAuthEvents, listLiveSessions, listTokens, listUsers,
  listSignInSettings, recordAuthEvent, revokeToken, sessionSummary,
} from '../../storage/index.ts';
import { currentUser, type AuthContext } from '../../auth/middleware.ts';
import { assertAdmin } from '../../auth/access.ts';
import { endSession, sessionInfo, type SessionPolicy } from '../../auth/sessions.ts';
import { endOfWarsawDay, issueToken } from '../../auth/tokens.ts';
import { ApiError, notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import type { Logger } from '../../log.ts';
import { userSignInRouter } from './signIn.ts';

/** The longest a token may be issued for from the users page. */
export const MAX_TOKEN_DAYS = 730;

const UserParams = z.object({ id: UserIdSchema });
const TokenParams = UserParams.extend({ tokenId: z.string().regex(/^[0-9a-f]{12}$/) });
const SessionParams = UserParams.extend({ sessionId: z.string().uuid() });

const idPath = (p: string) => p.replace('/__id__', '/:id').replace('/__token__', '/:tokenId').replace('/__session__', '/:sessionId');

export function liveCutoffs(now: Date, policy: SessionPolicy): LiveCutoffs {
  return { now, idleSince: new Date(now.getTime() - policy.idleMinutes * 60_000), bearerSince: new Date(now.getTime() - policy.bearerMinutes * 60_000) };
}

const tokenOut = (t: TokenRow, now: Date): AdminToken => ({
  id: t.hashPrefix, label: t.label, createdAt: t.createdAt, createdBy: t.createdBy, expiresAt: t.expiresAt, revokedAt: t.revokedAt,
  lastUsedAt: t.lastUsedAt, active: !t.revokedAt && Date.parse(t.expiresAt) > now.getTime(),
});

/** Every user with tokens, last sign-in and live sessions (one user when `only` is given). */
export async function adminUsers(q: Queryable, now: Date, policy: SessionPolicy, only?: string): Promise<AdminUser[]> {
  const [users, tokens, sessions, signIn] = await Promise.all([listUsers(q, now), listTokens(q, only), sessionSummary(q, liveCutoffs(now, policy)), listSignInSettings(q)]);
  return users.filter((u) => !only || u.id === only).map((u) => ({
    id: u.id, name: u.name, role: u.role, orgUnitCode: u.orgUnitCode, disabled: u.disabled, createdAt: u.createdAt,
    lastSignInAt: sessions.get(u.id)?.lastSignInAt ?? null, activeSessions: sessions.get(u.id)?.live ?? 0,
    tokens: tokens.filter((t) => t.userId === u.id).map((t) => tokenOut(t, now)),
    signIn: signIn.get(u.id) ?? { email: null, providerBound: false, tokenSignIn: true },
  }));
}

/**
 * The users page's API (admin only): users, their tokens with expiry dates, their live sessions,
 * and the audit of sign-ins and changes. Every change is recorded with who did it and from where.
 */
export function usersRouter(db: Db, _config: Config, auth: AuthContext, log: Logger): Router {
  const router = Router();
  const admin = (res: Response) => { const u = currentUser(res); assertAdmin(u); return u; };
  const one = async (id: string, now: Date) => {
    const [u] = await adminUsers(db, now, auth.policy, id);
    if (!u) throw notFound(MSG.auth.noUser(id));
    return u;
  };
  const audit = (req: Request, res: Response, event: string, userId: string, detail = '') =>
    recordAuthEvent(db, { at: auth.clock(), event, userId, actorId: currentUser(res).id, ip: req.ip ?? null, detail });

  router.get(ADMIN_PATHS.users, async (_req, res) => {
    admin(res);
    res.json(await adminUsers(db, auth.clock(), auth.policy));
  });

  router.post(ADMIN_PATHS.users, async (req, res, next) => { admin(res); next(); }, validate(NewUserRequestSchema), async (req, res) => {
    const body = parsed(NewUserRequestSchema, res.locals);
    if (body.orgUnitCode && !(await getOrgUnit(db, body.orgUnitCode))) {
      throw new ApiError(MSG.api.noUnit(body.orgUnitCode), 400, 'invalid_request', { problems: [{ field: 'orgUnitCode', code: 'no_unit', message: MSG.api.noUnit(body.orgUnitCode) }] });
    }
    if (!(await insertUser(db, { id: body.id, name: body.name, role: body.role, orgUnitCode: body.orgUnitCode }))) {
      throw new ApiError(MSG.auth.userExists(body.id), 409, 'user_exists');
    }
    await audit(req, res, 'user_added', body.id, `${body.role}${body.orgUnitCode ? ` ${body.orgUnitCode}` : ''}`);
    log({ category: 'auth', msg: 'user added', user: body.id, role: body.role, by: currentUser(res).id });
    res.status(201).json(await one(body.id, auth.clock()));
  });

  router.post(idPath(ADMIN_PATHS.disable('__id__')), validate(UserParams, 'params'), async (req, res) => {
    const me = admin(res);
    const { id } = parsed(UserParams, res.locals, 'params');
    if (!(await getUser(db, id))) throw notFound(MSG.auth.noUser(id));
    if (id === me.id) throw new ApiError(MSG.auth.notYourself, 409, 'cannot_disable_self');
    const now = auth.clock();
    // One transaction: the account, its tokens and its sessions end together.
    const changed = await db.transaction(async (tx) => {
      const done = await disableUser(tx, id, now);
      if (done) await recordAuthEvent(tx, { at: now, event: 'user_disabled', userId: id, actorId: me.id, ip: req.ip ?? null });
      return done;
    });
    if (changed) log({ category: 'auth', msg: 'user disabled', user: id, by: me.id });
    res.json(await one(id, now));
  });

  router.post(idPath(ADMIN_PATHS.enable('__id__')), validate(UserParams, 'params'), async (req, res) => {
    admin(res);
    const { id } = parsed(UserParams, res.locals, 'params');
    if (!(await getUser(db, id))) throw notFound(MSG.auth.noUser(id));
    if (await enableUser(db, id)) await audit(req, res, 'user_enabled', id);
    res.json(await one(id, auth.clock()));
  });

  router.post(idPath(ADMIN_PATHS.tokens('__id__')), validate(UserParams, 'params'), async (req, res, next) => { admin(res); next(); }, validate(IssueTokenRequestSchema), async (req, res) => {
    const me = currentUser(res);
    const { id } = parsed(UserParams, res.locals, 'params');
    const { label, expiresOn } = parsed(IssueTokenRequestSchema, res.locals);
    const now = auth.clock();
    const target = (await adminUsers(db, now, auth.policy, id))[0];
    if (!target) throw notFound(MSG.auth.noUser(id));
    if (target.disabled) throw new ApiError(MSG.auth.disabledNoToken(id), 409, 'user_disabled');
    const expiresAt = endOfWarsawDay(expiresOn);
    const latest = warsawDate(new Date(now.getTime() + MAX_TOKEN_DAYS * 86_400_000));
    const problem = (message: string) => new ApiError(message, 400, 'invalid_request', { problems: [{ field: 'expiresOn', code: 'out_of_range', message }] });
    if (expiresAt.getTime() <= now.getTime()) throw problem(MSG.auth.expiryPast(expiresOn));
    if (expiresOn > latest) throw problem(MSG.auth.expiryTooFar(expiresOn, latest));
    const token = await issueToken(db, id, { label, expiresAt, createdBy: me.id, now });
    await audit(req, res, 'token_issued', id, `${label} → ${expiresOn}`);
    log({ category: 'auth', msg: 'token issued', user: id, by: me.id, expiresOn });
    const info = (await listTokens(db, id)).find((t) => token && t.hashPrefix === hashPrefixOf(token))!;
    const body: IssuedToken = { token, info: tokenOut(info, now) };
    res.set('Cache-Control', 'no-store').status(201).json(body);
  });

  router.post(idPath(ADMIN_PATHS.revokeToken('__id__', '__token__')), validate(TokenParams, 'params'), async (req, res) => {
    admin(res);
    const { id, tokenId } = parsed(TokenParams, res.locals, 'params');
    const before = (await listTokens(db, id)).find((t) => t.hashPrefix === tokenId);
    if (!before) throw notFound(MSG.auth.noToken(tokenId));
    if (await revokeToken(db, tokenId, id)) await audit(req, res, 'token_revoked', id, tokenId);
    const after = (await listTokens(db, id)).find((t) => t.hashPrefix === tokenId)!;
    res.json(tokenOut(after, auth.clock()));
  });

  router.get(idPath(ADMIN_PATHS.sessions('__id__')), validate(UserParams, 'params'), async (_req, res) => {
    admin(res);
    const { id } = parsed(UserParams, res.locals, 'params');
    if (!(await getUser(db, id))) throw notFound(MSG.auth.noUser(id));
    const sessions = await listLiveSessions(db, id, liveCutoffs(auth.clock(), auth.policy));
    res.json(sessions.map((s) => sessionInfo(s, auth.policy)));
  });

  router.post(idPath(ADMIN_PATHS.endSession('__id__', '__session__')), validate(SessionParams, 'params'), async (req, res) => {
    const me = admin(res);
    const { id, sessionId } = parsed(SessionParams, res.locals, 'params');
    if (!(await endSession(db, { id: sessionId, userId: id }, 'ended_by_admin', auth.clock(), { actorId: me.id, ip: req.ip ?? null }))) {
      throw notFound(MSG.auth.noSessionOf(sessionId));
    }
    res.status(204).end();
  });

  router.use(userSignInRouter(db, auth, log, admin, one));

  router.get(ADMIN_PATHS.audit, validate(AuditQuerySchema, 'query'), async (_req, res) => {
    admin(res);
    const { user, limit } = parsed(AuditQuerySchema, res.locals, 'query');
    res.json(await listAuthEvents(db, { ...(user ? { userId: user } : {}), limit }));
  });
  return router;
}

import { hashToken } from '../../auth/tokens.ts';
const hashPrefixOf = (token: string) => hashToken(token).slice(0, 12);
