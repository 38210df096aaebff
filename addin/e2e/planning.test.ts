/**
 * End-to-end planning in the task pane: the built pane in headless Chromium at 320 px (office.js
 * answered by fake-office.js) against the real server, in the demo's planning year (2026, started
 * from 2025 by the seed as MOPS starts a year). A unit opens the Plan tab by keyboard, copies last
 * year's measures for one activity and adds a second measure, plans the others (one with a new kind
 * and its plural forms), proposes a new activity, meets a stale version (keeps its typing) and
 * submits; MOPS returns the plan with a comment; the unit's save is refused while a colleague's
 * submission locks it (423, in Polish); MOPS returns it again, the unit fixes it and resubmits;
 * MOPS accepts; the year moves to reporting (the plan tab locks); the unit reports its figures in
 * the sheet and syncs; the 2026 central workbook (.xlsx read back) shows variance against the
 * accepted plan. Every plan state fits 320 px with no horizontal overflow and no serious axe finding.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import {
  API_PATHS, CONSOLIDATED_COLUMNS, CONSOLIDATED_SHEET_NAME, PLAN_PATHS, PROGRAM_PATHS, REPORT_STATUS_LABELS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME,
  UNIT_TABLE_NAME, VARIANCE_BAND_LABELS, columnLetter,
  type Assignment, type PlanPreviousResponse, type UnitPlan, type UnitReport,
} from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { SHOTS, launchPaneBrowser, serveFakeOffice, type PaneBrowser } from './browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PROPOSAL = 'Rodzinne warsztaty z pierwszej pomocy';
const col = (key: string) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key);

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let year: number;
/** The unit that plans: the fewest activities (at least two), the first with a plan last year. */
let planner: DemoToken;
let previous: PlanPreviousResponse;
/** Replies the pane could not read („Serwer odpowiedział w nieoczekiwany sposób”): none expected. */
const contractErrors: string[] = [];

const reviewer = () => server.tokens.find((t) => t.role === 'reviewer')!.token;
const admin = () => server.tokens.find((t) => t.role === 'admin')!.token;
async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const fake = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).__fakeExcel[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const activity = (id: string) => page.locator(`[data-activity="${id}"]`);
const measure = (id: string, n: number) => activity(id).getByText(`Miara ${n}`, { exact: true }).locator('..');
const savePlan = () => page.getByRole('button', { name: 'Zapisz plan' });
const submitPlan = () => page.getByRole('button', { name: 'Przekaż plan do weryfikacji' });

/** The pane at 320 px: nothing past the right edge or cut off sideways, no serious axe finding; a screenshot. */
async function fits320(name: string) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const m = await page.evaluate(() => {
    const vw = window.innerWidth;
    const label = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = [...document.querySelectorAll('body *')].filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
    const beyond = visible.filter((el) => el.getBoundingClientRect().right > vw + 0.5).map(label);
    const clipped = visible.filter((el) => {
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return false;
      const s = getComputedStyle(el);
      return ['hidden', 'clip', 'auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
    }).map(label);
    return { scrollWidth: document.documentElement.scrollWidth, vw, beyond, clipped };
  });
  await page.screenshot({ path: join(SHOTS, `5x-${name}-320.png`), fullPage: true });
  expect(m.vw).toBe(320);
  expect(m.beyond, `${name}: past the right edge`).toEqual([]);
  expect(m.scrollWidth, `${name}: wider than the pane`).toBeLessThanOrEqual(m.vw);
  expect(m.clipped, `${name}: cut off`).toEqual([]);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const serious = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document);
    return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical').map((v: any) => `${v.id}: ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`);
  });
  expect(serious, `${name}: axe`).toEqual([]);
}

