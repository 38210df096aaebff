/**
 * End-to-end: the browser mode in headless Chromium with no Office at all (any request to Microsoft's
 * office.js is refused and recorded), against the real server. A unit signs in at the server's root,
 * downloads its template, fills it with exceljs as a person types (Polish numbers as text), uploads
 * it and sees it saved with what changed, uploads a broken file and sees each problem with its cell,
 * submits; a reviewer opens the report and returns it with a comment on an activity and an overall
 * note; the unit sees both and answers the comment. Screenshots at
 * 1280 and 375 px wide.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, columnLetter, type SheetColumnKey } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { OFFICE_JS_URL, launchPaneBrowser, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
const officeRequests: string[] = [];
const cspViolations: string[] = [];
const col = (key: SheetColumnKey) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key) + 1;
const unit = () => server.tokens.find((t: DemoToken) => t.token === server.token)!;
const reviewerToken = () => server.tokens.find((t: DemoToken) => t.role === 'reviewer')!.token;
let template: Buffer;

async function signIn(token: string) {
  await page.goto(`${server.baseUrl}/`);
  await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

async function signOut() {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
}

/** Both widths the issue names: a desktop and a phone. */
async function shots(name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await browser.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * The template filled as a person types into it: every activity reported (the first one with a
 * figure, "1 234" typed as text, the rest not realised with a reason), or broken cells when asked.
 */
async function filled(kind: 'good' | 'broken'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(UNIT_SHEET_NAME)!;
  const seen = new Set<string>();
  let figure: string | null = null;
  for (let r = 2; r <= ws.rowCount; r++) {
    const id = String(ws.getCell(r, col('activityId')).value ?? '');
    if (!id) continue;
    const kindCell = String(ws.getCell(r, col('measureKind')).value ?? '');
    const plan = ws.getCell(r, col('plan')).value;
    if (figure === null && kindCell && typeof plan === 'number') figure = id;
    if (id === figure && kindCell) ws.getCell(r, col('actual')).value = '1 234';
    if (!seen.has(id)) {
      seen.add(id);
      ws.getCell(r, col('status')).value = id === figure ? 'zrealizowane' : 'niezrealizowane w tym roku';
      ws.getCell(r, col('comment')).value = id === figure ? 'więcej chętnych niż zakładano' : 'brak środków w tym roku';
    }
  }
  if (kind === 'broken') {
    ws.getCell(2, col('actual')).value = 'około 20';
    ws.getCell(2, col('status')).value = 'prawie gotowe';
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(file: Buffer, name: string) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByRole('button', { name: 'Prześlij', exact: true }).click();
}

describe('browser mode end to end (no Office)', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-browser-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.route(OFFICE_JS_URL, (route) => { officeRequests.push(route.request().url()); return route.abort(); });
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('a unit signs in at the server’s root and sees its years with phase, deadline and report state; the session is an httpOnly cookie, nothing in storage', async () => {
    await signIn(server.token);
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025 \(sprawozdawczość\)/ }).count(), { timeout: 30_000 }).toBe(1);
    expect(page.url()).toBe(`${server.baseUrl}/addin/browser.html`);
    const yearButton = page.getByRole('button', { name: /Rok 2025 \(sprawozdawczość\)/ });
    expect(await yearButton.textContent()).toMatch(/termin: .*2026.*nierozpoczęte/);
    expect(await page.getByRole('button', { name: /Rok 2024 \(zamknięty\)/ }).count()).toBe(1);
    expect(cspViolations).toEqual([]);
    const stored = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie }));
    expect(stored).toEqual({ session: [], local: [], cookie: '' }); // no script can read the session
    const cookies = await browser.context.cookies(server.baseUrl);
    expect(cookies.map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, secure: c.secure, persistent: c.expires > 0 }))).toEqual([
      { name: 'pwr_session', httpOnly: true, sameSite: 'Strict', secure: false, persistent: false }, // plain http://localhost: not Secure
    ]);
    expect(cookies[0]!.value).toMatch(/^pws_/);
    await shots('40-przegladarka-jednostka');
  });

  it('is served under the same Content Security Policy as the pane', async () => {
    const csp = async (path: string) => (await fetch(server.baseUrl + path)).headers.get('content-security-policy');
    const pane = await csp('/addin/taskpane.html');
    expect(pane).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
    expect(await csp('/addin/browser.html')).toBe(pane);
  });

  it('the pane’s address opened outside Office leads to the browser mode', async () => {
    const p = await browser.context.newPage();
    // Microsoft's office.js outside Office: ready, with no host.
    await p.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.Office = { HostType: { Excel: "Excel" }, onReady: (cb) => { cb({ host: null, platform: null }); return Promise.resolve({ host: null }); } };' }));
    await p.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => p.url(), { timeout: 30_000 }).toBe(`${server.baseUrl}/addin/browser.html`);
    // The session cookie belongs to the browser: another tab is signed in too.
    await expect.poll(() => p.getByRole('button', { name: 'Wyloguj' }).count(), { timeout: 30_000 }).toBe(1);
    await p.close();
  });

  it('downloads the template of the unit and year', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Pobierz szablon (.xlsx)' }).click()]);
    template = readFileSync((await download.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.getWorksheet(UNIT_SHEET_NAME)!.rowCount).toBeGreaterThan(1);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  });

  it('uploads a broken file and sees each problem with its sheet, cell and reason; nothing saved', async () => {
    await upload(await filled('broken'), 'sprawozdanie-zle.xlsx');
    const result = page.getByTestId('upload-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/Plik nie został zapisany/);
    const text = (await result.textContent())!;
    expect(text).toContain(`Arkusz „Sprawozdanie”, komórka ${columnLetter(col('actual') - 1)}2`);
    expect(text).toContain(`komórka ${columnLetter(col('status') - 1)}2`);
    expect(text).toMatch(/około 20/);
    expect(text).toMatch(/prawie gotowe/);
    expect(await page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/nierozpoczęte/);
    await shots('41-przegladarka-bledy');
  });

  it('uploads the filled template with a progress indicator and sees the saved version and what changed', async () => {
    let sawProgress = false;
    const watcher = page.waitForSelector('[role=progressbar]', { timeout: 30_000 }).then(() => { sawProgress = true; }).catch(() => {});
    await upload(await filled('good'), 'sprawozdanie.xlsx');
    const result = page.getByTestId('upload-result');
    await expect.poll(() => result.textContent(), { timeout: 30_000 }).toMatch(/Zapisano — wersja 1\./);
    await watcher;
    expect(sawProgress).toBe(true);
    const text = (await result.textContent())!;
    expect(text).toMatch(/Co się zmieniło/);
    expect(text).toMatch(/wykonanie — [^:]+: \(puste\) → 1[\s\u00a0\u202f]?234/);
    expect(text).toMatch(/status: \(puste\) → niezrealizowane w tym roku/);
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/wersja robocza, wersja 1/);
    await shots('42-przegladarka-zapisano');
  });

  it('submits the report', async () => {
    await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Przekazano do weryfikacji.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/przekazane/);
    expect(await page.getByRole('button', { name: 'Prześlij', exact: true }).isDisabled()).toBe(true);
    const cookie = (await browser.context.cookies(server.baseUrl))[0]!;
    await signOut();
    await expect.poll(() => browser.context.cookies(server.baseUrl)).toEqual([]);
    // The session ended on the server too: the old cookie no longer opens anything.
    expect((await fetch(server.baseUrl + '/api/me', { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status).toBe(401);
  });

  it('a reviewer sees the year’s completeness, downloads the central workbook and annex, opens the report and returns it with comments', async () => {
    await signIn(reviewerToken());
    const unitCode = unit().orgUnitCode!;
    const unitName = (await (await fetch(`${server.baseUrl}/api/program`, { headers: { authorization: `Bearer ${reviewerToken()}` } })).json() as { orgUnits: { code: string; name: string }[] }).orgUnits.find((u) => u.code === unitCode)!.name;
    const openButton = page.getByRole('button', { name: `Otwórz sprawozdanie: ${unitName}` });
    await expect.poll(() => openButton.count(), { timeout: 30_000 }).toBe(1);
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Zestawienie zbiorcze (.xlsx)' }).click()]);
    expect(readFileSync((await workbook.path())!).subarray(0, 2).toString()).toBe('PK');
    const [annex] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Załącznik do sprawozdania (.docx)' }).click()]);
    expect(annex.suggestedFilename()).toMatch(/\.docx$/);
    await shots('43-przegladarka-weryfikator');
    await openButton.click();
    // The report as the unit sent it: its figure, comment and the band of the figure against the plan.
    const report = page.getByTestId('unit-report');
    await expect.poll(() => report.getByText('Komentarz jednostki: więcej chętnych niż zakładano').count(), { timeout: 30_000 }).toBe(1);
    expect(await report.textContent()).toMatch(/Wykonanie 1[\s\u00a0\u202f]?234/);
    const addComment = page.getByRole('button', { name: /^Dodaj uwagę do działania/ }).first();
    await addComment.click();
    await page.getByLabel('Uwaga dla jednostki').fill('Sprawdź liczbę uczestników — 1 234 to dużo ponad plan.');
    await page.getByRole('button', { name: 'Dodaj uwagę', exact: true }).click();
    await page.getByLabel('Uwaga ogólna (opcjonalnie)').fill('Uzupełnij wydatki w I kwartale.');
    await shots('43a-przegladarka-sprawozdanie-jednostki');
    await page.getByRole('button', { name: 'Zwróć do poprawy', exact: true }).click();
    await expect.poll(() => page.getByText(`Zwrócono sprawozdanie do poprawy: ${unitName} (1 uwaga przy działaniach)`, { exact: false }).count(), { timeout: 30_000 }).toBe(1);
    await signOut();
  });

  it('a manager sees completeness and downloads the central workbook, but may not accept or return', async () => {
    await signIn(server.tokens.find((t: DemoToken) => t.role === 'manager')!.token);
    await expect.poll(() => page.getByText('Kompletność sprawozdań').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(/może tylko weryfikator MOPS/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^(Akceptuj|Zwróć)/ }).count()).toBe(0);
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Zestawienie zbiorcze (.xlsx)' }).click()]);
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    await signOut();
  });

  it('the unit sees the reviewer’s comment and may upload again; Office was never asked for', async () => {
    await signIn(server.token);
    const comment = page.getByTestId('review-comment');
    await expect.poll(() => comment.count(), { timeout: 30_000 }).toBe(1);
    expect(await comment.textContent()).toMatch(/zwrócone do poprawy.*Uzupełnij wydatki w I kwartale\./i);
    // The comment on the activity, at that activity, and the unit answers it.
    const feedback = page.getByTestId('unit-feedback');
    await expect.poll(() => feedback.getByText('Sprawdź liczbę uczestników — 1 234 to dużo ponad plan.').count(), { timeout: 30_000 }).toBe(1);
    await feedback.getByRole('button', { name: 'Odpowiedz' }).click();
    await feedback.getByLabel('Twoja odpowiedź').fill('Tak, przyszło więcej rodzin niż w planie.');
    await feedback.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect.poll(() => feedback.getByText(/Tak, przyszło więcej rodzin niż w planie\./).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /Rok 2025/ }).textContent()).toMatch(/zwrócone/);
    await shots('44-przegladarka-zwrot');
    expect(officeRequests).toEqual([]);
  });
});
