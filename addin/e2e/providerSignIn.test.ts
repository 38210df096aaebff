/**
 * End-to-end: signing in with the city's identity provider, in headless Chromium, against the real
 * server and a real OpenID provider (oidc-provider) on loopback. The provider answers as `localhost`,
 * the app as 127.0.0.1 — two sites, as the city's provider and pwr-sync are. MOPS's admin pre-creates
 * the people through the users API; the provider only proves who signs in.
 *   browser mode: sign in at the provider, land as the mapped unit reporter, sign out (also at the
 *   provider); an unmapped account gets the help page; a disabled user is refused;
 *   task pane: the same flow in the Office dialog (the office.js stand-in opens it as a window, as
 *   Office on the web does), the dialog page hands the session back with messageParent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { MSG, OIDC_PATHS } from '@pwr-sync/shared';
import { REPO_ROOT, freePort, startServer, type RunningServer } from './servers.ts';
import { FAKE_OFFICE, OFFICE_JS_URL, SHOTS, launchPaneBrowser, type PaneBrowser } from './browser.ts';
import { startOidcProvider, type RunningProvider } from '../../sync-server/test/oidc/provider.ts';

let server: RunningServer;
let idp: RunningProvider;
let browser: PaneBrowser;
let distDir: string;
const HELP = 'Dział Programów MOPS, tel. 12 000 00 00';

async function admin(method: string, path: string, body?: unknown) {
  const token = server.tokens.find((t) => t.role === 'admin')!.token;
  const res = await fetch(`${server.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json();
}

/** The provider's own login page (oidc-provider's development form): any declared login, any password. */
async function loginAtProvider(p: Page, login: string) {
  await p.waitForURL((u) => u.origin === idp.issuer, { timeout: 30_000 });
  await p.locator('input[name=login]').fill(login);
  await p.locator('input[name=password]').fill('hasło');
  await p.locator('button[type=submit]').click();
}

