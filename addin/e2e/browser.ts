/**
 * Headless Debian Chromium for the end-to-end tests, with a fresh profile, and the stand-in for
 * Microsoft's office.js (fake-office.js: a recording in-memory Excel) answering its CDN address.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './servers.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps calling Google's hosts, refused here. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/**
 * Screenshots go to the ignored `tmp/screenshots/` so `npm test` leaves the tree clean;
 * `PWR_UPDATE_SCREENSHOTS=1 npm test` refreshes the README's `docs/screenshots/` on purpose.
 */
export const SHOTS = join(REPO_ROOT, process.env.PWR_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'tmp/screenshots');
export const FAKE_OFFICE = readFileSync(resolve(REPO_ROOT, 'addin/e2e/fake-office.js'), 'utf8');
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/**';

/** Answers the office.js CDN request with the stand-in host. */
export async function serveFakeOffice(page: Page): Promise<void> {
  await page.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE }));
}

export interface PaneBrowser {
  context: BrowserContext;
  page: Page;
  /** Full-page PNG into SHOTS (docs/screenshots/ only when refreshing them for the README). */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A task-pane-sized window (420 px wide, Polish locale) in a fresh Chromium profile. */
export async function launchPaneBrowser(): Promise<PaneBrowser> {
  mkdirSync(SHOTS, { recursive: true });
  const userDataDir = mkdtempSync(join(tmpdir(), 'pwr-chromium-'));
  // playwright takes the profile as a parameter, not as a Chromium argument
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 420, height: 900 },
    locale: 'pl-PL',
  });
  const page = await context.newPage();
  return {
    context,
    page,
    shot: (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true }),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
