/**
 * Sessions over HTTP on a real listening server, PGlite and PostgreSQL, with a fake clock: signing in
 * with a token (cookie for the browser, a short-lived bearer for the pane), idle timeout and maximum
 * age, expired and revoked tokens, CSRF, sign-out, and the audit of it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, AUTH_PATHS, CSRF_HEADER, MSG, OrgUnitCodeSchema } from '@pwr-sync/shared';
import { backends, client, createTestDb, fakeClock, pickUnits, startApp, userTokenExpiring, OPEN_YEAR, type TestApp, type TestDb } from '../../../test/harness.ts';
import { loadConfig } from '../../config.ts';
import { listAuthEvents } from '../../storage/index.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const policy = loadConfig({}).session;

describe.each(backends())('sessions on %s', (backend) => {
  let tdb: TestDb;
  let app: TestApp;
  const clock = fakeClock(new Date('2026-03-02T07:00:00Z'));
  const { unitA } = pickUnits();
  let token = '';

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    app = await startApp(tdb.db, {}, { clock });
    token = await userTokenExpiring(tdb.db, 'sess-unit', 'unit_reporter', OrgUnitCodeSchema.parse(unitA), new Date(clock().getTime() + 30 * DAY), clock());
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  /** POST sign-in as a browser would (same origin); returns the cookie and the answer. */
  async function browserSignIn(t = token) {
    const res = await fetch(app.url + AUTH_PATHS.signIn, { method: 'POST', headers: { 'content-type': 'application/json', origin: app.url }, body: JSON.stringify({ token: t, client: 'browser' }) });
    const body = (await res.json()) as any;
    const setCookie = res.headers.get('set-cookie') ?? '';
    return { status: res.status, body, setCookie, cookie: setCookie.split(';')[0]! };
  }
  const withCookie = (cookie: string, path: string, init: RequestInit = {}) =>
    fetch(app.url + path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });

  it('the defaults fit a working day: 2 idle hours, 10 hours at most, a 15-minute pane bearer', () => {
    expect(policy).toEqual({ idleMinutes: 120, maxAgeMinutes: 600, bearerMinutes: 15 });
  });

  it('browser: a token becomes an httpOnly SameSite=Strict cookie (not Secure on plain http), with a CSRF token; the token itself is not the cookie', async () => {
    const s = await browserSignIn();
    expect(s.status).toBe(201);
    expect(s.setCookie).toMatch(/^pwr_session=pws_[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(s.setCookie).not.toContain(token);
    expect(s.body.me.user.id).toBe('sess-unit');
    expect(s.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(s.body.bearer).toBeUndefined();
    expect(s.body.session).toMatchObject({ client: 'browser', method: 'token', ip: expect.any(String) });
    expect(Date.parse(s.body.session.expiresAt) - clock().getTime()).toBe(10 * HOUR);
    const me = await withCookie(s.cookie, API_PATHS.me);
    expect(me.status).toBe(200);
    const again = (await (await withCookie(s.cookie, AUTH_PATHS.session)).json()) as any;
    expect(again.csrfToken).toBe(s.body.csrfToken);
  });

  it('behind a trusted TLS proxy the cookie is Secure', async () => {
    const proxied = await startApp(tdb.db, { trustProxy: 'loopback' }, { clock });
    try {
      const res = await fetch(proxied.url + AUTH_PATHS.signIn, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ token }) });
      expect(res.status).toBe(201);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure;|; Secure$/);
    } finally {
      await proxied.close();
    }
  });

  it('idle timeout: active use keeps the session; two idle hours end it with a Polish 401', async () => {
    const s = await browserSignIn();
    for (let i = 0; i < 3; i++) {
      clock.advance(110 * MIN); // under the idle limit each time: 5 h 30 min in all
      expect((await withCookie(s.cookie, API_PATHS.me)).status).toBe(200);
    }
    clock.advance(2 * HOUR);
    const res = await withCookie(s.cookie, API_PATHS.me);
    expect(res.status).toBe(401);
    expect((await res.json()) as any).toEqual({ code: 'session_expired', error: MSG.auth.sessionIdle(120) });
    expect(MSG.auth.sessionIdle(120)).toBe('Sesja wygasła po 2\u00a0godz. bez aktywności — zaloguj się ponownie.');
  });

  it('maximum age: however busy, a session ends after 10 hours', async () => {
    const s = await browserSignIn();
    for (let i = 0; i < 10; i++) {
      clock.advance(59 * MIN);
      expect((await withCookie(s.cookie, API_PATHS.me)).status).toBe(200);
    }
    clock.advance(11 * MIN);
    const res = await withCookie(s.cookie, API_PATHS.me);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error).toBe(MSG.auth.sessionMaxAge(600));
  });

  it('CSRF: a change from another site, or without the CSRF token, is refused; with it, it goes through', async () => {
    const s = await browserSignIn();
    const save = (headers: Record<string, string>) => withCookie(s.cookie, API_PATHS.report(OPEN_YEAR, unitA), {
      method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ baseVersion: 0, entries: [] }),
    });
    const crossSite = await save({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', [CSRF_HEADER]: s.body.csrfToken });
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()) as any).toMatchObject({ code: 'cross_site', error: MSG.auth.crossSite('https://evil.example') });
    const noToken = await save({ origin: app.url });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as any).code).toBe('csrf_failed');
    const wrongToken = await save({ [CSRF_HEADER]: 'x'.repeat(43) });
    expect(wrongToken.status).toBe(403);
    const ok = await save({ origin: app.url, [CSRF_HEADER]: s.body.csrfToken });
    expect(ok.status).toBe(201);
    // Reading needs no CSRF token; a bearer (not sent by browsers on their own) needs none either.
    expect((await withCookie(s.cookie, API_PATHS.report(OPEN_YEAR, unitA))).status).toBe(200);
    // Signing in from another site is refused too (login CSRF).
    const foreign = await fetch(app.url + AUTH_PATHS.signIn, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://evil.example' }, body: JSON.stringify({ token }) });
    expect(foreign.status).toBe(403);
  });

  it('pane: a short-lived bearer, renewed while in use; an old bearer works briefly after renewal; an unrenewed one expires', async () => {
    const res = await client(app.url)('POST', AUTH_PATHS.signIn, { token, client: 'pane' });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toBeNull();
    const { bearer, bearerExpiresAt } = res.body;
    expect(bearer).toMatch(/^pws_/);
    expect(Date.parse(bearerExpiresAt) - clock().getTime()).toBe(15 * MIN);
    clock.advance(8 * MIN);
    expect((await client(app.url, bearer)('GET', API_PATHS.me)).status).toBe(200);
    const renewed = await client(app.url, bearer)('POST', AUTH_PATHS.renew);
    expect(renewed.status).toBe(200);
    expect(renewed.body.bearer).not.toBe(bearer);
    expect((await client(app.url, bearer)('GET', API_PATHS.me)).status).toBe(200); // in flight: grace
    clock.advance(2 * MIN);
    expect((await client(app.url, bearer)('GET', API_PATHS.me)).status).toBe(401);
    expect((await client(app.url, renewed.body.bearer)('GET', API_PATHS.me)).status).toBe(200);
    clock.advance(16 * MIN);
    const late = await client(app.url, renewed.body.bearer)('GET', API_PATHS.me);
    expect(late.status).toBe(401);
    expect(late.body).toEqual({ code: 'session_expired', error: MSG.auth.bearerExpired });
  });

  it('tokens expire: an expired token is refused at sign-in and as a bearer, with the date, and the failure is audited with the IP', async () => {
    const short = await userTokenExpiring(tdb.db, 'sess-short', 'reviewer', null, new Date(clock().getTime() + HOUR), clock());
    expect((await client(app.url, short)('GET', API_PATHS.me)).status).toBe(200);
    clock.advance(HOUR);
    const asBearer = await client(app.url, short)('GET', API_PATHS.me);
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.code).toBe('token_expired');
    expect(asBearer.body.error).toMatch(/^Token wygasł \d+ \p{L}+ 2026, \d\d:\d\d — poproś administratora MOPS o nowy token\.$/u);
    const signIn = await client(app.url)('POST', AUTH_PATHS.signIn, { token: short });
    expect(signIn.status).toBe(401);
    expect(signIn.body.code).toBe('token_expired');
    const unknown = await client(app.url)('POST', AUTH_PATHS.signIn, { token: 'pwr_nonsense' });
    expect(unknown.body).toEqual({ code: 'unauthorized', error: MSG.auth.tokenUnknown });
    const events = await listAuthEvents(tdb.db, { userId: 'sess-short', limit: 10 });
    expect(events[0]).toMatchObject({ event: 'sign_in_failed', userId: 'sess-short', detail: 'token_expired', ip: expect.stringMatching(/127\.0\.0\.1/) });
  });

  it('an empty or missing token gets a 400 naming the field', async () => {
    const res = await client(app.url)('POST', AUTH_PATHS.signIn, { token: '  ' });
    expect(res.status).toBe(400);
    expect(res.body.problems[0]).toMatchObject({ field: 'token', message: 'Wklej token otrzymany od administratora MOPS.' });
  });

  it('sign-out ends the session at once and clears the cookie; it is audited', async () => {
    const s = await browserSignIn();
    const out = await withCookie(s.cookie, AUTH_PATHS.signOut, { method: 'POST', headers: { origin: app.url } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^pwr_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const after = await withCookie(s.cookie, API_PATHS.me);
    expect(after.status).toBe(401);
    expect(((await after.json()) as any).error).toBe(MSG.auth.sessionEnded);
    const events = await listAuthEvents(tdb.db, { userId: 'sess-unit', limit: 3 });
    expect(events[0]).toMatchObject({ event: 'sign_out', userId: 'sess-unit' });
    expect(events.some((e) => e.event === 'sign_in')).toBe(true);
  });

  it('a bare token still authenticates scripts, but session endpoints say to sign in', async () => {
    const res = await client(app.url, token)('GET', AUTH_PATHS.session);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('no_session');
  });
});
