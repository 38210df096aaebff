/**
 * Signing in with the city's identity provider, over HTTP against a real OpenID provider
 * (oidc-provider on loopback): the redirect flow ends in the same session as token sign-in; an
 * unknown person gets the help page; a disabled user, a replayed or foreign callback are refused;
 * the pane's dialog collects its bearer once; signing out reaches the provider. Audited throughout.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OIDC_PATHS } from '@pwr-sync/shared';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../log.ts';
import { createServer } from 'node:net';
import { backends, createTestDb, userToken, type TestDb } from '../../../test/harness.ts';
import { signInAt, startOidcProvider, type RunningProvider } from '../../../test/oidc/provider.ts';
import { disableUser, listAuthEvents, setSignInSettings, upsertUser } from '../../storage/index.ts';

/** A free loopback port: the redirect URI registered at the provider must name it before the app listens. */
function freePort(): Promise<number> {
  return new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => ok(p)); }); });
}

/** Cookies of one site, as a browser keeps them (enough for these redirects: names and values). */
class Jar {
  readonly cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name); else this.cookies.set(name, value);
    }
  }
  get header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
}

describe.each(backends())('sign-in with the city provider on %s', (backend) => {
  let t: TestDb;
  let idp: RunningProvider;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb(backend);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const redirect = `${base}${OIDC_PATHS.callback}`;
    idp = await startOidcProvider({
      clients: [{ client_id: 'pwr-sync', client_secret: 'sekret', redirect_uris: [redirect], post_logout_redirect_uris: [`${base}/`] }],
      accounts: [
        { sub: 'idp-anowak', email: 'anna.nowak@um.krakow.pl', name: 'Anna Nowak' },
        { sub: 'idp-obcy', email: 'obcy@um.krakow.pl', name: 'Ktoś Obcy' },
        { sub: 'idp-wylaczony', email: 'wylaczony@um.krakow.pl', name: 'Wyłączony' },
      ],
    });
    const config = loadConfig({
      PWR_RATE_LIMIT_PER_MINUTE: '100000', PWR_ADDIN_DIR: '/nonexistent',
      PWR_OIDC_ISSUER: idp.issuer, PWR_OIDC_CLIENT_ID: 'pwr-sync', PWR_OIDC_CLIENT_SECRET: 'sekret',
      PWR_OIDC_REDIRECT_URL: redirect, PWR_OIDC_POST_LOGOUT_URL: `${base}/`,
      PWR_OIDC_HELP_CONTACT: 'Dział Programów MOPS, tel. 12 000 00 00',
    });
    server = await new Promise((resolve) => { const s = createApp({ db: t.db, config, log: silentLogger }).listen(port, '127.0.0.1', () => resolve(s)); });
    expect((server.address() as AddressInfo).port).toBe(port);
    await upsertUser(t.db, { id: 'anowak', name: 'Anna Nowak', role: 'unit_reporter', orgUnitCode: 'MOPS' });
    await setSignInSettings(t.db, 'anowak', { email: 'Anna.Nowak@um.krakow.pl' });
    await upsertUser(t.db, { id: 'wylaczony', name: 'Wyłączony', role: 'reviewer', orgUnitCode: null });
    await setSignInSettings(t.db, 'wylaczony', { email: 'wylaczony@um.krakow.pl' });
    await disableUser(t.db, 'wylaczony');
  });
  afterAll(async () => {
    await new Promise<void>((r) => { if (!server) return r(); server.closeAllConnections(); server.close(() => r()); });
    await idp?.close();
    await t?.close();
  });

  /** Start → the provider's login as `login` → back at our callback; returns the callback's answer. */
  async function signIn(login: string, client: 'browser' | 'pane' = 'browser', jar = new Jar()) {
    const start = await fetch(`${base}${OIDC_PATHS.start}?client=${client}`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    jar.take(start);
    const back = await signInAt(start.headers.get('location')!, login);
    expect(back.origin).toBe(base);
    const res = await fetch(back, { redirect: 'manual', headers: { cookie: jar.header } });
    jar.take(res);
    return { res, jar, back };
  }

  it('offers the provider beside tokens', async () => {
    expect(await (await fetch(`${base}${OIDC_PATHS.methods}`)).json()).toEqual({ token: true, oidc: { label: 'kontem miejskim' } });
  });

  it('browser: the redirect flow ends in a cookie session of the mapped user, with their role and unit', async () => {
    const { res, jar } = await signIn('idp-anowak');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(jar.cookies.has('pwr_session')).toBe(true);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('pwr_session='))).toMatch(/HttpOnly/i);
    const session = await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header } });
    expect(session.status).toBe(200);
    const body = await session.json() as { me: { user: { id: string; role: string; orgUnitCode: string } }; session: { method: string; client: string } };
    expect(body.me.user).toMatchObject({ id: 'anowak', role: 'unit_reporter', orgUnitCode: 'MOPS' });
    expect(body.session).toMatchObject({ method: 'oidc', client: 'browser' });
    const events = await listAuthEvents(t.db, { userId: 'anowak', limit: 10 });
    expect(events.some((e) => e.event === 'sign_in' && e.detail.includes('oidc'))).toBe(true);
  });

  it('an unknown person gets a Polish page saying whom to ask and what to tell them; no session', async () => {
    const { res, jar } = await signIn('idp-obcy');
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain('Nie masz jeszcze dostępu do sprawozdań');
    expect(html).toContain('Dział Programów MOPS, tel. 12 000 00 00');
    expect(html).toContain('adres e-mail: obcy@um.krakow.pl');
    expect(html).toContain('idp-obcy');
    expect(jar.cookies.has('pwr_session')).toBe(false);
    const events = await listAuthEvents(t.db, { limit: 50 });
    expect(events.some((e) => e.event === 'sign_in_failed' && e.detail.includes('unknown_account') && e.detail.includes('obcy@um.krakow.pl'))).toBe(true);
  });

  it('a user disabled in pwr-sync is refused', async () => {
    const { res, jar } = await signIn('idp-wylaczony');
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Konto jest wyłączone');
    expect(jar.cookies.has('pwr_session')).toBe(false);
    const events = await listAuthEvents(t.db, { userId: 'wylaczony', limit: 10 });
    expect(events.some((e) => e.event === 'sign_in_failed' && e.detail.includes('user_disabled'))).toBe(true);
  });

  it('disabling a user ends the session they got from the provider at once', async () => {
    await upsertUser(t.db, { id: 'jkowal', name: 'Jan Kowal', role: 'reviewer', orgUnitCode: null });
    idp.accounts.set('idp-jkowal', { sub: 'idp-jkowal', email: 'jan.kowal@um.krakow.pl' });
    await setSignInSettings(t.db, 'jkowal', { email: 'jan.kowal@um.krakow.pl' });
    const { jar } = await signIn('idp-jkowal');
    expect((await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header } })).status).toBe(200);
    await disableUser(t.db, 'jkowal');
    const after = await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header } });
    expect(after.status).toBe(401);
  });

  it('a replayed callback, and a callback brought by another browser, are refused', async () => {
    const { back, jar } = await signIn('idp-anowak');
    const replay = await fetch(back, { redirect: 'manual', headers: { cookie: jar.header } });
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Logowanie wygasło');

    // login CSRF: an attacker's own callback URL opened in the victim's browser (no binding cookie)
    const start = await fetch(`${base}${OIDC_PATHS.start}`, { redirect: 'manual' });
    const attackersCallback = await signInAt(start.headers.get('location')!, 'idp-anowak');
    const victim = await fetch(attackersCallback, { redirect: 'manual', headers: { cookie: 'pwr_oidc=cudze' } });
    expect(victim.status).toBe(400);
    expect(await victim.text()).toContain('Logowanie rozpoczęto w innym oknie');
    expect(victim.headers.getSetCookie().some((c) => c.startsWith('pwr_session=') && !c.startsWith('pwr_session=;'))).toBe(false);
  });

  it('pane: the dialog page collects a bearer session once, within the handoff', async () => {
    const { res, jar } = await signIn('idp-anowak', 'pane');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/addin/signin-dialog.html');
    expect(jar.cookies.has('pwr_session')).toBe(false);
    const handoff = await fetch(`${base}${OIDC_PATHS.handoff}`, { method: 'POST', headers: { cookie: jar.header, 'content-type': 'application/json' }, body: '{}' });
    jar.take(handoff);
    expect(handoff.status).toBe(200);
    const body = await handoff.json() as { bearer: string; session: { client: string; method: string } };
    expect(body.bearer).toMatch(/^pws_/);
    expect(body.session).toMatchObject({ client: 'pane', method: 'oidc' });
    const me = await fetch(`${base}/api/auth/session`, { headers: { authorization: `Bearer ${body.bearer}` } });
    expect(me.status).toBe(200);
    const again = await fetch(`${base}${OIDC_PATHS.handoff}`, { method: 'POST', headers: { cookie: jar.header, 'content-type': 'application/json' }, body: '{}' });
    expect(again.status).toBe(401);
    expect((await again.json() as { error: string }).error).toContain('Nie ma sesji do przekazania panelowi');
  });

  it('signing out ends the session and sends the browser to the provider to sign out there', async () => {
    const { jar } = await signIn('idp-anowak');
    const out = await fetch(`${base}${OIDC_PATHS.signOut}`, { redirect: 'manual', headers: { cookie: jar.header } });
    expect(out.status).toBe(303);
    const to = new URL(out.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${base}/`);
    expect((await fetch(`${base}/api/auth/session`, { headers: { cookie: jar.header } })).status).toBe(401);
  });

  it('token sign-in stays for others, and is refused for a user who has it switched off', async () => {
    const token = await userToken(t.db, 'biblioteka', 'reviewer');
    const ok = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, client: 'pane' }) });
    expect(ok.status).toBe(201);
    await setSignInSettings(t.db, 'biblioteka', { tokenSignIn: false });
    const refused = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, client: 'pane' }) });
    expect(refused.status).toBe(401);
    expect((await refused.json() as { error: string }).error).toContain('Logowanie tokenem jest dla tego konta wyłączone');
  });

  it('the users page sets the e-mail a first sign-in is matched by, switches token sign-in and unbinds; audited', async () => {
    const adminToken = await userToken(t.db, 'admin-oidc', 'admin');
    const admin = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
    await upsertUser(t.db, { id: 'ewisniewska', name: 'Ewa Wiśniewska', role: 'reviewer', orgUnitCode: null });
    const put = (id: string, body: unknown) => fetch(`${base}/api/admin/users/${id}/sign-in`, { method: 'PUT', headers: admin, body: JSON.stringify(body) });

    const bad = await put('ewisniewska', { email: 'nie-adres' });
    expect(bad.status).toBe(400);
    expect((await bad.json() as { error: string }).error).toContain('Pole „adres e-mail” ma niepoprawny format — podaj adres e-mail, np. anna.nowak@um.krakow.pl');
    const taken = await put('ewisniewska', { email: 'ANNA.NOWAK@um.krakow.pl' });
    expect(taken.status).toBe(409);
    expect((await taken.json() as { error: string }).error).toContain('ma już użytkownik „anowak”');

    const ok = await put('ewisniewska', { email: 'Ewa.Wisniewska@um.krakow.pl', tokenSignIn: false });
    expect(ok.status).toBe(200);
    expect((await ok.json() as { signIn: unknown }).signIn).toEqual({ email: 'ewa.wisniewska@um.krakow.pl', providerBound: false, tokenSignIn: false });
    idp.accounts.set('idp-ewa', { sub: 'idp-ewa', email: 'ewa.wisniewska@um.krakow.pl' });
    const { res } = await signIn('idp-ewa');
    expect(res.status).toBe(303);
    const listed = await (await fetch(`${base}/api/admin/users`, { headers: admin })).json() as { id: string; signIn: { providerBound: boolean } }[];
    expect(listed.find((u) => u.id === 'ewisniewska')!.signIn.providerBound).toBe(true);

    const unbound = await put('ewisniewska', { unbindProvider: true });
    expect((await unbound.json() as { signIn: { providerBound: boolean } }).signIn.providerBound).toBe(false);
    const events = await listAuthEvents(t.db, { userId: 'ewisniewska', limit: 20 });
    expect(events.filter((e) => e.event === 'user_sign_in_changed').map((e) => e.detail)).toEqual(expect.arrayContaining([
      'e-mail: ewa.wisniewska@um.krakow.pl, logowanie tokenem: nie', 'odłączono konto dostawcy tożsamości',
    ]));
  });
});
