/**
 * End-to-end: the planning journey in the browser mode with the plan template, in headless
 * Chromium against the real server. A unit downloads its plan template, fills it with exceljs as a
 * person would (last year's measures copied from beside, a second measure, Polish numbers as text),
 * uploads a broken file and sees each problem at its sheet and cell, uploads the fixed one and
 * submits; MOPS opens the plan in the review mode and returns it with a comment; the unit sees the
 * comment, fixes the file and resubmits; MOPS accepts after a confirmation; the year moves to
 * reporting and the unit's plan is locked (the form read-only, the file refused). MOPS enters a
 * late unit's plan from its sheet of plans, audited as its entry.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import {
  API_PATHS, PLAN_PATHS, PLAN_SHEET_NAME, PROGRAM_PATHS, planSheetColumns,
  type PlanHistory, type PlanPreviousResponse, type PlanSheetColumnKey, type UnitPlan,
} from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { launchPaneBrowser, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let year: number;
/** The unit that plans: the fewest activities (at least two), the first with a plan last year. */
let planner: DemoToken;
let previous: PlanPreviousResponse;
/** A unit that plans nothing itself: MOPS enters its plan from the sheet of plans. */
let late: DemoToken;

const token = (role: string) => server.tokens.find((t) => t.role === role)!.token;
async function api<T>(bearer: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(bearer: string) {
  await page.goto(`${server.baseUrl}/`);
  await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
  await page.getByLabel('Token').fill(bearer);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Wyloguj' }).count(), { timeout: 30_000 }).toBe(1);
}
async function signOut() {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
}

/** MOPS signs in and opens the plans of the planning year (once the page's default year has settled). */
async function reviewerPlans() {
  await signIn(token('reviewer'));
  await expect.poll(() => page.getByText('Kompletność sprawozdań').count(), { timeout: 30_000 }).toBe(1);
  await page.getByLabel('Wybierz rok').selectOption(String(year));
  await page.getByRole('tab', { name: 'Plany' }).click();
  await expect.poll(() => page.getByText(`Plany jednostek na ${year} rok`).count(), { timeout: 30_000 }).toBe(1);
}

/** Clicks a download button and returns the file. */
async function downloaded(button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFileSync((await file.path())!);
}
async function uploadFile(file: Buffer, name: string, button: string) {
  await page.locator('input[type=file]').first().setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
  await page.getByRole('button', { name: button }).click();
}

const columns = () => planSheetColumns(year);
const col = (key: PlanSheetColumnKey) => columns().findIndex((c) => c.key === key) + 1;
function rowsOf(ws: Worksheet, activityId: string, unit?: string): number[] {
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col('activityId')).value === activityId && (!unit || ws.getCell(r, col('orgUnitCode')).value === unit)) rows.push(r);
  }
  return rows;
}
async function edit(file: Buffer, change: (ws: Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  change(wb.getWorksheet(PLAN_SHEET_NAME)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('planning with the plan template in the browser mode', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-plan-template-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
    const years = await api<{ year: number; phase: string }[]>(server.token, 'GET', API_PATHS.years);
    year = years.find((y) => y.phase === 'planning')!.year;
    const candidates: { token: DemoToken; previous: PlanPreviousResponse }[] = [];
    for (const t of server.tokens.filter((x) => x.role === 'unit_reporter' && x.orgUnitCode)) {
      const p = await api<PlanPreviousResponse>(t.token, 'GET', PLAN_PATHS.previous(year, t.orgUnitCode!));
      if (p.activities.length >= 2 && p.activities[0]!.previousPlan?.measures.length) candidates.push({ token: t, previous: p });
    }
    candidates.sort((a, b) => a.previous.activities.length - b.previous.activities.length);
    ({ token: planner, previous } = candidates[0]!);
    late = candidates[1]!.token;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('download, fill, upload, submit; MOPS returns with a comment; the unit fixes and resubmits; MOPS accepts; the year reports and the plan is locked', async () => {
    const unit = planner.orgUnitCode!;
    const [first, ...rest] = previous.activities;
    const lastYear = first!.previousPlan!.measures;
    await signIn(planner.token);
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByText(`Plan na ${year} rok`).count(), { timeout: 30_000 }).toBe(1);

    const template = await downloaded('Pobierz szablon planu');
    // last year's plan stands beside the first activity, read-only
    const blank = new ExcelJS.Workbook();
    await blank.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = blank.getWorksheet(PLAN_SHEET_NAME)!;
    const firstRow = rowsOf(sheet, first!.activityId)[0]!;
    expect(String(sheet.getCell(firstRow, col('previousPlan')).value)).toMatch(/\d/);
    expect(sheet.getCell(firstRow, col('previousPlan')).protection?.locked).not.toBe(false);

    /** The plan as the clerk types it: last year's measures copied, a workshop target typed as text, one measure for the rest. */
    const fill = (workshops: string, broken = false) => edit(template, (ws) => {
      const rows = rowsOf(ws, first!.activityId);
      lastYear.forEach((m, i) => {
        ws.getCell(rows[i]!, col('kind')).value = m.kind;
        if (m.qualifier) ws.getCell(rows[i]!, col('qualifier')).value = m.qualifier;
        ws.getCell(rows[i]!, col('value')).value = m.value;
      });
      ws.getCell(rows[lastYear.length]!, col('kind')).value = 'warsztat';
      ws.getCell(rows[lastYear.length]!, col('value')).value = workshops;
      for (const a of rest) {
        const r = rowsOf(ws, a.activityId)[0]!;
        ws.getCell(r, col('kind')).value = 'spotkanie';
        ws.getCell(r, col('value')).value = broken ? 0 : '22';
      }
    });

    // a broken file: every problem at its sheet and cell, nothing saved
    await uploadFile(await fill('12', true), `plan-${year}.xlsx`, 'Wyślij plan');
    const result = page.getByTestId('plan-upload-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Plan z pliku nie został zapisany');
    const brokenRow = rowsOf(sheet, rest[0]!.activityId)[0]!;
    expect(await result.textContent()).toContain(`Arkusz „Plan”, komórka H${brokenRow} (kolumna „Cel ${year}”): Działanie ${rest[0]!.activityId}, miara 1 („spotkanie”): pole „cel” musi być większe od zera (wpisano 0)`);
    await browser.shot('50-plan-szablon-bledy');
    expect((await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit))).version).toBe(0);

    await uploadFile(await fill('12'), `plan-${year}.xlsx`, 'Wyślij plan');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('Zapisano plan z pliku — wersja 1.');
    // the form below reads the saved plan: the workshop target is there
    await expect.poll(() => page.locator(`[data-activity="${first!.activityId}"]`).getByText('Będzie: 12 warsztatów').count(), { timeout: 30_000 }).toBe(1);
    const saved = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    expect(saved).toMatchObject({ version: 1, source: 'upload', state: 'draft' });
    expect(saved.entries[0]!.measures.map((m) => [m.kind, m.value])).toEqual([...lastYear.map((m) => [m.kind, m.value]), ['warsztat', 12]]);
    await page.getByRole('button', { name: 'Przekaż plan do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    await signOut();

    // MOPS: plan completeness by unit, the plan opened read-only, returned with a comment
    await reviewerPlans();
    const row = page.locator(`[data-unit="${unit}"]`);
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('przekazane');
    await browser.shot('51-plany-kompletnosc');
    await row.getByRole('button', { name: /Otwórz plan/ }).click();
    const view = page.locator(`[data-plan-unit="${unit}"]`);
    await expect.poll(() => view.locator(`[data-activity="${first!.activityId}"]`).textContent(), { timeout: 30_000 }).toContain('12 warsztatów');
    expect(await view.getByRole('textbox').count()).toBe(1); // only the comment: the plan itself is read-only
    await view.getByLabel('Komentarz dla jednostki (wymagany przy zwrocie)').fill('Podnieś cel warsztatów do 15.');
    await browser.shot('52-plan-weryfikacja');
    await view.getByRole('button', { name: 'Zwróć do poprawy' }).click();
    await expect.poll(() => view.getByText(`Plan jednostki ${unit} zwrócono do poprawy z komentarzem.`).count(), { timeout: 30_000 }).toBe(1);
    await signOut();

    // the unit sees the comment, fixes the file and resubmits
    await signIn(planner.token);
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByText('Podnieś cel warsztatów do 15.').count(), { timeout: 30_000 }).toBe(1);
    await browser.shot('53-plan-zwrocony');
    const again = await downloaded('Pobierz szablon planu');
    const fixed = await edit(again, (ws) => {
      const rows = rowsOf(ws, first!.activityId);
      expect(ws.getCell(rows[lastYear.length]!, col('value')).value).toBe(12);
      ws.getCell(rows[lastYear.length]!, col('value')).value = '15';
    });
    await uploadFile(fixed, `plan-${year}.xlsx`, 'Wyślij plan');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toMatch(/Zapisano plan z pliku — wersja \d+\./);
    await expect.poll(() => page.locator(`[data-activity="${first!.activityId}"]`).getByText('Będzie: 15 warsztatów').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Przekaż plan do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    await signOut();

    // MOPS accepts after a confirmation
    await reviewerPlans();
    await row.getByRole('button', { name: /Otwórz plan/ }).click();
    await expect.poll(() => view.locator(`[data-activity="${first!.activityId}"]`).textContent(), { timeout: 30_000 }).toContain('15 warsztatów');
    await view.getByRole('button', { name: 'Akceptuj plan' }).click();
    await expect.poll(() => page.getByRole('dialog').getByText('Zaakceptować plan?').count()).toBe(1);
    await page.getByRole('dialog').getByRole('button', { name: 'Akceptuj', exact: true }).click();
    await expect.poll(() => view.getByText(`Plan jednostki ${unit} zaakceptowano.`).count(), { timeout: 30_000 }).toBe(1);
    await view.getByRole('button', { name: 'Wróć do listy planów' }).click();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('zaakceptowane');
    const assignments = (await api<{ assignments: { activity: { id: string }; plan: { measures: { kind: string; value: number }[] } }[] }>(planner.token, 'GET', API_PATHS.assignments(year, unit))).assignments;
    expect(assignments.find((a) => a.activity.id === first!.activityId)!.plan.measures.at(-1)).toMatchObject({ kind: 'warsztat', value: 15 });
    await signOut();

    // the year moves to reporting: the unit's plan is locked — the form read-only, the file refused
    await api(token('admin'), 'POST', PROGRAM_PATHS.yearPhase(year), { from: 'planning', to: 'reporting' });
    await signIn(planner.token);
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByText(`Plan na ${year} rok`).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('button', { name: 'Zapisz plan' }).count()).toBe(0);
    await expect.poll(() => page.getByText('Plan jest przekazany lub zaakceptowany — zmiany są możliwe po zwrocie albo ponownym otwarciu przez MOPS.').count(), { timeout: 30_000 }).toBe(2);
    expect(await page.getByRole('button', { name: 'Wyślij plan' }).isDisabled()).toBe(true);
    expect(await page.locator('input[type=file]').isDisabled()).toBe(true);
    // the server refuses it all the same (423, in Polish)
    const refused = await fetch(server.baseUrl + PLAN_PATHS.upload(year, unit), { method: 'POST', headers: { Authorization: `Bearer ${planner.token}` }, body: (() => { const f = new FormData(); f.append('file', new Blob([new Uint8Array(fixed)]), 'plan.xlsx'); return f; })() });
    expect(refused.status).toBe(423);
    expect(((await refused.json()) as { error: string }).error).toContain('Plan został zaakceptowany i jest zablokowany');
    await browser.shot('54-plan-zablokowany');
    await signOut();
  }, 420_000);

  it('MOPS enters a late unit’s plan from the sheet of plans, accepted at once and audited as MOPS’s entry', async () => {
    const unit = late.orgUnitCode!;
    const activities = (await api<PlanPreviousResponse>(late.token, 'GET', PLAN_PATHS.previous(year, unit))).activities;
    await reviewerPlans();
    const sheet = await downloaded('Pobierz arkusz planów');
    const filled = await edit(sheet, (ws) => {
      for (const a of activities) {
        const r = rowsOf(ws, a.activityId, unit)[0]!;
        ws.getCell(r, col('kind')).value = 'osoba';
        ws.getCell(r, col('value')).value = '1 200';
      }
    });
    await page.getByLabel('od razu zaakceptuj wprowadzone plany').check();
    await uploadFile(filled, `plany-${year}.xlsx`, 'Wyślij arkusz planów');
    await expect.poll(() => page.getByTestId('plan-upload-result').textContent(), { timeout: 60_000 }).toContain('Wprowadzono plany 1 jednostki jako wpis MOPS.');
    await expect.poll(() => page.locator(`[data-unit="${unit}"]`).textContent(), { timeout: 30_000 }).toContain('zaakceptowane');
    await browser.shot('55-plany-arkusz-mops');
    const history = await api<PlanHistory>(token('reviewer'), 'GET', PLAN_PATHS.history(year, unit));
    expect(history.versions).toEqual([expect.objectContaining({ source: 'mops_import', savedBy: expect.stringMatching(/./) })]);
    expect(history.events.map((e) => e.action)).toEqual(['accepted']);
  }, 240_000);
});