/** Opens the pane signed in as the planner (a reload keeps the session) and goes to the Plan tab by keyboard. */
async function openPlanTab() {
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  await expect.poll(async () => (await page.getByLabel('Token').count()) + (await page.getByRole('tab', { name: 'Plan' }).count()), { timeout: 30_000 }).toBeGreaterThan(0);
  if (await page.getByLabel('Token').count()) {
    await page.getByLabel('Token').fill(planner.token);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
  }
  await page.getByRole('tab', { name: 'Sprawozdanie' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.getByRole('tab', { name: 'Plan' }).getAttribute('aria-selected')).toBe('true');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plan');
  await expect.poll(() => page.getByText(`Plan na ${year} rok`).count(), { timeout: 30_000 }).toBe(1);
}

describe('planning in the task pane, end to end', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-plan-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 320, height: 900 });
    await serveFakeOffice(page);
    page.on('pageerror', (e) => console.log('PAGEERR', e.message));
    // A reply that does not match the contract is logged by the client: shown here with its path and issues.
    page.on('console', (m) => {
      if (m.type() === 'error' && m.text().includes('does not match the contract')) void Promise.all(m.args().map((a) => a.jsonValue().catch(() => '?'))).then((v) => contractErrors.push(JSON.stringify(v).slice(0, 2000)));
    });
    // The seed starts the demo's second year from the first, as MOPS does: in planning, last year's activities carried over.
    const years = await api<{ year: number; phase?: string }[]>(reviewer(), 'GET', API_PATHS.years);
    year = years.find((y) => y.phase === 'planning')!.year;
    expect(years.find((y) => y.year === year - 1)?.phase).toBe('reporting');
    const candidates: { token: DemoToken; previous: PlanPreviousResponse }[] = [];
    for (const t of server.tokens.filter((x) => x.role === 'unit_reporter' && x.orgUnitCode)) {
      const p = await api<PlanPreviousResponse>(t.token, 'GET', PLAN_PATHS.previous(year, t.orgUnitCode!));
      if (p.activities.length >= 2 && p.activities[0]!.previousPlan?.measures.length) candidates.push({ token: t, previous: p });
    }
    candidates.sort((a, b) => a.previous.activities.length - b.previous.activities.length);
    ({ token: planner, previous } = candidates[0]!);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('the unit plans in the pane: last year copied and a second measure, a new kind with its forms, a proposal; a stale save keeps the typing; submitted', async () => {
    const unit = planner.orgUnitCode!;
    await openPlanTab();
    const [first, second, ...rest] = previous.activities;

    // Last year's plan and what was done stand beside the activity; its measures are copied, then one more.
    await expect.poll(() => activity(first!.activityId).getByText(`Plan ${previous.previousYear}:`, { exact: false }).count()).toBe(1);
    expect(await activity(first!.activityId).getByText(`Wykonanie ${previous.previousYear}`, { exact: false }).count()).toBe(1);
    await activity(first!.activityId).getByRole('button', { name: `Kopiuj miary z ${previous.previousYear} r.` }).click();
    const copied = first!.previousPlan!.measures.length;
    await expect.poll(() => activity(first!.activityId).getByText(/^Miara \d+$/).count()).toBe(copied);
    await activity(first!.activityId).getByRole('button', { name: 'Dodaj miarę' }).click();
    const added = measure(first!.activityId, copied + 1);
    await added.getByLabel('rodzaj miary').selectOption('warsztat');
    await added.getByLabel('cel', { exact: true }).fill('12');
    await expect.poll(() => added.getByText('Będzie: 12 warsztatów').count()).toBe(1);

    // The second activity: a kind outside the vocabulary, proposed with its three forms; the right one is shown.
    await activity(second!.activityId).getByRole('button', { name: 'Dodaj miarę' }).click();
    const fresh = measure(second!.activityId, 1);
    await fresh.getByLabel('rodzaj miary').selectOption({ label: 'nowy rodzaj (spoza słownika)…' });
    await fresh.getByLabel(/forma dla 1/).fill('piknik');
    await fresh.getByLabel(/forma dla 2–4/).fill('pikniki');
    await fresh.getByLabel(/forma dla 5 i więcej/).fill('pikników');
    await fresh.getByLabel('cel', { exact: true }).fill('3');
    await expect.poll(() => fresh.getByText('Będzie: 3 pikniki', { exact: true }).count()).toBe(1);
    await fresh.getByLabel(/^opis miary/).fill('w parkach miejskich');
    await expect.poll(() => fresh.getByText('Będzie: 3 pikniki w parkach miejskich').count()).toBe(1);
    await activity(second!.activityId).getByLabel(/^wskaźniki rezultatów/).fill('3 pikniki rodzinne w parkach miejskich');
    for (const a of rest) {
      await activity(a.activityId).getByRole('button', { name: 'Dodaj miarę' }).click();
      await measure(a.activityId, 1).getByLabel('rodzaj miary').selectOption('spotkanie');
      await measure(a.activityId, 1).getByLabel('cel', { exact: true }).fill('22');
    }

    // A broken rule is named at its activity before anything is sent.
    await fresh.getByLabel('cel', { exact: true }).fill('0');
    await savePlan().click();
    await expect.poll(() => activity(second!.activityId).getByRole('alert').first().textContent()).toContain('pole „cel” musi być większe od zera');
    expect((await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit))).version).toBe(0);
    await fresh.getByLabel('cel', { exact: true }).fill('3');
    // Once shown, the problems follow the typing: the fixed target's message goes at once.
    await expect.poll(() => activity(second!.activityId).getByRole('alert').count()).toBe(0);
    expect(await page.getByText('Popraw plan:').count()).toBe(0);

    await page.getByRole('button', { name: 'Zaproponuj nowe działanie' }).click();
    await page.getByLabel('nazwa działania').fill(PROPOSAL);
    await fits320('plan-formularz');
    await savePlan().click();
    await expect.poll(() => page.getByText('Zapisano plan (wersja 1).').count(), { timeout: 30_000 }).toBe(1);

    // A colleague saves from another computer; the pane's next save meets the newer version and keeps what was typed.
    const v1 = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    await api(planner.token, 'PUT', PLAN_PATHS.plan(year, unit), { baseVersion: 1, entries: v1.entries.map((e) => ({ ...e, description: 'Opis kolegi' })), proposals: v1.proposals });
    await added.getByLabel('cel', { exact: true }).fill('14');
    await savePlan().click();
    await expect.poll(() => page.getByText('Ktoś zapisał nowszą wersję planu (2).').count(), { timeout: 30_000 }).toBe(1);
    expect(await added.getByLabel('cel', { exact: true }).inputValue()).toBe('14');
    await fits320('plan-konflikt');
    await page.getByRole('button', { name: 'Zapisz moje zmiany' }).click();
    await expect.poll(() => page.getByText('Zapisano plan (wersja 3).').count(), { timeout: 30_000 }).toBe(1);

    await submitPlan().click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    const submitted = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    expect(submitted).toMatchObject({ state: 'submitted', source: 'addin', version: 3 });
    const byId = new Map(submitted.entries.map((e) => [e.activityId, e]));
    expect(byId.get(first!.activityId)!.measures).toHaveLength(copied + 1);
    expect(byId.get(first!.activityId)!.measures.at(-1)).toMatchObject({ kind: 'warsztat', value: 14 });
    expect(byId.get(second!.activityId)).toMatchObject({ description: '3 pikniki rodzinne w parkach miejskich', measures: [{ kind: 'piknik', qualifier: 'w parkach miejskich', value: 3, proposedForms: { one: 'piknik', few: 'pikniki', many: 'pikników' } }] });
    expect(submitted.proposals.map((p) => p.name)).toEqual([PROPOSAL]);
    // Handed over: the plan reads as sentences, not greyed-out fields.
    await expect.poll(() => activity(first!.activityId).getByText(/^Plan: .*14 warsztatów$/).count()).toBe(1);
    expect(await activity(second!.activityId).getByText('Plan: 3 pikniki w parkach miejskich', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await fits320('plan-przekazany');
  }, 300_000);

  it('MOPS returns it with a comment; a save after a colleague submitted is refused in Polish (423); returned again, fixed and resubmitted', async () => {
    const unit = planner.orgUnitCode!;
    const first = previous.activities[0]!;
    const copied = first.previousPlan!.measures.length;
    await api(reviewer(), 'POST', PLAN_PATHS.return(year, unit), { comment: 'Podnieś cel warsztatów do 15.' });
    await openPlanTab();
    await expect.poll(() => page.getByText('Podnieś cel warsztatów do 15.').count(), { timeout: 30_000 }).toBe(1);
    await fits320('plan-zwrocony');

    // A colleague hands the returned version in from another computer while the pane still shows the form.
    const returned = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    await api(planner.token, 'POST', PLAN_PATHS.submit(year, unit), { version: returned.version });
    await measure(first.activityId, copied + 1).getByLabel('cel', { exact: true }).fill('15');
    await savePlan().click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => savePlan().count()).toBe(0); // read-only now
    expect((await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit))).version).toBe(returned.version);

    await api(reviewer(), 'POST', PLAN_PATHS.return(year, unit), { comment: 'Podnieś cel warsztatów do 15.' });
    await openPlanTab();
    await expect.poll(() => savePlan().count(), { timeout: 30_000 }).toBe(1);
    await measure(first.activityId, copied + 1).getByLabel('cel', { exact: true }).fill('15');
    await submitPlan().click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    const resubmitted = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    expect(resubmitted.state).toBe('submitted');
    expect(resubmitted.entries.find((e) => e.activityId === first.activityId)!.measures.at(-1)).toMatchObject({ kind: 'warsztat', value: 15 });
  }, 240_000);

  it('MOPS accepts, the year moves to reporting (the plan locks); the unit reports in the sheet; the central workbook shows variance against the accepted plan', async () => {
    const unit = planner.orgUnitCode!;
    const first = previous.activities[0]!;
    expect((await api<UnitPlan>(reviewer(), 'POST', PLAN_PATHS.accept(year, unit), {})).state).toBe('accepted');
    const assignments = (await api<{ assignments: Assignment[] }>(planner.token, 'GET', API_PATHS.assignments(year, unit))).assignments;
    expect(assignments.find((a) => a.activity.name === PROPOSAL)!.plan.text).toBe(`przedsięwzięcie włączone do Programu w ${year} roku`);
    await api(admin(), 'POST', PROGRAM_PATHS.yearPhase(year), { from: 'planning', to: 'reporting' });

    await openPlanTab();
    await expect.poll(() => page.getByText('Rok jest już w fazie sprawozdawczej: plany są zablokowane.').count(), { timeout: 30_000 }).toBe(1);
    expect(await savePlan().count()).toBe(0);
    expect(await activity(first.activityId).getByText(/^Plan: .*15 warsztatów$/).count()).toBe(1);
    await fits320('plan-zablokowany');

    // The report tab: the sheet lists the accepted plan's measures; the unit types its figures in Excel and syncs.
    await page.getByRole('tab', { name: 'Sprawozdanie' }).click();
    await expect.poll(() => page.getByText(`Sprawozdanie za ${year} r.`, { exact: false }).count(), { timeout: 60_000 }).toBe(1).catch(async (e) => {
      throw new Error(`${e.message}\n${await page.locator('body').innerText()}`);
    });
    await page.getByRole('button', { name: 'Przygotuj arkusz' }).click();
    await expect.poll(() => page.getByText(/Arkusz „Sprawozdanie” ma \d+ wiersz/).count(), { timeout: 60_000 }).toBe(1);
    const rows = await fake<(string | number)[][]>('tableValues', UNIT_TABLE_NAME);
    const cell = (key: string, i: number) => `${columnLetter(col(key))}${i + 2}`;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const planned = typeof r[col('plan')] === 'number';
      if (planned) {
        const actual = r[col('activityId')] === first.activityId && r[col('plan')] === 15 ? 6 : (r[col('plan')] as number);
        await fake('userEdit', UNIT_SHEET_NAME, cell('actual', i), [[actual]]);
      }
      if (r[col('line')] === 1) await fake('userEdit', UNIT_SHEET_NAME, cell('status', i), [[planned ? REPORT_STATUS_LABELS.realized : REPORT_STATUS_LABELS.ongoing]]);
      if (r[col('line')] === 1 && r[col('activityId')] === first.activityId) await fake('userEdit', UNIT_SHEET_NAME, cell('comment', i), [['Mniej chętnych niż w planie.']]);
      if (r[col('line')] === 1 && !planned) await fake('userEdit', UNIT_SHEET_NAME, cell('comment', i), [['Pierwsze warsztaty w marcu, kolejne co miesiąc.']]);
    }
    await expect.poll(() => page.getByText('Brak problemów w arkuszu').count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 60_000 }).toBe(1).catch(async (e) => {
      throw new Error(`${e.message}\n${await page.locator('main').innerText()}`);
    });
    await browser.shot('5x-sprawozdanie-po-planie-320');
    const report = await api<UnitReport>(planner.token, 'GET', API_PATHS.report(year, unit));
    expect(report.version).toBeGreaterThan(0);

    // The year's central workbook, read back: the workshop measure against its accepted target of 15.
    const res = await fetch(server.baseUrl + API_PATHS.workbook(year), { headers: { Authorization: `Bearer ${reviewer()}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet(CONSOLIDATED_SHEET_NAME)!;
    const at = (key: string) => CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key) + 1;
    const value = (row: ExcelJS.Row, key: string) => {
      const v = row.getCell(at(key)).value as unknown;
      return v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v;
    };
    const lines: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => { if (n > 1 && value(row, 'activityId') === first.activityId) lines.push(row); });
    const workshop = lines.find((row) => value(row, 'plan') === 15)!;
    expect(workshop, `no row of ${first.activityId} with the plan 15`).toBeDefined();
    expect(String(value(workshop, 'measureKind'))).toMatch(/^warsztat/);
    expect(value(workshop, 'actual')).toBe(6);
    expect(value(workshop, 'difference')).toBe(-9);
    expect(value(workshop, 'ratio')).toBeCloseTo(0.4);
    expect(value(workshop, 'band')).toBe(VARIANCE_BAND_LABELS.far_below);
    // The copied measures were done as planned.
    const copiedRows = lines.filter((row) => row !== workshop && typeof value(row, 'plan') === 'number');
    expect(copiedRows.length).toBe(first.previousPlan!.measures.length);
    for (const row of copiedRows) expect(value(row, 'ratio')).toBeCloseTo(1);
    // The accepted new kind („piknik”) is read everywhere the pane reads the year (assignments, report).
    expect(contractErrors).toEqual([]);
  }, 300_000);
});
