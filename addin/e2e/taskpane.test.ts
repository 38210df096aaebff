/**
 * End-to-end: the built task pane in headless Chromium against a running sync server, with the
 * office.js request answered by fake-office.js (an in-memory, recording Excel host).
 * Covers sign-in (keyboard only), prepare, the form, a rule broken and fixed (form and paste), a figure
 * in parts and a „w tym” figure at 320 px (form → sheet → server), a planned measure left without a figure named,
 * sync, two conflicts (keep mine / take the server's), the server down, submit; saves screenshots.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { ADMIN_PATHS, API_PATHS, BAND_ORDER, MSG, SHEET_COLOURS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, UNIT_TABLE_NAME, columnLetter, formatMeasure, type Assignment, type UnitReport } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';
import { OFFICE_JS_URL, launchPaneBrowser, serveFakeOffice, type PaneBrowser } from './browser.ts';

const col = (key: string) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key);
const INVALID_FILL = '#FFC7CE';

let server: RunningServer;
let browser: PaneBrowser;
let context: BrowserContext;
let page: Page;

async function openPane(p: Page) {
  await serveFakeOffice(p);
  await p.goto(`${server.baseUrl}/addin/taskpane.html`);
}
const shot = (name: string) => browser.shot(name);
const fake = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).__fakeExcel[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const tableValues = () => fake<(string | number)[][]>('tableValues', UNIT_TABLE_NAME);

const SYNC_SHEET = 'PWR_Synchronizacja';
/** The server version the workbook says its sheet was built from (B3 of the very hidden record sheet). */
const recordedVersion = async () => (await fake<unknown[][]>('cells', SYNC_SHEET, 'B3'))[0]![0];
/** Idempotency-Keys of the pane's saves, in order. */
const saveKeys: string[] = [];

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The unit of the demo token and its open year. */
async function openReport(): Promise<{ year: number; unit: string }> {
  const me = await api<{ user: { orgUnitCode: string } }>('GET', API_PATHS.me);
  const years = await api<{ year: number; status: string }[]>('GET', API_PATHS.years);
  return { year: years.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]!.year, unit: me.user.orgUnitCode };
}

