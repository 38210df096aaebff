/**
 * End-to-end of the review mode: the built task pane in headless Chromium against the running sync
 * server (real one: needs its review endpoints), office.js answered by fake-office.js, which applies
 * table filters with Excel's semantics on its own — so "what Excel shows" is checked independently
 * of the pane's own filter code. Covers loading the year, each filter, clearing, the summary and
 * chart, history of the selected row, the report view a reviewer decides from (accept after a
 * confirmation, return with comments on two activities — in the history with the reviewer and the
 * overall note; the unit sees each comment at its activity, in the pane and in its own sheet, answers
 * one, fixes the other in the sheet and hands in again: the sheet shows one resolved, one still open), and a manager who reads but cannot decide. Saves screenshots
 * 2x-*.png (see SHOTS in browser.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { build } from 'vite';
import {
  API_PATHS, REVIEW_PATHS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, UNIT_TABLE_NAME, columnLetter, feedbackOpenCondition, REPORT_SHEET_COLUMNS, REPORT_SHEET_HEADER_ROW, REPORT_SHEET_LAST_LETTER, reportSheetColumnIndex, reportSheetName, BAND_ORDER, CONSOLIDATED_COLUMNS, CONSOLIDATED_SHEET_NAME, CONSOLIDATED_TABLE_NAME, filterConsolidatedRows, consolidatedColumnLetter, summarizeExecution,
  type AssignmentsResponse, type CompletenessRow, type ConsolidatedFilter, type ConsolidatedRow, type UnitReport,
} from '@pwr-sync/shared';
import { ApiClient } from '../src/api/client.ts';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { launchPaneBrowser, serveFakeOffice, type PaneBrowser } from './browser.ts';

const OPEN_YEAR = 2025;
const DATA_YEAR = 2024;

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let rows2024: ConsolidatedRow[] = [];
const units: { accept: string; ret: string; managerSees: string } = { accept: '', ret: '', managerSees: '' };
/** The unit's answer to the comment on its second activity (it fixes the first). */
const UNIT_ANSWER = 'Remont sali — zajęcia przeniesiono na 2026 r.';
/** Why MOPS corrected the waiting report on the unit's behalf. */
const ON_BEHALF_REASON = 'Wyjaśnienie przesłane e-mailem przez jednostkę.';
/** Why the reviewer reopens the accepted report. */
const REOPEN_REASON = 'Błędna liczba uczestników — do korekty.';
/** Elements past the pane's right edge (none may be). */
const overflowing = () => page.evaluate(() => {
  const w = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > w + 1).map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`);
});
/** Unit names by code: the pane shows names first. */
const names = new Map<string, string>();

const tokenOf = (role: string, unit?: string) => server.tokens.find((t: DemoToken) => t.role === role && (unit === undefined || t.orgUnitCode === unit))!.token;
const shot = (name: string) => browser.shot(name);
const fake = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).__fakeExcel[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const visible = () => fake<unknown[][]>('visibleRows', CONSOLIDATED_TABLE_NAME);

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

/** A unit fills every activity (not realized, with a reason) and submits, through the API. */
async function fillAndSubmit(unit: string) {
  const token = tokenOf('unit_reporter', unit);
  const a = await api<AssignmentsResponse>(token, 'GET', API_PATHS.assignments(OPEN_YEAR, unit));
  const entries = a.json.assignments.filter((x) => x.role === 'reporting').map((x) => ({ activityId: x.activity.id, status: 'not_realized', actual: { measures: [] }, moneySpent: [], comment: 'Nie realizowano w tym roku.' }));
  const saved = await api(token, 'PUT', API_PATHS.report(OPEN_YEAR, unit), { baseVersion: 0, entries });
  expect(saved.status, JSON.stringify(saved.json)).toBeLessThan(300);
  const submitted = await api(token, 'POST', API_PATHS.submit(OPEN_YEAR, unit), {});
  expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
}

async function openPane(token: string) {
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  await expect.poll(() => page.getByLabel('Token').count(), { timeout: 15_000 }).toBe(1);
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}

/** Signs the reviewer in and opens a unit's report from the open year's completeness list. */
async function openReportAsReviewer(unit: string) {
  await openPane(tokenOf('reviewer'));
  await expect.poll(() => page.getByText('Przegląd sprawozdań').count(), { timeout: 20_000 }).toBe(1);
  await page.getByLabel('Rok sprawozdawczy').selectOption(String(OPEN_YEAR));
  await page.getByRole('tab', { name: 'Kompletność' }).click();
  const open = page.getByRole('button', { name: `Otwórz sprawozdanie: ${names.get(unit)}` });
  await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
  await open.click();
}

async function signOut() {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
}

/** Sets a filter in the pane, applies it, and checks Excel shows exactly the shared filter's rows. */
async function applyAndCheck(setUp: () => Promise<void>, expected: ConsolidatedFilter, column: string) {
  await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
  await expect.poll(async () => (await visible()).length).toBe(rows2024.length);
  await setUp();
  await page.getByRole('button', { name: 'Zastosuj filtry' }).click();
  const want = filterConsolidatedRows(rows2024, expected);
  expect(want.length).toBeGreaterThan(0);
  expect(want.length).toBeLessThan(rows2024.length);
  await expect.poll(async () => (await visible()).length, { timeout: 10_000 }).toBe(want.length);
  expect(Object.keys(await fake<Record<string, unknown>>('filters', CONSOLIDATED_TABLE_NAME))).toContain(column);
  const ids = (await visible()).map((r) => r[CONSOLIDATED_COLUMNS.findIndex((c) => c.key === 'activityId')]);
  expect(ids).toEqual(want.map((r) => r.activityId));
  await expect.poll(() => page.getByText(new RegExp(`Excel pokazuje ${want.length} z ${rows2024.length} wierszy`)).count()).toBe(1);
  expect(await page.getByTestId('summary-headline').textContent()).toBe(summarizeExecution(want).headline);
  return want;
}

describe('review mode end to end', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-review-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await serveFakeOffice(page);
    rows2024 = (await api<ConsolidatedRow[]>(tokenOf('reviewer'), 'GET', API_PATHS.consolidated(DATA_YEAR))).json;
    // Three small units of the open year submit their reports: one to accept, one to return, one for the manager.
    const done = (await api<CompletenessRow[]>(tokenOf('reviewer'), 'GET', API_PATHS.completeness(OPEN_YEAR))).json;
    for (const c of done) names.set(c.orgUnitCode, c.orgUnitName);
    // Units with at least two activities, so a return can comment on two of them.
    const small = done.filter((c) => c.activities > 1).sort((a, b) => a.activities - b.activities || a.orgUnitCode.localeCompare(b.orgUnitCode)).slice(0, 3).map((c) => c.orgUnitCode);
    [units.accept, units.ret, units.managerSees] = small as [string, string, string];
    for (const u of small) await fillAndSubmit(u);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('a reviewer signs in and gets the review mode; the year loads into the workbook as the central table', async () => {
    await openPane(tokenOf('reviewer'));
    await expect.poll(() => page.getByText('Przegląd sprawozdań').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText('weryfikator MOPS', { exact: true }).count()).toBe(1);
    await page.getByLabel('Rok sprawozdawczy').selectOption(String(DATA_YEAR));
    await expect.poll(() => page.getByText(new RegExp(`Na serwerze: ${rows2024.length} wiersz(e|y)? `)).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Wczytaj zestawienie' }).click();
    await expect.poll(() => page.getByText(/jest w arkuszu „Zestawienie”/).count(), { timeout: 20_000 }).toBe(1);
    expect(await fake('header', CONSOLIDATED_TABLE_NAME)).toEqual(CONSOLIDATED_COLUMNS.map((c) => c.header));
    const table = (await fake<unknown[][]>('tableValues', CONSOLIDATED_TABLE_NAME))!;
    expect(table.length).toBe(rows2024.length);
    // names, not codes: the task and the area by code and title, the reporting unit by name; bare codes beside
    const cell = (i: number, key: Parameters<typeof consolidatedColumnLetter>[0]) => table[i]![CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key)];
    const i3 = rows2024.findIndex((r) => r.taskCode === 'I.3');
    expect(cell(i3, 'taskTitle')).toMatch(/^I\.3 Udostępnianie zasobów /);
    expect(cell(i3, 'taskCode')).toBe('I.3');
    expect(cell(i3, 'areaTitle')).toMatch(/^I Zapewnienie specjalistycznej pomocy/);
    const mops = rows2024.findIndex((r) => r.reportingUnit === 'MOPS/PRZ/08');
    expect(cell(mops, 'reportingUnitName')).toBe('Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)');
    expect(cell(mops, 'reportingUnit')).toBe('MOPS/PRZ/08');
    const cfs = await fake<{ address: string; cf: { custom: { rule: { formula: string }; format: { fill: { color: string } } } } }[]>('conditionalFormats', CONSOLIDATED_SHEET_NAME);
    expect(cfs).toHaveLength(BAND_ORDER.length);
    expect(cfs[0]!.address).toBe(`${consolidatedColumnLetter('difference')}2:${consolidatedColumnLetter('band')}${rows2024.length + 1}`);
    expect(cfs[0]!.cf.custom.format.fill.color).toBe('#FFC7CE');
    expect(cfs.map((c) => c.cf.custom.rule.formula)).toContain('=$L2="brak danych"');
    // Bands by formulas over the thresholds the pane wrote on „Ustawienia” (named cells), as in the central workbook.
    expect(await fake('names')).toEqual({ ProgDalekoPonizej: '=Ustawienia!$B$4', ProgZgodnieOd: '=Ustawienia!$B$5', ProgDalekoPowyzej: '=Ustawienia!$B$6' });
    // the year's thresholds in D; those in use (B) follow them until the reviewer types over one
    expect((await fake<unknown[][]>('cells', 'Ustawienia', 'D4:D6')).flat()).toEqual([0.5, 0.9, 1.5]);
    expect((await fake<unknown[][]>('formulas', 'Ustawienia', 'B4:B6')).flat()).toEqual(['=D4', '=D5', '=D6']);
    expect(await page.getByTestId('table-thresholds').textContent()).toMatch(/^Oceny w tabeli liczone progami roku 2024 ustalonymi przez MOPS: znacznie poniżej planu poniżej 50\s%/);
    const band = consolidatedColumnLetter('band');
    const banded = rows2024.findIndex((r) => r.ratio !== null && r.band !== null);
    expect((await fake<string[][]>('formulas', CONSOLIDATED_SHEET_NAME, `${band}${banded + 2}`))[0]![0]).toMatch(new RegExp(`^=IF\\(ISNUMBER\\(K${banded + 2}\\),IF\\(K${banded + 2}<ProgDalekoPonizej,`));
    const noFigure = rows2024.findIndex((r) => r.band === 'no_data');
    if (noFigure >= 0) {
      expect((await fake<string[][]>('formulas', CONSOLIDATED_SHEET_NAME, `${band}${noFigure + 2}`))[0]![0]).toBe('');
      expect((await fake<unknown[][]>('cells', CONSOLIDATED_SHEET_NAME, `${band}${noFigure + 2}`))[0]![0]).toBe('brak danych');
    }
    expect(await page.getByText(`Excel pokazuje ${rows2024.length} z ${rows2024.length} wierszy`, { exact: false }).count()).toBe(1);
    await shot('21-przeglad-zestawienie-wczytane');
  });

  it('a threshold the reviewer changed on „Ustawienia” survives a refresh; „Przywróć progi roku” takes the year\'s again', async () => {
    const thresholds = page.getByTestId('table-thresholds');
    expect(await fake('userEdit', 'Ustawienia', 'B4', [[0.4]])).toBe(true);
    await page.getByRole('button', { name: 'Odśwież zestawienie' }).click();
    await expect.poll(async () => thresholds.textContent(), { timeout: 20_000 }).toMatch(/progami zmienionymi w arkuszu „Ustawienia”: znacznie poniżej planu poniżej 40\s%.*Progi roku 2024 ustalone przez MOPS: znacznie poniżej planu poniżej 50\s%/);
    expect((await fake<unknown[][]>('cells', 'Ustawienia', 'B4'))[0]![0]).toBe(0.4);
    expect((await fake<unknown[][]>('formulas', 'Ustawienia', 'B4:B6')).flat()).toEqual(['', '=D5', '=D6']);
    await shot('21a-przeglad-progi-zmienione');
    await page.getByRole('button', { name: 'Przywróć progi roku' }).click();
    await expect.poll(async () => thresholds.textContent(), { timeout: 20_000 }).toMatch(/^Oceny w tabeli liczone progami roku 2024/);
    expect((await fake<unknown[][]>('formulas', 'Ustawienia', 'B4:B6')).flat()).toEqual(['=D4', '=D5', '=D6']);
    expect(await page.getByRole('button', { name: 'Przywróć progi roku' }).count()).toBe(0);
    expect(await page.getByText('Przywrócono progi roku 2024', { exact: false }).count()).toBe(1);
  });

  it('edits the annex title block of the year, refusing an empty number in Polish', async () => {
    const number = page.getByLabel('Numer załącznika');
    await expect.poll(() => number.inputValue(), { timeout: 10_000 }).toBe('3');
    expect(await page.getByLabel('Wiersz pod numerem (sprawozdanie nadrzędne)').inputValue())
      .toBe(`do Sprawozdania z działalności Miejskiego Ośrodka Pomocy Społecznej w Krakowie za rok ${DATA_YEAR}`);
    await number.fill(' ');
    await page.getByRole('button', { name: 'Zapisz nagłówek załącznika' }).click();
    await expect.poll(() => page.getByText('Uzupełnij pole „numer załącznika”.').count()).toBe(1);
    expect((await api<{ isDefault: boolean }>(tokenOf('reviewer'), 'GET', API_PATHS.annexTitle(DATA_YEAR))).json.isDefault).toBe(true);
    await number.fill('3b');
    await page.getByRole('button', { name: 'Zapisz nagłówek załącznika' }).click();
    await expect.poll(() => page.getByText(`Zapisano nagłówek załącznika za ${DATA_YEAR} r.`).count(), { timeout: 10_000 }).toBe(1);
    expect((await api<{ annexNumber: string; isDefault: boolean }>(tokenOf('reviewer'), 'GET', API_PATHS.annexTitle(DATA_YEAR))).json).toMatchObject({ annexNumber: '3b', isDefault: false });
  });

  it('downloads the year\'s annex (DOCX, with the closing summary) from the review mode', async () => {
    await page.getByRole('checkbox', { name: /Dołącz podsumowanie/ }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Pobierz załącznik (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`sprawozdanie-${DATA_YEAR}.docx`);
    const file = readFileSync((await download.path())!);
    // a zip (OOXML) holding the Word body, big enough to be the whole city's annex
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect(file.includes(Buffer.from('word/document.xml'))).toBe(true);
    expect(file.length).toBeGreaterThan(20_000);
    await expect.poll(() => page.getByText(`Pobrano plik sprawozdanie-${DATA_YEAR}.docx`, { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    await shot('30-przeglad-zalacznik-pobrany');
  });

  it('filters by band', async () => {
    await applyAndCheck(async () => {
      await page.getByRole('checkbox', { name: 'znacznie poniżej planu', exact: true }).check();
    }, { bands: ['far_below'] }, 'Ocena');
    await shot('22-przeglad-filtr-ocena');
    await page.getByRole('checkbox', { name: 'znacznie poniżej planu', exact: true }).uncheck();
  });

  it('filters by execution below / above a typed Polish threshold (in %), and rejects a dot', async () => {
    await page.getByLabel(/Próg wykonania w %/).fill('0.8');
    await page.getByRole('button', { name: 'Zastosuj filtry' }).click();
    await expect.poll(() => page.getByText(/kropka w „0.8”/).count()).toBe(1);
    await applyAndCheck(async () => {
      await page.getByLabel(/Próg wykonania w %/).fill('80');
    }, { ratioBelow: 0.8 }, '% wykonania');
    expect((await fake<Record<string, { criteria: string[] }>>('filters', CONSOLIDATED_TABLE_NAME))['% wykonania']!.criteria).toEqual(['<0.8']);
    await shot('23-przeglad-filtr-prog');
    await applyAndCheck(async () => {
      await page.getByLabel('Wykonanie', { exact: true }).selectOption('above');
      await page.getByLabel(/Próg wykonania w %/).fill('150,5');
    }, { ratioAbove: 1.505 }, '% wykonania');
    await page.getByLabel(/Próg wykonania w %/).fill('');
  });

  it('filters by area', async () => {
    await applyAndCheck(async () => {
      await page.getByRole('checkbox', { name: /^Kształtowanie .* \(II\)$/ }).check();
    }, { areas: ['II'] }, 'Kod obszaru');
    await page.getByRole('checkbox', { name: /^Kształtowanie .* \(II\)$/ }).uncheck();
  });

  it('filters by task, found by its name and ticked from the keyboard', async () => {
    const tasks = page.getByRole('group', { name: 'Zadanie', exact: true });
    await applyAndCheck(async () => {
      await page.getByRole('searchbox', { name: 'Szukaj: Zadanie' }).fill('udostepnianie zasobow');
      // the search leaves the one task whose title has those words (typed without Polish letters)
      await expect.poll(() => tasks.getByRole('checkbox').count()).toBe(1);
      const task = tasks.getByRole('checkbox', { name: /^Udostępnianie zasobów .* \(I\.3\)$/ });
      await task.focus();
      await page.keyboard.press('Space');
      expect(await task.isChecked()).toBe(true);
    }, { tasks: ['I.3'] }, 'Kod zadania');
    await page.getByRole('button', { name: 'Odznacz wszystkie: Zadanie' }).click();
    await page.getByRole('searchbox', { name: 'Szukaj: Zadanie' }).fill('');
  });

  it('filters by unit (any responsible unit, so through the activity ids): several ticked by name, no modifier keys', async () => {
    const label = 'Jednostka (odpowiedzialna, także współrealizująca)';
    const units = page.getByRole('group', { name: label, exact: true });
    const search = page.getByRole('searchbox', { name: `Szukaj: ${label}` });
    await applyAndCheck(async () => {
      await search.fill('PRZ/08');
      await units.getByRole('checkbox', { name: /\(MOPS\/PRZ\/08\)/ }).check();
      await search.fill('PRZ/07');
      await units.getByRole('checkbox', { name: /\(MOPS\/PRZ\/07\)/ }).focus();
      await page.keyboard.press('Space');
      // the first stays ticked though the search hides it
      await expect.poll(() => page.getByText('Zaznaczone: 2 (ukryte przez wyszukiwanie: 1)').count()).toBe(1);
      await search.fill('');
    }, { units: ['MOPS/PRZ/08', 'MOPS/PRZ/07'] }, 'ID działania');
    // every name is whole: none clipped or past the pane's edge; long ones wrap onto more lines
    const labels = await units.evaluate((g) => [...g.querySelectorAll('label')].map((l) => {
      const r = l.getBoundingClientRect();
      return { text: l.textContent ?? '', cut: l.scrollWidth > l.clientWidth + 1 || r.right > document.documentElement.clientWidth, lines: Math.round(r.height / parseFloat(getComputedStyle(l).lineHeight)) };
    }));
    expect(labels.length).toBeGreaterThan(10);
    expect(labels.filter((l) => l.cut).map((l) => l.text)).toEqual([]);
    expect(Math.max(...labels.map((l) => l.lines))).toBeGreaterThan(1);
    await shot('23b-przeglad-filtr-jednostki');
    await page.getByRole('button', { name: `Odznacz wszystkie: ${label}` }).click();
  });

  it('filters by status', async () => {
    await applyAndCheck(async () => {
      await page.getByRole('checkbox', { name: 'niezrealizowane w tym roku', exact: true }).check();
    }, { statuses: ['not_realized'] }, 'Status');
    await page.getByRole('checkbox', { name: 'niezrealizowane w tym roku', exact: true }).uncheck();
  });

  it('filters activities with money (all their rows, not only the one carrying the amount)', async () => {
    const want = await applyAndCheck(async () => {
      await page.getByRole('checkbox', { name: 'Tylko działania z wydatkami' }).check();
    }, { withMoney: true }, 'ID działania');
    expect(want.some((r) => r.moneySpent === null)).toBe(true);
    await page.getByRole('checkbox', { name: 'Tylko działania z wydatkami' }).uncheck();
  });

  it('combines filters, summarises them in Polish with a chart, and clears them', async () => {
    await applyAndCheck(async () => {
      await page.getByRole('checkbox', { name: 'znacznie poniżej planu', exact: true }).check();
      await page.getByRole('checkbox', { name: 'poniżej planu', exact: true }).check();
      await page.getByRole('checkbox', { name: /^Zapewnienie specjalistycznej .* \(I\)$/ }).check();
    }, { bands: ['far_below', 'below'], areas: ['I'] }, 'Ocena');
    expect(await page.getByText(/Zrealizowano [\d\u00a0]+ z [\d\u00a0]+ planowanych \S+.*\(\d+(,\d)?\u00a0%\)/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('execution-chart').locator('rect').count()).toBeGreaterThan(0);
    await shot('24-przeglad-podsumowanie-wykres');
    await page.getByRole('button', { name: 'Według jednostki' }).click();
    // each bar under its unit's name (code second), not the code alone
    const unitNames = new Map(rows2024.flatMap((r) => r.orgUnitCodes.map((c, i) => [c, r.orgUnitNames[i]!] as const)));
    const bars = await page.getByTestId('execution-chart').locator('g[data-group]').evaluateAll((gs) => gs.map((g) => ({ key: g.getAttribute('data-group')!, label: g.querySelector('text')!.textContent!, title: g.querySelector(':scope > title')!.textContent! })));
    expect(bars.length).toBeGreaterThan(1);
    for (const b of bars) {
      expect(b.title.startsWith(unitNames.get(b.key)!), b.title).toBe(true);
      expect(b.label.startsWith(unitNames.get(b.key)!.split(' ')[0]!), b.label).toBe(true);
    }
    await shot('24b-przeglad-wykres-jednostki');
    await page.getByRole('button', { name: 'Wyczyść filtry' }).click();
    await expect.poll(async () => (await visible()).length).toBe(rows2024.length);
    expect(await fake('filters', CONSOLIDATED_TABLE_NAME)).toEqual({});
    await expect.poll(() => page.getByText(`Excel pokazuje ${rows2024.length} z ${rows2024.length} wierszy`, { exact: false }).count()).toBe(1);
  });

  it('shows the history of the row under the cursor', async () => {
    await page.getByRole('tab', { name: 'Historia' }).click();
    await fake('select', 'Arkusz1', 'B2');
    await page.getByRole('button', { name: 'Pokaż historię' }).click();
    await expect.poll(() => page.getByText(/Zaznacz w arkuszu „Zestawienie” komórkę/).count()).toBe(1);
    const target = rows2024.findIndex((r) => r.activityId === 'I.1-01');
    await fake('select', CONSOLIDATED_SHEET_NAME, `${consolidatedColumnLetter('actual')}${target + 2}`);
    await page.getByRole('button', { name: 'Pokaż historię' }).click();
    // the activity and the unit by name, codes second
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    await expect.poll(() => page.getByText(new RegExp(`^${esc(rows2024[target]!.activityName)} \\(I\\.1-01\\)$`)).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText(/^Miejski Ośrodek Pomocy Społecznej \(MOPS\/PRZ\/08\)( · .*)?: /).count()).toBe(1);
    await shot('25-przeglad-historia');
  });

  it('a reviewer opens a report before deciding: accepts one after a confirmation, returns another with comments on two activities', async () => {
    await page.getByLabel('Rok sprawozdawczy').selectOption(String(OPEN_YEAR));
    await page.getByRole('tab', { name: 'Kompletność' }).click();
    const open = (unit: string) => page.getByRole('button', { name: `Otwórz sprawozdanie: ${names.get(unit)}` });
    // The open year's list (the closed year's reports open too, so wait for this year's counts).
    await expect.poll(() => page.getByRole('button', { name: /^przekazane \(\d+\)$/ }).textContent(), { timeout: 15_000 }).toMatch(/\(3\)/);
    await expect.poll(() => open(units.accept).count(), { timeout: 15_000 }).toBe(1);
    // Names first, codes as secondary text; no decision from the list itself.
    expect(await page.locator(`li[data-unit="${units.accept}"]`).textContent()).toContain(names.get(units.accept));
    expect(await page.getByRole('button', { name: /^Akceptuj/ }).count()).toBe(0);
    await shot('26-przeglad-kompletnosc');

    await open(units.accept).click();
    const report = page.getByTestId('unit-report');
    await expect.poll(() => report.getByText('Nie oglądałeś(-aś) wcześniejszej wersji tego sprawozdania', { exact: false }).count(), { timeout: 15_000 }).toBe(1);
    const activities = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.accept))).json.assignments.filter((a) => a.role === 'reporting');
    for (const a of activities) expect(await report.locator(`li[data-activity="${a.activity.id}"]`).textContent()).toContain(a.activity.name);
    expect(await report.getByText('Komentarz jednostki: Nie realizowano w tym roku.').count()).toBe(activities.length);
    // A comment written and not sent: the confirmation says accepting will not send it.
    await page.getByRole('button', { name: `Dodaj uwagę do działania ${activities[0]!.activity.name}` }).click();
    await page.getByLabel('Uwaga dla jednostki').fill('Brudnopis uwagi.');
    await report.locator(`li[data-activity="${activities[0]!.activity.id}"]`).getByRole('button', { name: 'Dodaj uwagę', exact: true }).click();
    await page.getByRole('button', { name: 'Akceptuj…' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('dialog').textContent()).toContain('Niewysłane uwagi dla jednostki: 1 — akceptacja ich nie wyśle.');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    await page.getByRole('button', { name: 'Usuń uwagę' }).click();
    await page.getByRole('button', { name: 'Akceptuj…' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(await page.getByRole('dialog').textContent()).toContain('ponowne otwarcie z podaniem powodu');
    expect(await page.getByRole('dialog').textContent()).not.toContain('Niewysłane');
    await shot('26a-przeglad-akceptacja-potwierdzenie');
    await page.getByRole('button', { name: 'Anuluj' }).click();
    expect((await api<{ state: string }>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.accept))).json.state).toBe('submitted');
    await page.getByRole('button', { name: 'Akceptuj…' }).click();
    await page.getByRole('button', { name: 'Tak, akceptuj' }).click();
    await expect.poll(() => page.getByText(`Zaakceptowano sprawozdanie: ${names.get(units.accept)}.`).count(), { timeout: 10_000 }).toBe(1);
    expect((await api<{ state: string }>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.accept))).json.state).toBe('accepted');
    await page.getByRole('button', { name: 'Wróć do listy jednostek' }).click();

    await open(units.ret).click();
    await expect.poll(() => page.getByRole('button', { name: /^Dodaj uwagę do działania/ }).count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const [first, second] = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.ret))).json.assignments.filter((a) => a.role === 'reporting');
    for (const [a, text] of [[first!, 'Podaj liczbę uczestników spotkań.'], [second!, 'Dlaczego nie zrealizowano? Opisz przyczynę.']] as const) {
      await page.getByRole('button', { name: `Dodaj uwagę do działania ${a.activity.name}` }).click();
      await page.getByLabel('Uwaga dla jednostki').fill(text);
      await page.locator(`li[data-activity="${a.activity.id}"]`).getByRole('button', { name: 'Dodaj uwagę', exact: true }).click();
    }
    await page.getByLabel('Uwaga ogólna (opcjonalnie)').fill('Proszę uzupełnić liczbę uczestników spotkań.');
    expect(await page.getByText('Do zwrotu: 2 uwagi.').count()).toBe(1);
    await shot('27-przeglad-zwrot-z-uwagami');
    await page.getByRole('button', { name: 'Zwróć do poprawy', exact: true }).click();
    await expect.poll(() => page.getByText(`Zwrócono sprawozdanie do poprawy: ${names.get(units.ret)} (2 uwagi przy działaniach)`, { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    const r = (await api<{ state: string; reviewComment: string }>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json;
    expect(r).toMatchObject({ state: 'returned', reviewComment: 'Proszę uzupełnić liczbę uczestników spotkań.' });

    // „Otwórz jako arkusz”: the report as a read-only sheet of the workbook, named by the unit, every
    // activity with its status, the unit's comment and the reviewer's comments at it, bands by formulas.
    await page.getByRole('button', { name: 'Otwórz jako arkusz' }).click();
    const sheetName = reportSheetName(names.get(units.ret)!, units.ret);
    await expect.poll(() => page.getByText(`Sprawozdanie jest w arkuszu „${sheetName}” (tylko do odczytu).`).count(), { timeout: 10_000 }).toBe(1);
    expect(await fake('isProtected', sheetName)).toBe(true);
    const sheet = (await fake<unknown[][]>('cells', sheetName, `A1:${REPORT_SHEET_LAST_LETTER}400`))!;
    expect(String(sheet[0]![0])).toContain(`Sprawozdanie: ${names.get(units.ret)}`);
    expect(sheet[2]![0]).toBe('Nie oglądałeś(-aś) wcześniejszej wersji tego sprawozdania — poniżej całe sprawozdanie, bez oznaczeń zmian.');
    expect(sheet[REPORT_SHEET_HEADER_ROW - 1]).toEqual(REPORT_SHEET_COLUMNS.map((c) => c.header));
    const at = (id: string) => sheet.find((row) => row[reportSheetColumnIndex('activityId')] === id)!;
    expect(at(first!.activity.id)[reportSheetColumnIndex('comment')]).toBe('Nie realizowano w tym roku.');
    expect(at(first!.activity.id)[reportSheetColumnIndex('status')]).toBe('niezrealizowane w tym roku');
    expect(String(at(first!.activity.id)[reportSheetColumnIndex('reviewComments')])).toContain('Podaj liczbę uczestników spotkań.');
    expect(String(at(second!.activity.id)[reportSheetColumnIndex('reviewComments')])).toContain('Dlaczego nie zrealizowano? Opisz przyczynę.');
    expect(await fake('names')).toMatchObject({ ProgDalekoPonizej: '=Ustawienia!$B$4' });
    await shot('27a-przeglad-sprawozdanie-jako-arkusz');
    const comments = (await api<{ activityId: string; text: string }[]>(tokenOf('reviewer'), 'GET', REVIEW_PATHS.comments(OPEN_YEAR, units.ret))).json;
    expect(comments.map((c) => [c.activityId, c.text])).toEqual([[first!.activity.id, 'Podaj liczbę uczestników spotkań.'], [second!.activity.id, 'Dlaczego nie zrealizowano? Opisz przyczynę.']]);
    await signOut();
  });

  it('the history of a returned unit\'s row shows the return, by whom, with the comment', async () => {
    await openPane(tokenOf('reviewer'));
    await expect.poll(() => page.getByText('Przegląd sprawozdań').count(), { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Rok sprawozdawczy').selectOption(String(OPEN_YEAR));
    const rows = (await api<ConsolidatedRow[]>(tokenOf('reviewer'), 'GET', API_PATHS.consolidated(OPEN_YEAR))).json;
    await expect.poll(() => page.getByText(new RegExp(`Na serwerze: ${rows.length} wiersz(e|y)? `)).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Wczytaj zestawienie' }).click();
    await expect.poll(() => page.getByText(/jest w arkuszu „Zestawienie”/).count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('tab', { name: 'Historia' }).click();
    await fake('select', CONSOLIDATED_SHEET_NAME, `${consolidatedColumnLetter('actual')}${rows.findIndex((x) => x.reportingUnit === units.ret) + 2}`);
    await page.getByRole('button', { name: 'Pokaż historię' }).click();
    const returned = page.getByRole('list', { name: 'Przebieg weryfikacji' }).getByRole('listitem').filter({ hasText: 'zwrócono do poprawy' });
    await expect.poll(() => returned.count(), { timeout: 10_000 }).toBe(1);
    const text = await returned.textContent();
    expect(text).toContain(server.tokens.find((t) => t.role === 'reviewer')!.name);
    expect(text).toContain('Uwagi: Proszę uzupełnić liczbę uczestników spotkań.');
    // the unit by its name
    expect(await page.locator('#workflow-title').textContent()).toContain(names.get(units.ret)!);
    await shot('27b-przeglad-historia-zwrotu');
    await signOut();
  });

  it('the unit then sees the reviewer\'s comments in its pane and in its own sheet, answers one, fixes the other in the sheet and hands in again', async () => {
    await openPane(tokenOf('unit_reporter', units.ret));
    await expect.poll(() => page.getByText('Sprawozdanie zwrócone do poprawy.').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByText(/Proszę uzupełnić liczbę uczestników spotkań\./).count()).toBe(1);
    // Each comment at its activity, by name.
    const feedback = page.getByTestId('unit-feedback');
    await expect.poll(() => feedback.locator('li[data-activity]').count(), { timeout: 15_000 }).toBe(2);
    const [first, second] = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.ret))).json.assignments.filter((a) => a.role === 'reporting');
    const firstText = await feedback.locator(`li[data-activity="${first!.activity.id}"]`).textContent();
    expect(firstText).toContain(first!.activity.name);
    expect(firstText).toContain('Podaj liczbę uczestników spotkań.');
    expect(await feedback.locator(`li[data-activity="${second!.activity.id}"]`).textContent()).toContain('Dlaczego nie zrealizowano? Opisz przyczynę.');

    // … and in its own sheet: each comment at its activity's first line, in the read-only column.
    await page.getByRole('button', { name: 'Przygotuj arkusz' }).click();
    const col = (key: string) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key);
    const table = async () => (await fake<unknown[][] | null>('tableValues', UNIT_TABLE_NAME)) ?? [];
    const firstLine = async (id: string) => (await table()).findIndex((r) => r[col('activityId')] === id);
    const feedbackAt = async (id: string) => String((await table())[await firstLine(id)]?.[col('reviewComments')] ?? '');
    await expect.poll(() => feedbackAt(first!.activity.id), { timeout: 15_000 }).toContain('Podaj liczbę uczestników spotkań.');
    expect(await feedbackAt(first!.activity.id)).toMatch(/^⚠ Uwaga weryfikatora — otwarta\n/);
    expect(await feedbackAt(second!.activity.id)).toMatch(/^⚠ Uwaga weryfikatora — otwarta\n[^\n]+\nDlaczego nie zrealizowano\? Opisz przyczynę\.$/);
    // only on the two activities' first lines; highlighted while open; read-only
    expect((await table()).filter((r) => r[col('reviewComments')] !== '')).toHaveLength(2);
    const rule = `=${feedbackOpenCondition()}`;
    expect((await fake<{ cf: { custom: { rule: { formula: string } } } }[]>('conditionalFormats', UNIT_SHEET_NAME)).some((c) => c.cf.custom.rule.formula === rule)).toBe(true);
    const feedbackCell = `${columnLetter(col('reviewComments'))}${(await firstLine(second!.activity.id)) + 2}`;
    expect(await fake('userEdit', UNIT_SHEET_NAME, feedbackCell, [['skasowane']])).toBe(false);
    await shot('28-jednostka-uwagi-w-arkuszu');

    // It answers the second in its pane (the first it will fix); the list says when a comment counts as resolved.
    const answered = feedback.locator(`li[data-activity="${second!.activity.id}"]`);
    await answered.getByRole('button', { name: 'Odpowiedz' }).click();
    await answered.getByLabel('Twoja odpowiedź').fill(UNIT_ANSWER);
    await answered.getByRole('button', { name: 'Wyślij odpowiedź' }).click();
    await expect.poll(() => answered.getByText(UNIT_ANSWER, { exact: false }).count(), { timeout: 10_000 }).toBe(1);
    expect(await feedback.getByText('albo gdy weryfikator uzna Twoją odpowiedź za wystarczającą', { exact: false }).count()).toBe(1);
    await shot('28-jednostka-widzi-uwagi');
    // The answer reaches the sheet's column at once.
    await expect.poll(() => feedbackAt(second!.activity.id), { timeout: 10_000 }).toMatch(/\n↳ [^\n]+: /);
    expect(await feedbackAt(second!.activity.id)).toContain(UNIT_ANSWER);

    // The first is fixed in the sheet, and the report handed in again from the pane.
    const commentCell = `${columnLetter(col('comment'))}${(await firstLine(first!.activity.id)) + 2}`;
    expect(await fake('userEdit', UNIT_SHEET_NAME, commentCell, [['Zajęcia przeniesiono na 2026 r. z powodu remontu.']])).toBe(true);
    await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).click();
    await expect.poll(async () => (await api<{ state: string }>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json.state, { timeout: 15_000 }).toBe('submitted');
    // The resubmission resolves the fixed activity's comment (quiet, one line); the answered one is still open; nothing typed is lost.
    await expect.poll(() => feedbackAt(first!.activity.id), { timeout: 15_000 }).toMatch(/^✓ Uwaga rozwiązana \(poprawiono w wersji \d+\): Podaj liczbę uczestników spotkań\.$/);
    await expect.poll(() => feedbackAt(second!.activity.id), { timeout: 15_000 }).toMatch(/^⚠ Uwaga weryfikatora — nadal otwarta — działania nie zmieniono\n/);
    expect(await feedbackAt(second!.activity.id)).toContain(UNIT_ANSWER);
    expect((await table())[await firstLine(first!.activity.id)]![col('comment')]).toBe('Zajęcia przeniesiono na 2026 r. z powodu remontu.');
    await shot('28-jednostka-po-ponownym-przekazaniu');
    await signOut();
  });

  it('after the unit handed in again (fixed in its sheet, above), the reviewer\'s sheet marks what changed since the version last seen', async () => {
    const [first, second] = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.ret))).json.assignments.filter((a) => a.role === 'reporting');

    await openReportAsReviewer(units.ret);
    await expect.poll(() => page.getByTestId('changed-since').textContent(), { timeout: 15_000 }).toMatch(/zmieniono 1 działanie/);
    await page.getByRole('button', { name: 'Otwórz jako arkusz' }).click();
    const sheetName = reportSheetName(names.get(units.ret)!, units.ret);
    await expect.poll(() => page.getByText(`Sprawozdanie jest w arkuszu „${sheetName}” (tylko do odczytu).`).count(), { timeout: 10_000 }).toBe(1);
    const sheet = (await fake<unknown[][]>('cells', sheetName, `A1:${REPORT_SHEET_LAST_LETTER}400`))!;
    expect(String(sheet[2]![0])).toMatch(/^Od wersji \d+, którą oglądałeś\(-aś\) ostatnio, zmieniono 1 działanie/);
    const id = reportSheetColumnIndex('activityId');
    const rowsOf = (activityId: string) => sheet.map((row, i) => ({ row, i })).filter(({ row }) => row[id] === activityId);
    const changed = rowsOf(first!.activity.id);
    expect(changed.length).toBeGreaterThan(0);
    for (const { row, i } of changed) {
      expect(row[reportSheetColumnIndex('change')]).toBe('zmieniono');
      expect(await fake('fillAt', sheetName, `A${i + 1}`)).toBe('#FCE4D6');
    }
    expect(changed[0]!.row[reportSheetColumnIndex('comment')]).toBe('Zajęcia przeniesiono na 2026 r. z powodu remontu.');
    expect(String(changed[0]!.row[reportSheetColumnIndex('before')])).toContain('Nie realizowano w tym roku.');
    for (const { row, i } of rowsOf(second!.activity.id)) {
      expect(row[reportSheetColumnIndex('change')]).toBe('');
      expect(await fake('fillAt', sheetName, `A${i + 1}`)).toBeNull();
    }
    await shot('28a-przeglad-arkusz-zmiany-od-ostatniego-ogladania');
    await signOut();
  });

  it('at 320 px the reviewer sees which comments the resubmission resolved, settles the answered one, is refused a decision on a version no longer shown, and accepts after a confirmation', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      await openReportAsReviewer(units.ret);
      const report = page.getByTestId('unit-report');
      const [first, second] = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.ret))).json.assignments.filter((a) => a.role === 'reporting');
      const commentAt = (id: string) => report.locator(`li[data-activity="${id}"] [data-comment]`);
      // The fixed activity's comment is resolved by the resubmission; the answered one is still open, with the answer.
      await expect.poll(() => commentAt(first!.activity.id).textContent(), { timeout: 15_000 }).toMatch(/rozwiązana \(poprawiono w wersji \d+\)/);
      expect(await commentAt(second!.activity.id).textContent()).toContain('nadal otwarta — działania nie zmieniono');
      expect(await commentAt(second!.activity.id).textContent()).toContain(UNIT_ANSWER);
      expect(await report.getByText('Jeśli wystarcza odpowiedź bez zmiany, wybierz „Uznaj za wyjaśnioną”', { exact: false }).count()).toBe(1);
      // The confirmation says a comment is still open and what accepting does with it.
      await page.getByRole('button', { name: 'Akceptuj…' }).click();
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('1 uwaga jest nadal otwarta — akceptacja uzna ją za wyjaśnioną.');
      await page.getByRole('button', { name: 'Anuluj' }).click();
      // The reviewer answers in the thread, and, the answer sufficing, settles the comment by hand.
      await commentAt(second!.activity.id).getByRole('button', { name: 'Odpowiedz' }).click();
      await commentAt(second!.activity.id).getByLabel('Twoja odpowiedź').fill('Dziękuję, to wystarczy.');
      await commentAt(second!.activity.id).getByRole('button', { name: 'Wyślij odpowiedź' }).click();
      await expect.poll(() => commentAt(second!.activity.id).getByText(/Dziękuję, to wystarczy\./).count(), { timeout: 10_000 }).toBe(1);
      await commentAt(second!.activity.id).getByRole('button', { name: 'Uznaj za wyjaśnioną' }).click();
      const reviewerName = server.tokens.find((t) => t.role === 'reviewer')!.name;
      await expect.poll(() => commentAt(second!.activity.id).textContent(), { timeout: 10_000 }).toContain(`rozwiązana — ${reviewerName} uznał(a) odpowiedź za wystarczającą`);
      expect(await overflowing()).toEqual([]);
      await shot('28b-przeglad-uwagi-rozwiazane-320');

      // Meanwhile MOPS's admin corrects the waiting report on the unit's behalf: the version on screen is no longer current.
      const shown = (await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json;
      const corrected = shown.entries.map((e) => (e.activityId === second!.activity.id ? { ...e, comment: UNIT_ANSWER } : e));
      expect((await api(tokenOf('admin'), 'PUT', API_PATHS.report(OPEN_YEAR, units.ret), { baseVersion: shown.version, entries: corrected, onBehalfReason: ON_BEHALF_REASON })).status).toBe(201);
      await page.getByRole('button', { name: 'Akceptuj…' }).click();
      await page.getByRole('button', { name: 'Tak, akceptuj' }).click();
      const refusal = `Nie zaakceptowano sprawozdania jednostki ${names.get(units.ret)}: oglądasz wersję ${shown.version}, a w międzyczasie zapisano wersję ${shown.version + 1}.`;
      await expect.poll(() => report.getByText(refusal, { exact: false }).count(), { timeout: 10_000 }).toBe(1);
      expect((await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json).toMatchObject({ state: 'submitted', version: shown.version + 1 });
      // The new version is on screen with what changed since the one seen, and MOPS's reason.
      await expect.poll(() => page.getByTestId('changed-since').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Od wersji ${shown.version}, .*zmieniono 1 działanie`));
      expect(await report.getByText(ON_BEHALF_REASON, { exact: false }).count()).toBe(1);
      expect(await overflowing()).toEqual([]);
      await shot('28c-przeglad-decyzja-o-nieaktualnej-wersji-320');
      await page.getByRole('button', { name: 'Akceptuj…' }).click();
      await page.getByRole('button', { name: 'Tak, akceptuj' }).click();
      await expect.poll(() => page.getByText(`Zaakceptowano sprawozdanie: ${names.get(units.ret)}.`).count(), { timeout: 10_000 }).toBe(1);
      expect((await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json).toMatchObject({ state: 'accepted', version: shown.version + 1 });
      // Undo: reopening needs a reason, which the unit then reads.
      await page.getByRole('button', { name: 'Otwórz ponownie…' }).click();
      const reopen = page.getByRole('button', { name: 'Otwórz ponownie', exact: true });
      expect(await reopen.isDisabled()).toBe(true);
      await page.getByLabel('Powód ponownego otwarcia').fill(REOPEN_REASON);
      await reopen.click();
      await expect.poll(() => page.getByText(`Otwarto ponownie sprawozdanie: ${names.get(units.ret)}.`, { exact: false }).count(), { timeout: 10_000 }).toBe(1);
      expect((await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json).toMatchObject({ state: 'draft', reviewComment: REOPEN_REASON });
      await signOut();
    } finally {
      await page.setViewportSize({ width: 420, height: 900 });
    }
  });

  it('the unit sees in its pane that MOPS changed its report, why, and what, and that MOPS reopened it, with the reason; no comment is left open', async () => {
    await openPane(tokenOf('unit_reporter', units.ret));
    const byMops = page.getByTestId('mops-changes');
    await expect.poll(() => byMops.count(), { timeout: 20_000 }).toBe(1);
    const [, second] = (await api<AssignmentsResponse>(tokenOf('reviewer'), 'GET', API_PATHS.assignments(OPEN_YEAR, units.ret))).json.assignments.filter((a) => a.role === 'reporting');
    const text = (await byMops.textContent())!;
    expect(text).toContain('MOPS zmienił Twoje sprawozdanie');
    expect(text).toContain(`powód: ${ON_BEHALF_REASON}`);
    // what changed, at the activity by its name
    expect(text).toContain(`${second!.activity.name} (${second!.activity.id}), komentarz: Nie realizowano w tym roku. → ${UNIT_ANSWER}`);
    expect(await page.getByText('Uwagi weryfikatora do działań').count()).toBe(0);
    // and that MOPS reopened it, with the reason
    expect(await page.getByTestId('reopened-note').textContent()).toBe(`MOPS otworzył ponownie Twoje sprawozdanie — możesz je poprawić i przekazać ponownie. Powód: ${REOPEN_REASON}`);
    await shot('28d-jednostka-widzi-zmiane-mops');
    await signOut();
  });

  it('MOPS uploads a unit\'s template on its behalf: a broken file lists each problem with its sheet and cell, and nothing is saved', async () => {
    await openReportAsReviewer(units.ret);
    await expect.poll(() => page.getByRole('button', { name: 'Prześlij w imieniu jednostki' }).count(), { timeout: 15_000 }).toBe(1);
    const before = (await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json.version;
    // The unit's template as MOPS downloads it, with a status that is not on the list.
    const res = await fetch(server.baseUrl + API_PATHS.template(OPEN_YEAR, units.ret), { headers: { Authorization: `Bearer ${tokenOf('reviewer')}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const statusColumn = UNIT_SHEET_COLUMNS.findIndex((c) => c.key === 'status') + 1;
    wb.getWorksheet(UNIT_SHEET_NAME)!.getCell(2, statusColumn).value = 'prawie gotowe';
    await page.getByLabel('Powód (zobaczy go jednostka)').fill('Dane przesłane e-mailem.');
    await page.locator('input[type=file]').setInputFiles({ name: 'szablon.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.getByRole('button', { name: 'Prześlij w imieniu jednostki' }).click();
    const problems = page.getByTestId('on-behalf-problems');
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBe(1);
    const text = (await problems.textContent())!;
    expect(text).toContain(`Arkusz „${UNIT_SHEET_NAME}”, komórka ${columnLetter(statusColumn - 1)}2`);
    expect(text).toContain('prawie gotowe');
    expect((await api<UnitReport>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.ret))).json.version).toBe(before);
    await shot('28e-przeglad-wpis-w-imieniu-bledy');
    await signOut();
  });

  it('a manager reads a report but cannot decide, and the server refuses with 403', async () => {
    await openPane(tokenOf('manager'));
    await expect.poll(() => page.getByText('kierownictwo (podgląd)', { exact: true }).count(), { timeout: 20_000 }).toBe(1);
    await page.getByLabel('Rok sprawozdawczy').selectOption(String(OPEN_YEAR));
    await page.getByRole('tab', { name: 'Kompletność' }).click();
    const open = page.getByRole('button', { name: `Otwórz sprawozdanie: ${names.get(units.managerSees)}` });
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/może tylko weryfikator MOPS/).count()).toBe(1);
    await open.click();
    await expect.poll(() => page.getByText(/ta rola tylko czyta/).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Akceptuj…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Dodaj uwagę/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Wróć do listy jednostek' }).click();
    // the annex's title block: read, not edited
    expect(await page.getByRole('button', { name: 'Zapisz nagłówek załącznika' }).count()).toBe(0);
    expect(await page.getByLabel('Numer załącznika').getAttribute('readonly')).not.toBeNull();
    await shot('29-kierownik-tylko-podglad');

    const refused = await api<{ code: string; error: string }>(tokenOf('manager'), 'POST', API_PATHS.accept(OPEN_YEAR, units.managerSees), {});
    expect(refused.status).toBe(403);
    const viaClient = await new ApiClient({ baseUrl: server.baseUrl, token: tokenOf('manager') }).returnReport(OPEN_YEAR, units.managerSees, 'próba');
    expect(viaClient.kind).toBe('forbidden');
    expect((await api<{ state: string }>(tokenOf('reviewer'), 'GET', API_PATHS.report(OPEN_YEAR, units.managerSees))).json.state).toBe('submitted');
    await signOut();
  });

  it('never lets its own writes trigger a change handler', async () => {
    expect(await page.evaluate(() => (window as any).__fakeExcel.state.eventsFromAddin)).toBe(0);
  });
});