describe('sign-in with the city provider end to end', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-oidc-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = await startOidcProvider({
      hostname: 'localhost',
      clients: [{ client_id: 'pwr-sync', client_secret: 'sekret-e2e', redirect_uris: [`${base}${OIDC_PATHS.callback}`], post_logout_redirect_uris: [`${base}/`] }],
      accounts: [
        { sub: 'idp-anna', email: 'anna.nowak@um.krakow.pl', name: 'Anna Nowak' },
        { sub: 'idp-obcy', email: 'jan.obcy@um.krakow.pl', name: 'Jan Obcy' },
        { sub: 'idp-ewa', email: 'ewa.wylaczona@um.krakow.pl', name: 'Ewa Wyłączona' },
      ],
    });
    server = await startServer({
      addinDir: distDir,
      port,
      env: {
        PWR_OIDC_ISSUER: idp.issuer, PWR_OIDC_CLIENT_ID: 'pwr-sync', PWR_OIDC_CLIENT_SECRET: 'sekret-e2e',
        PWR_OIDC_REDIRECT_URL: `${base}${OIDC_PATHS.callback}`, PWR_OIDC_POST_LOGOUT_URL: `${base}/`, PWR_OIDC_HELP_CONTACT: HELP,
      },
    });
    const unit = server.tokens.find((t) => t.token === server.token)!.orgUnitCode!;
    // MOPS's admin pre-creates the people and gives their e-mail (the users page's API)
    await admin('POST', '/api/admin/users', { id: 'anna.nowak', name: 'Anna Nowak', role: 'unit_reporter', orgUnitCode: unit });
    await admin('PUT', '/api/admin/users/anna.nowak/sign-in', { email: 'Anna.Nowak@um.krakow.pl' });
    await admin('POST', '/api/admin/users', { id: 'ewa.wylaczona', name: 'Ewa Wyłączona', role: 'reviewer' });
    await admin('PUT', '/api/admin/users/ewa.wylaczona/sign-in', { email: 'ewa.wylaczona@um.krakow.pl' });
    await admin('POST', '/api/admin/users/ewa.wylaczona/disable');
    browser = await launchPaneBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('browser: signs in at the provider, lands as the mapped unit reporter, and signs out there too', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.route(OFFICE_JS_URL, (route) => route.abort());
    await page.goto(`${server.baseUrl}/`);
    const button = page.getByRole('button', { name: 'Zaloguj się kontem miejskim' });
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByLabel('Token').count()).toBe(1); // token sign-in stays beside it
    await browser.shot('60-logowanie-kontem-miejskim');
    await button.click();
    await loginAtProvider(page, 'idp-anna');
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025/ }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(page.url()).toBe(`${server.baseUrl}/addin/browser.html`);
    expect(await page.getByText('Anna Nowak').count()).toBeGreaterThan(0);
    const cookies = await browser.context.cookies(server.baseUrl);
    expect(cookies.find((c) => c.name === 'pwr_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByRole('button', { name: 'Wyloguj' }).click();
    // the provider asks to confirm the sign-out (oidc-provider's page), then sends the browser back
    await page.waitForURL((u) => u.origin === idp.issuer, { timeout: 30_000 });
    await page.locator('button[autofocus], button[type=submit]').first().click();
    await page.waitForURL((u) => u.origin === server.baseUrl, { timeout: 30_000 });
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    expect((await browser.context.cookies(server.baseUrl)).some((c) => c.name === 'pwr_session')).toBe(false);
  });

  it('browser: a person the provider knows but pwr-sync does not gets the help page; a disabled user is refused', async () => {
    const page = browser.page;
    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Zaloguj się kontem miejskim' }).click();
    await loginAtProvider(page, 'idp-obcy');
    await expect.poll(() => page.getByRole('heading', { name: 'Nie masz jeszcze dostępu do sprawozdań' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(HELP, { exact: false }).count()).toBe(1);
    expect(await page.getByText('adres e-mail: jan.obcy@um.krakow.pl').count()).toBe(1);
    await browser.shot('61-konto-nieznane');

    await browser.context.clearCookies();
    await page.goto(`${server.baseUrl}/`);
    await page.getByRole('button', { name: 'Zaloguj się kontem miejskim' }).click();
    await loginAtProvider(page, 'idp-ewa');
    await expect.poll(() => page.getByRole('heading', { name: 'Konto jest wyłączone' }).count(), { timeout: 30_000 }).toBe(1);
    expect((await browser.context.cookies(server.baseUrl)).some((c) => c.name === 'pwr_session')).toBe(false);
  });

  it('task pane: the sign-in runs in the Office dialog and the pane is signed in with its own short session', async () => {
    await browser.context.clearCookies();
    // the stand-in office.js for the pane and for the dialog window it opens
    await browser.context.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE }));
    const pane = await browser.context.newPage();
    await pane.setViewportSize({ width: 320, height: 800 });
    await pane.goto(`${server.baseUrl}/addin/taskpane.html`);
    const button = pane.getByRole('button', { name: 'Zaloguj się kontem miejskim' });
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    const [dialog] = await Promise.all([browser.context.waitForEvent('page'), button.click()]);
    await loginAtProvider(dialog, 'idp-anna');
    // the dialog page hands the session back and the pane closes the dialog
    await expect.poll(() => dialog.isClosed(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => pane.getByRole('button', { name: 'Wyloguj' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await pane.evaluate(() => (window as any).__fakeExcel.dialogs.opened)).toEqual([`${server.baseUrl}${OIDC_PATHS.start}?client=pane`]);
    // a pane session: no cookie; its bearer lives in the pane's memory and session storage only
    expect((await browser.context.cookies(server.baseUrl)).some((c) => c.name === 'pwr_session')).toBe(false);
    expect(await pane.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await pane.screenshot({ path: join(SHOTS, '62-panel-po-logowaniu-kontem.png'), fullPage: true });
    await pane.close();
  });

  it('task pane: closing the dialog leaves the pane signed out with a Polish note', async () => {
    const pane = await browser.context.newPage();
    await pane.goto(`${server.baseUrl}/addin/taskpane.html`);
    const button = pane.getByRole('button', { name: 'Zaloguj się kontem miejskim' });
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    const [dialog] = await Promise.all([browser.context.waitForEvent('page'), button.click()]);
    await dialog.close();
    await expect.poll(() => pane.getByText('Zamknięto okno logowania przed jego zakończeniem.').count(), { timeout: 15_000 }).toBe(1);
    expect(await pane.getByLabel('Token').count()).toBe(1);
    await pane.close();
  });

  it('users page: the admin sees the city account bound after the first sign-in and switches token sign-in off', async () => {
    await browser.context.clearCookies();
    const page = browser.page;
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel('Token').fill(server.tokens.find((t) => t.role === 'admin')!.token);
    await page.getByRole('button', { name: 'Zaloguj', exact: true }).click();
    await page.getByRole('tab', { name: MSG.auth.navUsers }).click();
    const card = page.locator('li[data-user="anna.nowak"]');
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
    await card.getByRole('button', { name: MSG.auth.details }).click();
    await expect.poll(() => card.getByText(MSG.signIn.bound).count(), { timeout: 15_000 }).toBe(1);
    expect(await card.getByLabel(MSG.signIn.emailLabel).inputValue()).toBe('anna.nowak@um.krakow.pl');
    await card.getByLabel(MSG.signIn.emailLabel).fill('nie-adres');
    await card.getByRole('button', { name: MSG.signIn.save }).click();
    await expect.poll(() => card.getByText(/Pole „adres e-mail” ma niepoprawny format/).count(), { timeout: 15_000 }).toBe(1);
    await card.getByLabel(MSG.signIn.emailLabel).fill('anna.nowak@um.krakow.pl');
    await card.getByLabel(MSG.signIn.tokenSignInLabel).uncheck();
    await card.getByRole('button', { name: MSG.signIn.save }).click();
    await expect.poll(() => page.getByText(MSG.signIn.saved('anna.nowak')).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: join(SHOTS, '63-uzytkownik-logowanie-kontem.png'), fullPage: true });
    const users = await admin('GET', '/api/admin/users') as { id: string; signIn: unknown }[];
    expect(users.find((u) => u.id === 'anna.nowak')!.signIn).toEqual({ email: 'anna.nowak@um.krakow.pl', providerBound: true, tokenSignIn: false });
  });
});