describe('task pane end to end', () => {
  beforeAll(async () => {
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn' });
    server = await startServer();
    browser = await launchPaneBrowser();
    ({ context, page } = browser);
    page.on('request', (req) => {
      if (req.method() === 'PUT' && req.url().includes('/report')) saveKeys.push(req.headers()['idempotency-key'] ?? '');
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says so when office.js cannot load, instead of hanging', async () => {
    const p = await context.newPage();
    await p.route(OFFICE_JS_URL, (route) => route.fulfill({ status: 404, body: '' }));
    await p.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => p.getByText('Nie udało się wczytać biblioteki Office').count()).toBe(1);
    await p.close();
  });

  it('tells a user of an old Excel to use the browser mode, with a link to it', async () => {
    const p = await context.newPage();
    await p.addInitScript(() => { (window as any).__fakeApiVersion = '1.7'; });
    const saved = page;
    page = p;
    await openPane(p);
    page = saved;
    await p.getByLabel('Token').fill(server.token);
    await p.getByRole('button', { name: 'Zaloguj' }).click();
    await expect.poll(() => p.getByText('Za stara wersja Excela.').count(), { timeout: 15_000 }).toBe(1);
    expect(await p.getByText(/szablon/).count()).toBeGreaterThan(0);
    expect(await p.getByText(/Sprawozdanie → Pobierz szablon/).count()).toBe(0); // menus that do not exist
    const link = p.getByRole('link', { name: 'Otwórz wersję w przeglądarce' });
    expect(await link.getAttribute('href')).toBe(`${server.baseUrl}/addin/browser.html`);
    await p.getByRole('button', { name: 'Wyloguj' }).click();
    await p.close();
  });

  it('signs in with the keyboard only and shows unit, year and deadline', async () => {
    await openPane(page);
    await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
    await shot('01-logowanie');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    // An empty token: the pane's Polish sentence, not the browser's „Please fill out this field.”
    // (with the browser's validation on, the form would not even be submitted).
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(MSG.pane.tokenMissing).count()).toBe(1);
    await page.keyboard.type(server.token);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(/Sprawozdanie za \d{4} r\./).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText(/Termin:/).count()).toBe(1);
    // The token was exchanged for a session: only its short-lived bearer is kept, in sessionStorage; nothing in localStorage.
    const kept = await page.evaluate(() => ({ local: Object.keys(localStorage), session: sessionStorage.getItem('pwr-sync.session') }));
    expect(kept.local.filter((k) => k.startsWith('pwr-sync.'))).toEqual([]);
    expect(JSON.parse(kept.session!).bearer).toMatch(/^pws_/);
    expect(kept.session).not.toContain(server.token);
  });

  it('prepares the sheet: table, protection, validation, hidden ids', async () => {
    await page.getByRole('button', { name: 'Przygotuj arkusz' }).click();
    await expect.poll(() => page.getByText(/Arkusz „Sprawozdanie” ma \d+ wiersz(e|y)?\./).count(), { timeout: 15_000 }).toBe(1);
    expect(await fake('header', UNIT_TABLE_NAME)).toEqual(UNIT_SHEET_COLUMNS.map((c) => c.header));
    expect((await tableValues()).length).toBeGreaterThan(0);
    expect(await fake('isProtected', UNIT_SHEET_NAME)).toBe(true);
    expect(await fake('hiddenColumns', UNIT_SHEET_NAME)).toEqual(['A', 'B', 'C']);
    const validations = await fake<{ address: string; rule: any }[]>('validations', UNIT_SHEET_NAME);
    expect(validations.some((v) => v.rule.list?.source.includes('zrealizowane'))).toBe(true);
    // every band, as the review table and the workbooks, and the reviewer's open comments
    expect((await fake<unknown[]>('conditionalFormats', UNIT_SHEET_NAME)).length).toBe(BAND_ORDER.length + 1);
    // Text columns are formatted as text before the values land, so a comment such as "=…" or
    // "-5 osób" typed earlier stays text on "Przygotuj arkusz" instead of becoming a formula.
    const log = await page.evaluate(() => (window as any).__fakeExcel.state.log as string[]);
    const block = `A1:${columnLetter(UNIT_SHEET_COLUMNS.length - 1)}${(await tableValues()).length + 1}`;
    expect(log.lastIndexOf(`numberFormat ${block}`)).toBeGreaterThan(-1);
    expect(log.lastIndexOf(`numberFormat ${block}`)).toBeLessThan(log.lastIndexOf(`values ${block}`));
    // The workbook records which server version the sheet was built from, out of the user's way.
    expect(await fake('visibility', SYNC_SHEET)).toBe('VeryHidden');
    expect(await fake('isProtected', SYNC_SHEET)).toBe(true);
    const { year, unit } = await openReport();
    expect(await recordedVersion()).toBe((await api<UnitReport>('GET', API_PATHS.report(year, unit))).version);
    await shot('02-arkusz-przygotowany');
  });

  it('fills the form: a broken rule is shown, marked in the sheet, then fixed', async () => {
    await page.getByRole('list', { name: 'Lista działań' }).getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Zapisz w arkuszu' }) });
    await form.getByLabel('Status').selectOption({ label: 'niezrealizowane w tym roku' });
    await expect.poll(() => form.getByText(/podaj w komentarzu powód/).count()).toBeGreaterThan(0);
    await form.getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(async () => (await tableValues())[0]![col('status')]).toBe('niezrealizowane w tym roku');
    const commentCell = `${columnLetter(col('comment'))}2`;
    await expect.poll(() => fake('fillAt', UNIT_SHEET_NAME, commentCell)).toBe(INVALID_FILL);
    await expect.poll(() => page.getByText(/Problemy w arkuszu \(1\)/).count()).toBe(1);
    await shot('03-formularz-blad');

    await form.getByLabel('Komentarz / wyjaśnienie').fill('Brak chętnych rodzin w tym roku.');
    await expect.poll(() => form.getByText(/podaj w komentarzu powód/).count()).toBe(0);
    await form.getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    // the mark is gone: the cell is back to the input tint
    await expect.poll(() => fake('fillAt', UNIT_SHEET_NAME, commentCell)).toBe(SHEET_COLOURS.inputFill);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count()).toBe(1);
    expect((await tableValues())[0]![col('comment')]).toBe('Brak chętnych rodzin w tym roku.');
    await shot('04-formularz-poprawiony');
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('at 320 px: names a planned measure left without a figure; gives a figure in parts and a „w tym” figure from the form’s menu; the sheet and the server keep them', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const { year, unit } = await openReport();
    const { assignments } = await api<{ assignments: Assignment[] }>('GET', API_PATHS.assignments(year, unit));
    const reporting = assignments.filter((a) => a.role === 'reporting');
    const target = reporting.find((a, i) => i > 0 && a.plan.kind === 'target' && a.plan.measures.length >= 1)!;
    expect(target, 'the demo unit reports an activity with a planned measure').toBeDefined();
    const id = target.activity.id;
    const [first] = target.plan.measures;
    const escaped = id.replace(/\./g, '\\.');
    await page.getByRole('list', { name: 'Lista działań' }).getByRole('button', { name: new RegExp(`^${escaped} ·`) }).click();
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Zapisz w arkuszu' }) });
    await expect.poll(() => form.getByRole('heading', { name: new RegExp(escaped) }).count()).toBe(1);
    await form.getByLabel('Status').selectOption({ label: 'zrealizowane' });
    // realized, and the planned measure has no figure: named with the activity and the measure, in the form and the sheet's problems
    // (the form names the measure by its field; the API's refusal names the activity and the measure: routes/units/pairing.test.ts)
    const missing = /brak wykonania.*przy planie/i;
    // problems show once the clerk saves (then they follow the typing)
    await form.getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(() => page.getByText(missing).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await shot('03b-formularz-brak-danych');

    // the planned measure in two parts, which add up to the plan
    // parts and „w tym” come from one menu after the figures (the figures stay next to each other for the keyboard)
    const menu = () => form.getByRole('button', { name: MSG.figureForm.menu });
    await menu().click();
    await page.getByRole('menuitem', { name: MSG.figureForm.splitItem(formatMeasure(first!)) }).click();
    const half = Math.floor(first!.value / 2);
    await form.getByLabel('Część 1: czego dotyczy').fill('zajęcia w filiach');
    await form.getByLabel('Część 1: wartość').fill(String(half));
    await form.getByLabel('Część 2: czego dotyczy').fill('piknik rodzinny');
    await form.getByLabel('Część 2: wartość').fill(String(first!.value - half));
    await expect.poll(() => form.getByText(/^Razem \(porównywane z planem\):/).textContent()).toMatch(/100\s%/);
    await expect.poll(() => form.getByText(missing).count()).toBe(0);
    // a figure beyond the plan, with a „w tym” figure under it
    await form.getByRole('button', { name: 'Dodaj miarę' }).click();
    await form.getByLabel('Rodzaj miary').last().selectOption({ label: 'warsztaty' });
    await form.getByLabel('Wykonanie (miara spoza planu)').last().fill('3');
    await menu().click();
    await page.getByRole('menuitem', { name: /^Dodaj „w tym” do: warsztat/ }).click();
    await form.getByLabel('Opis „w tym”').fill('online');
    await form.getByLabel('Wartość „w tym”').fill('1');
    await form.getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(async () => (await tableValues()).filter((r) => r[col('activityId')] === id).map((r) => String(r[col('lineRole')]))
      .filter((role) => /^(część|w tym):/.test(role)).length, { timeout: 10_000 }).toBe(3);
    const rows = (await tableValues()).filter((r) => r[col('activityId')] === id);
    // the planned row holds the parts' sum, each part under it, the „w tym” under its figure
    expect(rows.find((r) => r[col('measureKey')] === first!.id)![col('actual')]).toBe(first!.value);
    expect(rows.filter((r) => String(r[col('lineRole')]).startsWith('część: ')).map((r) => [r[col('qualifier')], r[col('actual')]]))
      .toEqual([['zajęcia w filiach', half], ['piknik rodzinny', first!.value - half]]);
    expect(rows.filter((r) => /^(poza planem|w tym: )/.test(String(r[col('lineRole')]))).map((r) => [r[col('lineRole')], r[col('actual')], r[col('qualifier')] || null]))
      .toEqual([['poza planem', 3, null], ['w tym: warsztaty', 1, 'online']]);
    await expect.poll(() => page.getByText(missing).count()).toBe(0);
    // nothing wider than the pane at 320 px
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot('03c-formularz-czesci-w-tym');

    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    const stored = (await api<UnitReport>('GET', API_PATHS.report(year, unit))).entries.find((e) => e.activityId === id)!;
    expect(stored.actual.measures).toEqual([
      { kind: first!.kind, value: half, qualifier: 'zajęcia w filiach', planMeasureId: first!.id },
      { kind: first!.kind, value: first!.value - half, qualifier: 'piknik rodzinny', planMeasureId: first!.id },
      { kind: 'warsztat', value: 3, planMeasureId: null, subsets: [{ kind: 'warsztat', value: 1, qualifier: 'online' }] },
    ]);
    await page.setViewportSize({ width: 420, height: 900 });
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('re-validates a paste into the sheet through the change event', async () => {
    const rows = await tableValues();
    const target = rows.findIndex((r, i) => i > 0 && r[col('line')] === 1);
    const cell = `${columnLetter(col('actual'))}${target + 2}`;
    expect(await fake('userEdit', UNIT_SHEET_NAME, cell, [['około 20']])).toBe(true);
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: /Wykonanie|Miara/ }).filter({ hasText: /około|liczb|miar/ }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => fake('fillAt', UNIT_SHEET_NAME, cell)).toBe(INVALID_FILL);
    await shot('05-wklejenie-blad');
    // Sync refuses while a cell cannot be read: the entry would go up without it and overwrite the server.
    const before = await api<UnitReport>('GET', API_PATHS.report((await api<{ year: number; status: string }[]>('GET', API_PATHS.years)).filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]!.year, (await api<{ user: { orgUnitCode: string } }>('GET', API_PATHS.me)).user.orgUnitCode));
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(/Nie wysłano: w arkuszu jest 1 komórka, której nie da się odczytać/).count(), { timeout: 10_000 }).toBe(1);
    const after = await api<UnitReport>('GET', API_PATHS.report(before.year, before.orgUnitCode));
    expect(after.version).toBe(before.version);
    // Plan columns are protected: the user cannot overwrite them.
    expect(await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('plan'))}${target + 2}`, [[5]])).toBe(false);
    await fake('userEdit', UNIT_SHEET_NAME, cell, [['']]);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 10_000 }).toBe(1);
    expect(await fake('fillAt', UNIT_SHEET_NAME, cell)).toBe(SHEET_COLOURS.inputFill);
  });

  it('turns Excel events back on when a write fails midway, so later pastes are still checked', async () => {
    const rows = await tableValues();
    const cell = `${columnLetter(col('actual'))}${rows.findIndex((r, i) => i > 0 && r[col('line')] === 1) + 2}`;
    // Excel fails a command in the middle of the re-validation batch that an edit triggers: the
    // commands before it (events off, unprotect, values) stay applied, as in Excel.
    await fake('failNext', 'protect');
    expect(await fake('userEdit', UNIT_SHEET_NAME, cell, [['']])).toBe(true);
    await expect.poll(() => page.getByText(/Excel nie wykonał operacji/).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.evaluate(() => (window as any).__fakeExcel.state.eventsEnabled)).toBe(true);
    // The next paste is still heard and checked.
    expect(await fake('userEdit', UNIT_SHEET_NAME, cell, [['około 20']])).toBe(true);
    await expect.poll(() => fake('fillAt', UNIT_SHEET_NAME, cell), { timeout: 10_000 }).toBe(INVALID_FILL);
    await fake('userEdit', UNIT_SHEET_NAME, cell, [['']]);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 10_000 }).toBe(1);
    expect(await fake('isProtected', UNIT_SHEET_NAME)).toBe(true);
  });

  it('syncs and shows the saved version', async () => {
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/Wersja \d+/).count()).toBe(1);
    await shot('06-zapisano');
  });

  it('a session that expires in the middle of a sync keeps the work in the sheet, asks to sign in, then syncs with no conflict and no loss', async () => {
    const { year, unit } = await openReport();
    const before = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    const rows = await tableValues();
    const row = rows.findIndex((r) => r[col('line')] === 1);
    const typed = 'Wpisane tuż przed wygaśnięciem sesji.';
    const original = rows[row]![col('comment')];
    await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${row + 2}`, [[typed]]);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 10_000 }).toBe(1);
    // The session ends while the save is on its way: the server sees it only after that.
    const admin = server.tokens.find((t) => t.role === 'admin')!.token;
    const adminCall = (method: string, path: string) => fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${admin}` } });
    const me = await api<{ user: { id: string } }>('GET', API_PATHS.me);
    await page.route('**/report', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const sessions = (await (await adminCall('GET', ADMIN_PATHS.sessions(me.user.id))).json()) as { id: string }[];
      for (const s of sessions) await adminCall('POST', ADMIN_PATHS.endSession(me.user.id, s.id));
      await route.continue();
    });
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(MSG.auth.workKept, { exact: false }).count()).toBe(1);
    await page.unroute('**/report');
    await shot('06b-sesja-wygasla');
    // Nothing reached the server; everything is still in the sheet, and the workbook still names the version it came from.
    expect((await api<UnitReport>('GET', API_PATHS.report(year, unit))).version).toBe(before.version);
    expect((await tableValues())[row]![col('comment')]).toBe(typed);
    expect(await recordedVersion()).toBe(before.version);

    await page.getByLabel('Token').fill(server.token);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await expect.poll(() => page.getByText(/Sprawozdanie za \d{4} r\./).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/Ktoś zapisał nowszą wersję/).count()).toBe(0);
    const after = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(after.version).toBe(before.version + 1);
    expect(after.entries.find((e) => e.comment === typed)).toBeDefined();
    expect(await recordedVersion()).toBe(after.version);
    // Back to what the next tests expect in that row.
    await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${row + 2}`, [[original]]);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(async () => (await api<UnitReport>('GET', API_PATHS.report(year, unit))).version, { timeout: 15_000 }).toBe(after.version + 1);
    // …and the pane has finished: the workbook records the new version before the next test acts.
    await expect.poll(() => recordedVersion(), { timeout: 15_000 }).toBe(after.version + 1);
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
  });

  it('shows a conflict when someone saved meanwhile; "keep mine" saves on top', async () => {
    const me = await api<{ user: { orgUnitCode: string } }>('GET', API_PATHS.me);
    const years = await api<{ year: number; status: string }[]>('GET', API_PATHS.years);
    const year = years.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]!.year;
    const unit = me.user.orgUnitCode;
    const current = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    const changed = current.entries.map((e, i) => (i === 0 ? { ...e, comment: 'Zmiana zapisana z innego komputera.' } : e));
    await api('PUT', API_PATHS.report(year, unit), { baseVersion: current.version, entries: changed });

    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(/Ktoś zapisał nowszą wersję/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('table', { name: 'Różnice między arkuszem a serwerem' }).getByText('Zmiana zapisana z innego komputera.').count()).toBe(1);
    await shot('07-konflikt');
    await page.getByRole('button', { name: 'Zachowaj moje' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    const after = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(after.entries[0]!.comment).toBe('Brak chętnych rodzin w tym roku.');

    // Again, and this time take the server's version into the sheet.
    await api('PUT', API_PATHS.report(year, unit), { baseVersion: after.version, entries: after.entries.map((e, i) => (i === 0 ? { ...e, comment: 'Wersja z serwera.' } : e)) });
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Weź wersję z serwera' }).count(), { timeout: 15_000 }).toBe(1);
    // Excel refuses (the user is typing in a cell): the conflict stays open, nothing claims to be saved.
    await fake('setCellEditMode', true);
    await page.getByRole('button', { name: 'Weź wersję z serwera' }).click();
    await expect.poll(() => page.getByText(/Excel jest w trybie edycji komórki/).count(), { timeout: 15_000 }).toBe(1);
    await fake('setCellEditMode', false);
    expect(await page.getByText('Zapisano na serwerze.').count()).toBe(0);
    expect((await tableValues())[0]![col('comment')]).toBe('Brak chętnych rodzin w tym roku.');
    await page.getByRole('button', { name: 'Weź wersję z serwera' }).click();
    await expect.poll(async () => (await tableValues())[0]![col('comment')], { timeout: 15_000 }).toBe('Wersja z serwera.');
  });

  it('keeps everything when the server is down, and syncs after it is back with the same Idempotency-Key', async () => {
    await server.stop();
    const sent = saveKeys.length;
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Serwer niedostępny.').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByText(/Nic nie zostało utracone/).count()).toBe(1);
    await shot('08-serwer-niedostepny');
    await server.start();
    // While the retry is on its way, nothing says it is saved (the sheet matches the server's last
    // version, so a cleared outcome used to show „Zapisano na serwerze.” before the request left).
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    await page.route('**/report', async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await held;
      await route.fallback();
    }, { times: 1 });
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Trwa zapisywanie na serwerze…').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Zapisano na serwerze.').count()).toBe(0);
    release();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    // The retry of the same request is the same request.
    expect(saveKeys.length).toBe(sent + 2);
    expect(saveKeys[sent + 1]).toBe(saveKeys[sent]);
  });

  it('a save whose answer was lost is replayed on retry, not saved twice', async () => {
    const { year, unit } = await openReport();
    const before = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    const rows = await tableValues();
    const row = rows.findIndex((r) => r[col('line')] === 1 && r[col('status')] === 'niezrealizowane w tym roku');
    expect(await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${row + 2}`, [['Zmiana, której odpowiedź zginęła.']])).toBe(true);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 10_000 }).toBe(1);
    // The server saves, then the connection drops before the answer reaches the pane.
    await page.route('**/report', async (route) => {
      if (route.request().method() !== 'PUT') return route.fallback();
      await route.fetch();
      await route.abort('connectionreset');
    }, { times: 1 });
    const sent = saveKeys.length;
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Serwer niedostępny.').count(), { timeout: 15_000 }).toBe(1);
    expect((await api<UnitReport>('GET', API_PATHS.report(year, unit))).version).toBe(before.version + 1);
    expect(await recordedVersion()).toBe(before.version);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    expect(saveKeys.slice(sent)).toEqual([saveKeys[sent], saveKeys[sent]]);
    expect(await page.getByText(`Wersja ${before.version + 1},`, { exact: false }).count()).toBe(1);
    const after = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(after.version).toBe(before.version + 1);
    expect(await recordedVersion()).toBe(after.version);
  });

  it('when Excel cannot record a save, says so, and the next sync replays it instead of meeting a conflict', async () => {
    const { year, unit } = await openReport();
    const before = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    const rows = await tableValues();
    const row = rows.findIndex((r) => r[col('line')] === 1 && r[col('status')] === 'niezrealizowane w tym roku');
    expect(await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${row + 2}`, [['Zapis, którego Excel nie zapamiętał.']])).toBe(true);
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 10_000 }).toBe(1);
    // The record is written twice per save: the pending key before sending, the new version after. The second fails.
    await fake('failNext', 'values A1:B5', 1);
    const sent = saveKeys.length;
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(/Skoroszyt nie zapamiętał nowej wersji/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText('Zapisano na serwerze.').count()).toBe(1);
    await shot('08b-zapis-niezapamietany');
    expect(await recordedVersion()).toBe(before.version);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(/Skoroszyt nie zapamiętał/).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    expect(saveKeys.slice(sent)).toEqual([saveKeys[sent], saveKeys[sent]]);
    expect((await api<UnitReport>('GET', API_PATHS.report(year, unit))).version).toBe(before.version + 1);
    expect(await recordedVersion()).toBe(before.version + 1);
  });

  it('a stale workbook gets the conflict after signing in again, and the newer save on the server stays', async () => {
    const { year, unit } = await openReport();
    const synced = await recordedVersion();
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
    // Meanwhile someone saves a newer version from another PC (with the unit's token).
    const current = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(current.version).toBe(synced);
    const newer = current.entries.map((e, i) => (i === 0 ? { ...e, comment: 'Nowsze dane z innego komputera.' } : e));
    await api('PUT', API_PATHS.report(year, unit), { baseVersion: current.version, entries: newer });
    const server1 = await api<UnitReport>('GET', API_PATHS.report(year, unit));

    await page.getByLabel('Token').fill(server.token);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await expect.poll(() => page.getByText(/Sprawozdanie za \d{4} r\./).count(), { timeout: 20_000 }).toBe(1);
    // Nothing about the report is kept in the browser: the workbook says which version it holds.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('pwr-sync.')))).toEqual([]);
    expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('pwr-sync.')))).toEqual(['pwr-sync.session']);
    expect(await recordedVersion()).toBe(synced);

    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(/Ktoś zapisał nowszą wersję/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('table', { name: 'Różnice między arkuszem a serwerem' }).getByText('Nowsze dane z innego komputera.').count()).toBe(1);
    const untouched = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(untouched.version).toBe(server1.version);
    expect(untouched.entries).toEqual(server1.entries);

    await page.getByRole('button', { name: 'Weź wersję z serwera' }).click();
    await expect.poll(async () => (await tableValues())[0]![col('comment')], { timeout: 15_000 }).toBe('Nowsze dane z innego komputera.');
    expect(await recordedVersion()).toBe(server1.version);
  });

  it("refuses to send this unit's sheet as another unit's report", async () => {
    const { year, unit } = await openReport();
    const other = server.tokens.find((t) => t.role === 'unit_reporter' && t.orgUnitCode && t.orgUnitCode !== unit)!;
    const otherBefore = await (await fetch(server.baseUrl + API_PATHS.report(year, other.orgUnitCode!), { headers: { Authorization: `Bearer ${other.token}` } })).json() as UnitReport;
    const signInAs = async (token: string) => {
      await page.getByRole('button', { name: 'Wyloguj' }).click();
      await page.getByLabel('Token').fill(token);
      await page.getByRole('button', { name: 'Zaloguj' }).click();
      await expect.poll(() => page.getByText(/Sprawozdanie za \d{4} r\./).count(), { timeout: 20_000 }).toBe(1);
    };
    await signInAs(other.token);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText(`arkusz w tym skoroszycie to sprawozdanie jednostki ${unit} za ${year} r.`, { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    await shot('09a-arkusz-innej-jednostki');
    const otherAfter = await (await fetch(server.baseUrl + API_PATHS.report(year, other.orgUnitCode!), { headers: { Authorization: `Bearer ${other.token}` } })).json() as UnitReport;
    expect(otherAfter.version).toBe(otherBefore.version);
    await signInAs(server.token);
  });

  it('blocks submitting an incomplete report, then submits once every activity is filled', async () => {
    const { year, unit } = await openReport();
    const before = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    const rows0 = await tableValues();
    const empty = rows0.filter((r) => r[col('line')] === 1 && !r[col('status')]).length;
    expect(empty).toBeGreaterThan(0); // activities without a status: not complete yet
    await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).click();
    await expect.poll(() => page.getByText(/Sprawozdanie ma \d+ problem(ów)? do poprawienia przed przekazaniem/).count(), { timeout: 15_000 }).toBe(1);
    await shot('09-przekazanie-zablokowane');
    // Nothing was sent: the report is neither saved again nor submitted.
    const blockedReport = await api<UnitReport>('GET', API_PATHS.report(year, unit));
    expect(blockedReport.version).toBe(before.version);
    expect(blockedReport.state).toBe(before.state);
    // Fill the rest in the sheet, as a user pasting a column would.
    const rows = await tableValues();
    const statusCol = columnLetter(col('status'));
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r[col('line')] !== 1 || r[col('status')]) continue;
      await fake('userEdit', UNIT_SHEET_NAME, `${statusCol}${i + 2}`, [['niezrealizowane w tym roku']]);
      await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${i + 2}`, [['Nie realizowano w tym roku.']]);
    }
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Przekazano do weryfikacji.').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.getByText('przekazane', { exact: true }).count()).toBeGreaterThan(0);
    await shot('10-przekazano');
  });

  it('never lets its own writes trigger its change handler', async () => {
    const s = await page.evaluate(() => (window as any).__fakeExcel.state.eventsFromAddin);
    expect(s).toBe(0);
  });

  it('signs out: the server ends the session and the pane forgets its bearer', async () => {
    const kept = JSON.parse((await page.evaluate(() => sessionStorage.getItem('pwr-sync.session')))!) as { bearer: string };
    await page.getByRole('button', { name: 'Wyloguj' }).click();
    await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.getItem('pwr-sync.session'))).toBeNull();
    await expect.poll(async () => (await fetch(server.baseUrl + API_PATHS.me, { headers: { Authorization: `Bearer ${kept.bearer}` } })).status).toBe(401);
  });
});
