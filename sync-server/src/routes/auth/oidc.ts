/**
 * Signing in with the city's identity provider (OpenID Connect, authorization code + PKCE):
 *
 *   start    → a sign-in under way is stored (state, nonce, PKCE verifier) and bound to this browser by
 *              a cookie; the browser goes to the provider;
 *   callback → the sign-in is taken once, the relying party checks the provider's answer, the account
 *              is mapped to a pre-created pwr-sync user, and createSession (method 'oidc') gives the
 *              same session as token sign-in: the browser's cookie, or — for the pane's Office
 *              dialog — a one-minute handoff cookie the dialog page exchanges for the pane's bearer;
 *   sign-out → the browser's session ends and the provider signs the person out too, where it can.
 *
 * Roles and units come from pwr-sync, never from the provider. Every failure is audited with its reason.
 */
import { createHash, randomBytes } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { MSG, OIDC_DIALOG_PAGE, OIDC_PATHS, OidcStartQuerySchema, type SignInMethods } from '@pwr-sync/shared';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/index.ts';
import { findSessionBySecret, insertOidcPending, mapProviderAccount, recordAuthEvent, takeOidcPending } from '../../storage/index.ts';
import type { AuthContext } from '../../auth/middleware.ts';
import { createSession, endSession } from '../../auth/sessions.ts';
import { hashToken } from '../../auth/tokens.ts';
import { SESSION_COOKIE, clearSessionCookie, readCookie, setSessionCookie } from '../../auth/cookie.ts';
import { SignInRefused } from '../../auth/oidc/relyingParty.ts';
import type { OidcService } from '../../auth/oidc/service.ts';
import { ApiError } from '../../http/errors.ts';
import type { Logger } from '../../log.ts';
import { sessionResponse } from './deliver.ts';
import { oidcPage, type PageText } from './oidcPage.ts';

/** Binds a sign-in to the browser that started it: SameSite=Lax, so it comes back with the provider's redirect. */
const BINDING_COOKIE = 'pwr_oidc';
/** The pane's new session, waiting a minute for the dialog page to collect it. */
const HANDOFF_COOKIE = 'pwr_oidc_handoff';
const PENDING_MS = 10 * 60_000;
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const T = MSG.signIn;

export function signInMethods(oidc: OidcService | null): SignInMethods {
  return { token: true, oidc: oidc ? { label: oidc.config.label ?? T.defaultLabel } : null };
}

