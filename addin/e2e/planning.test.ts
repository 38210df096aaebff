/**
 * End-to-end planning in the browser mode (the same React app as the pane) in headless Chromium
 * against the real server. A unit plans its activities in the pane — one after copying last year's measures
 * and with two measures — proposes a new activity and submits; MOPS returns it with a comment; the
 * unit fixes it and submits again; MOPS accepts; the unit reports its figures against the accepted
 * plan and the year's consolidated rows show variance against it. The same form in the browser mode.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { API_PATHS, PLAN_PATHS, PROGRAM_PATHS, type Assignment, type ConsolidatedRow, type PlanPreviousResponse, type UnitPlan } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { launchPaneBrowser, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let year: number;
/** The unit that plans: the fewest activities (at least two), one of them with a plan last year. */
let planner: DemoToken;
let previous: PlanPreviousResponse;

const reviewer = () => server.tokens.find((t) => t.role === 'reviewer')!.token;
async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const activity = (id: string) => page.locator(`[data-activity="${id}"]`);

describe('planning end to end', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-plan-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    const years = await api<{ year: number; status: string; phase?: string }[]>(server.token, 'GET', API_PATHS.years);
    year = (years.find((y) => y.phase === 'planning') ?? years.filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0])!.year;
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

  it('a unit plans in the browser mode, proposes an activity and submits; MOPS returns, the unit fixes, MOPS accepts; figures are compared with the accepted plan', async () => {
    const unit = planner.orgUnitCode!;
    page.on('pageerror', (e) => console.log('PAGEERR', e.message));
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel('Token').fill(planner.token);
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByText(`Plan na ${year} rok`).count(), { timeout: 30_000 }).toBe(1);

    // the first activity: last year's plan beside it, copied, then a second measure
    const [first, ...rest] = previous.activities;
    await expect.poll(() => activity(first!.activityId).getByText(`Plan ${previous.previousYear}:`).count()).toBe(1);
    await activity(first!.activityId).getByRole('button', { name: `Kopiuj miary z ${previous.previousYear} r.` }).click();
    const copied = first!.previousPlan!.measures.length;
    await activity(first!.activityId).getByRole('button', { name: 'Dodaj miarę' }).click();
    const added = activity(first!.activityId).getByText(`Miara ${copied + 1}`, { exact: true }).locator('..');
    await added.getByLabel('rodzaj miary').selectOption('warsztat');
    await added.getByLabel('cel', { exact: true }).fill('12');
    await expect.poll(() => added.getByText('Będzie: 12 warsztatów').count()).toBe(1);
    // every other activity: one measure
    for (const a of rest) {
      await activity(a.activityId).getByRole('button', { name: 'Dodaj miarę' }).click();
      const m = activity(a.activityId).getByText('Miara 1', { exact: true }).locator('..');
      await m.getByLabel('rodzaj miary').selectOption('spotkanie');
      await m.getByLabel('cel', { exact: true }).fill('22');
      await expect.poll(() => m.getByText('Będzie: 22 spotkania').count()).toBe(1);
    }
    // a rule broken in the pane: named before anything is sent
    const m1 = activity(rest[0]!.activityId).getByText('Miara 1', { exact: true }).locator('..');
    await m1.getByLabel('cel', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Zapisz plan' }).click();
    await expect.poll(() => activity(rest[0]!.activityId).getByRole('alert').first().textContent()).toContain('pole „cel” musi być większe od zera');
    await m1.getByLabel('cel', { exact: true }).fill('22');

    await page.getByRole('button', { name: 'Zaproponuj nowe działanie' }).click();
    await page.getByLabel('nazwa działania').fill('Rodzinne warsztaty z pierwszej pomocy');
    await browser.shot('40-plan-formularz');
    await page.getByRole('button', { name: 'Przekaż plan do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    const submitted = await api<UnitPlan>(planner.token, 'GET', PLAN_PATHS.plan(year, unit));
    expect(submitted).toMatchObject({ state: 'submitted', source: 'browser' });
    expect(submitted.entries[0]!.measures).toHaveLength(copied + 1);
    expect(submitted.proposals.map((p) => p.name)).toEqual(['Rodzinne warsztaty z pierwszej pomocy']);

    // MOPS returns it with a comment; the unit sees it, fixes a target and submits again
    await api(reviewer(), 'POST', PLAN_PATHS.return(year, unit), { comment: 'Podnieś cel warsztatów do 15.' });
    await page.reload();
    await page.getByRole('tab', { name: 'Plan' }).click();
    await expect.poll(() => page.getByText('Podnieś cel warsztatów do 15.').count(), { timeout: 30_000 }).toBe(1);
    const again = activity(first!.activityId).getByText(`Miara ${copied + 1}`, { exact: true }).locator('..');
    await again.getByLabel('cel', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Przekaż plan do weryfikacji' }).click();
    await expect.poll(() => page.getByText('Plan przekazano do weryfikacji MOPS.').count(), { timeout: 30_000 }).toBe(1);
    await browser.shot('41-plan-przekazany');

    // MOPS accepts: the plan is the year's plan, the proposal an activity of the program
    expect((await api<UnitPlan>(reviewer(), 'POST', PLAN_PATHS.accept(year, unit), {})).state).toBe('accepted');
    const assignments = (await api<{ assignments: Assignment[] }>(planner.token, 'GET', API_PATHS.assignments(year, unit))).assignments;
    const planned = assignments.find((a) => a.activity.id === first!.activityId)!.plan;
    expect(planned.measures.at(-1)).toMatchObject({ kind: 'warsztat', value: 15 });
    expect(assignments.find((a) => a.activity.name === 'Rodzinne warsztaty z pierwszej pomocy')!.plan.text).toBe(`przedsięwzięcie włączone do Programu w ${year} roku`);

    // MOPS moves the year to reporting (plans lock); the unit reports one figure per planned measure,
    // and variance is against the accepted plan
    const adminToken = server.tokens.find((t) => t.role === 'admin')!.token;
    await api(adminToken, 'POST', PROGRAM_PATHS.yearPhase(year), { from: 'planning', to: 'reporting' });
    const entries = assignments.filter((a) => a.role === 'reporting').map((a) => ({
      activityId: a.activity.id, status: a.plan.measures.length ? 'realized' : 'ongoing',
      actual: { measures: a.plan.measures.map((m) => ({ kind: m.kind, value: m.kind === 'warsztat' ? 6 : m.value, planMeasureId: m.id })) },
      moneySpent: [], comment: a.activity.id === first!.activityId ? 'mniej chętnych' : a.plan.measures.length ? '' : 'w przygotowaniu',
    }));
    const report = await api<UnitPlan>(planner.token, 'GET', API_PATHS.report(year, unit));
    await api(planner.token, 'PUT', API_PATHS.report(year, unit), { baseVersion: report.version, entries });
    const rows = await api<ConsolidatedRow[]>(reviewer(), 'GET', `${API_PATHS.consolidated(year)}?unit=${encodeURIComponent(unit)}`);
    expect(rows.find((r) => r.activityId === first!.activityId && r.measureKind === 'warsztat')).toMatchObject({ plan: 15, actual: 6, ratio: 0.4, band: 'far_below' });
  }, 240_000);
});
