/**
 * End-to-end, as MOPS's admin in the browser mode against the real server (headless Chromium):
 * add a reporter, issue a token, the reporter signs in with it in the browser and in the pane,
 * the admin sees the sign-in and both sessions, ends the browser one (the reporter's next request
 * asks to sign in, saying why), then disables the reporter — the next request, in the browser and in
 * the pane, is refused. Two browsers: the admin's and the reporter's (separate cookies).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { MSG } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';
import { launchPaneBrowser, serveFakeOffice, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let adminBrowser: PaneBrowser;
let reporterBrowser: PaneBrowser;
let admin: Page;
let reporter: Page;
let pane: Page;
let distDir: string;
let token = '';
const USER = 'e2e.anna';

const adminToken = () => server.tokens.find((t) => t.role === 'admin')!.token;
const unitCode = () => server.tokens.find((t) => t.role === 'unit_reporter' && t.orgUnitCode)!.orgUnitCode!;
const card = () => admin.locator(`li[data-user="${USER}"]`);

async function browserSignIn(page: Page, t: string) {
  await page.goto(`${server.baseUrl}/`);
  await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
  await page.getByLabel('Token').fill(t);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

async function shots(name: string) {
  for (const width of [1280, 375]) {
    await admin.setViewportSize({ width, height: 900 });
    await adminBrowser.shot(`${name}-${width}`);
  }
  await admin.setViewportSize({ width: 1280, height: 900 });
}

describe('users page end to end (admin in the browser)', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-users-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    adminBrowser = await launchPaneBrowser();
    reporterBrowser = await launchPaneBrowser();
    admin = adminBrowser.page;
    reporter = reporterBrowser.page;
    await admin.setViewportSize({ width: 1280, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await adminBrowser?.close();
    await reporterBrowser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('the admin opens the users page and adds a reporter; a reporter without a unit is refused, naming the field', async () => {
    await browserSignIn(admin, adminToken());
    await admin.getByRole('tab', { name: MSG.auth.navUsers }).click();
    await expect.poll(() => admin.getByRole('heading', { name: MSG.auth.usersTitle }).count(), { timeout: 30_000 }).toBe(1);
    await admin.getByLabel(MSG.auth.userId).fill(USER);
    await admin.getByLabel(MSG.auth.userName).fill('Anna Nowak');
    await admin.getByRole('button', { name: MSG.auth.save, exact: true }).click();
    await expect.poll(() => admin.getByText(/musi mieć przypisaną jednostkę/).count(), { timeout: 15_000 }).toBe(1);
    await admin.getByRole('combobox', { name: MSG.auth.unit, exact: true }).selectOption(unitCode());
    await admin.getByRole('button', { name: MSG.auth.save, exact: true }).click();
    await expect.poll(() => admin.getByText(MSG.auth.userAdded(USER)).count(), { timeout: 15_000 }).toBe(1);
    expect(await card().textContent()).toContain(`${MSG.auth.colLastSignIn}: ${MSG.auth.never}`);
  });

  it('issues a token with an expiry date, shown once', async () => {
    await card().getByRole('button', { name: MSG.auth.details }).click();
    await card().getByLabel(MSG.auth.tokenLabel).fill('laptop');
    await card().getByLabel(MSG.auth.tokenExpiresOn).fill('2000-01-01');
    await card().getByRole('button', { name: MSG.auth.issueToken }).click();
    await expect.poll(() => card().getByText(MSG.auth.expiryPast('2000-01-01')).count(), { timeout: 15_000 }).toBe(1);
    await card().getByLabel(MSG.auth.tokenExpiresOn).fill('2026-12-31');
    await card().getByRole('button', { name: MSG.auth.issueToken }).click();
    await expect.poll(() => card().getByTestId('issued-token').count(), { timeout: 15_000 }).toBe(1);
    token = (await card().getByTestId('issued-token').textContent())!.trim();
    expect(token).toMatch(/^pwr_[\w-]{40,}$/);
    expect(await card().getByText(/laptop · ważny do 31 grudnia 2026, 23:59/).count()).toBe(1);
    await shots('50-uzytkownicy-token');
  });

  it('the reporter signs in with it in the browser and in the pane; the admin sees the sign-in and both sessions', async () => {
    await browserSignIn(reporter, token);
    await expect.poll(() => reporter.getByRole('button', { name: /Rok 2025/ }).count(), { timeout: 30_000 }).toBe(1);
    pane = await reporterBrowser.context.newPage();
    await serveFakeOffice(pane);
    await pane.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => pane.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    await pane.getByLabel('Token').fill(token);
    await pane.getByRole('button', { name: 'Zaloguj' }).click();
    await expect.poll(() => pane.getByText(/Sprawozdanie za \d{4} r\./).count(), { timeout: 30_000 }).toBe(1);

    await admin.reload();
    await admin.getByRole('tab', { name: MSG.auth.navUsers }).click();
    await expect.poll(async () => (await card().textContent()) ?? '', { timeout: 15_000 }).toContain(`${MSG.auth.colSessions}: 2`);
    expect(await card().textContent()).not.toContain(`${MSG.auth.colLastSignIn}: ${MSG.auth.never}`);
    await card().getByRole('button', { name: MSG.auth.details }).click();
    await expect.poll(() => card().getByText(/^przeglądarka · /).count(), { timeout: 15_000 }).toBe(1);
    expect(await card().getByText(/^panel w Excelu · /).count()).toBe(1);
    expect(await card().getByText(/logowanie/).count()).toBeGreaterThan(0);
    await shots('51-uzytkownicy-sesje');
  });

  it('an ended browser session sends the reporter back to sign-in with the reason', async () => {
    const browserSession = card().locator('li').filter({ hasText: /^przeglądarka · / });
    await browserSession.getByRole('button', { name: MSG.auth.endSession }).click();
    await expect.poll(() => card().getByText(/^przeglądarka · /).count(), { timeout: 15_000 }).toBe(0);
    await reporter.getByRole('button', { name: /Rok 2024/ }).click();
    await reporter.reload();
    await expect.poll(() => reporter.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    expect(await reporter.getByText(MSG.auth.sessionEnded).count()).toBe(1);
    await browserSignIn(reporter, token);
    await expect.poll(() => reporter.getByRole('button', { name: /Rok 2025/ }).count(), { timeout: 30_000 }).toBe(1);
  });

  it('disabling the reporter refuses their next request at once, in the browser and in the pane', async () => {
    await card().getByRole('button', { name: MSG.auth.disable, exact: true }).click();
    await admin.getByRole('dialog').getByRole('button', { name: MSG.auth.disable }).click();
    await expect.poll(() => admin.getByText(MSG.auth.userDisabledDone(USER)).count(), { timeout: 15_000 }).toBe(1);
    expect(await card().textContent()).toContain(`${MSG.auth.colSessions}: 0`);
    expect(await card().getByText(MSG.auth.disabled, { exact: true }).count()).toBe(1);
    await shots('52-uzytkownicy-wylaczony');

    await reporter.getByRole('button', { name: 'Pobierz szablon (.xlsx)' }).click();
    await expect.poll(() => reporter.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    expect(await reporter.getByText(MSG.auth.userDisabled).count()).toBe(1);

    // The pane prepares its sheet from what it loaded before; its next request — the sync — is refused.
    await pane.getByRole('button', { name: 'Przygotuj arkusz' }).click();
    await expect.poll(() => pane.getByText(/Arkusz „Sprawozdanie” ma \d+ wiersz/).count(), { timeout: 30_000 }).toBe(1);
    await pane.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => pane.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    expect(await pane.getByText(MSG.auth.userDisabled, { exact: false }).count()).toBe(1);
    // Signing in again with the same token is refused too: disabling revoked it.
    await pane.getByLabel('Token').fill(token);
    await pane.getByRole('button', { name: 'Zaloguj' }).click();
    await expect.poll(() => pane.getByText(MSG.auth.userDisabled).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});