export function oidcRouter(db: Db, config: Config, auth: AuthContext, oidc: OidcService | null, log: Logger): Router {
  const router = Router();

  router.get(OIDC_PATHS.methods, (_req, res) => { res.json(signInMethods(oidc)); });

  const page = (res: Response, status: number, text: PageText) => {
    res.status(status).set('Cache-Control', 'no-store').type('html').send(oidcPage(text));
  };
  const again = (client: string) => ({ href: `${OIDC_PATHS.start}?client=${client}`, text: T.tryAgain });

  router.get(OIDC_PATHS.start, async (req, res) => {
    if (!oidc) return page(res, 404, { title: T.failedTitle, paragraphs: [T.notConfigured], link: { href: '/', text: T.backToApp } });
    const query = OidcStartQuerySchema.safeParse(req.query);
    const client = query.success ? query.data.client : 'browser';
    let rp;
    try {
      rp = await oidc.relyingParty();
    } catch (err) {
      log({ category: 'auth', msg: 'identity provider unreachable', error: (err as Error).message });
      return page(res, 503, { title: T.failedTitle, paragraphs: [T.unavailable], link: again(client) });
    }
    const { url, pending } = await rp.begin();
    const binding = randomBytes(32).toString('base64url');
    await insertOidcPending(db, { ...pending, client, bindingHash: sha(binding), createdAt: auth.clock() });
    res.cookie(BINDING_COOKIE, binding, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/auth/oidc', maxAge: PENDING_MS });
    res.set('Cache-Control', 'no-store').redirect(303, url.href);
  });

  router.get(OIDC_PATHS.callback, async (req, res) => {
    if (!oidc) return page(res, 404, { title: T.failedTitle, paragraphs: [T.notConfigured] });
    const now = auth.clock();
    const ip = req.ip ?? null;
    const fail = async (status: number, reason: string, text: PageText, userId: string | null = null) => {
      await recordAuthEvent(db, { at: now, event: 'sign_in_failed', userId, ip, detail: `oidc: ${reason}` });
      log({ category: 'auth', msg: 'provider sign-in refused', reason, user: userId, ip });
      page(res, status, text);
    };
    const state = typeof req.query.state === 'string' ? req.query.state.slice(0, 200) : '';
    const pending = state ? await takeOidcPending(db, state, new Date(now.getTime() - PENDING_MS)) : null;
    res.clearCookie(BINDING_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/api/auth/oidc' });
    if (!pending) return fail(400, 'unknown_state', { title: T.expiredTitle, paragraphs: [T.expiredBody], link: again('browser') });
    const client = pending.client;
    const binding = readCookie(req, BINDING_COOKIE);
    if (!binding || sha(binding) !== pending.bindingHash) {
      return fail(400, 'other_browser', { title: T.otherBrowserTitle, paragraphs: [T.otherBrowserBody], link: again(client) });
    }
    let identity;
    try {
      const rp = await oidc.relyingParty();
      identity = await rp.complete(callbackUrl(req, config), pending);
    } catch (err) {
      const reason = err instanceof SignInRefused ? `${err.reason}: ${err.message}` : `unavailable: ${(err as Error).message}`;
      const cancelled = err instanceof SignInRefused && err.reason === 'provider_error';
      return fail(cancelled ? 400 : 502, reason.slice(0, 500), cancelled
        ? { title: T.cancelledTitle, paragraphs: [T.cancelledBody], link: again(client) }
        : { title: T.failedTitle, paragraphs: [T.failedBody], link: again(client) });
    }
    const account = await mapProviderAccount(db, identity.subject, identity.email);
    if (!account) {
      return fail(403, `unknown_account: ${identity.subject}${identity.email ? `, ${identity.email}` : ''}`, {
        title: T.unknownTitle,
        paragraphs: [T.unknownBody(oidc.config.helpContact ?? T.unknownWhoDefault), T.unknownTell],
        list: [...(identity.email ? [T.unknownEmail(identity.email)] : []), T.unknownSubject(identity.subject), T.unknownUnit],
      });
    }
    if (account.disabled) {
      return fail(403, 'user_disabled', { title: T.disabledTitle, paragraphs: [T.disabledBody] }, account.user.id);
    }
    const { session, secret } = await createSession(db, auth.policy, now, { userId: account.user.id, method: 'oidc', client, ip, userAgent: req.get('user-agent') ?? null });
    log({ category: 'auth', msg: 'signed in', method: 'oidc', user: account.user.id, client, ip });
    res.set('Cache-Control', 'no-store');
    if (client === 'browser') {
      setSessionCookie(req, res, secret);
      return res.redirect(303, '/');
    }
    res.cookie(HANDOFF_COOKIE, secret, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: OIDC_PATHS.handoff, maxAge: 60_000 });
    res.redirect(303, OIDC_DIALOG_PAGE);
  });

  router.post(OIDC_PATHS.handoff, express.json({ limit: '1kb' }), async (req, res) => {
    const secret = readCookie(req, HANDOFF_COOKIE);
    res.clearCookie(HANDOFF_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: OIDC_PATHS.handoff });
    res.set('Cache-Control', 'no-store');
    const found = secret ? await findSessionBySecret(db, hashToken(secret)) : null;
    if (!found || found.session.endedAt || found.userDisabled || found.session.client !== 'pane' || found.previous) {
      throw new ApiError(T.handoffMissing, 401, 'no_handoff');
    }
    res.json(await sessionResponse(db, found.user, found.session, auth.policy, secret!));
  });

  router.get(OIDC_PATHS.signOut, async (req, res) => {
    const secret = readCookie(req, SESSION_COOKIE);
    const found = secret ? await findSessionBySecret(db, hashToken(secret)) : null;
    if (found && !found.session.endedAt) await endSession(db, found.session, 'sign_out', auth.clock(), { ip: req.ip ?? null });
    clearSessionCookie(req, res);
    res.set('Cache-Control', 'no-store');
    let logout: URL | undefined;
    if (oidc && found?.session.method === 'oidc') {
      try { logout = (await oidc.relyingParty()).logoutUrl(); } catch { /* provider unreachable: our session has ended anyway */ }
    }
    res.redirect(303, logout?.href ?? '/');
  });
  return router;
}

/** The URL the provider redirected to, as registered (behind the city's proxy the request's own host may differ). */
function callbackUrl(req: Request, config: Config): URL {
  const registered = new URL(config.oidc!.redirectUri);
  const here = new URL(req.originalUrl, registered.origin);
  registered.search = here.search;
  return registered;
}
