/**
 * End-to-end, as MOPS's admin in the browser mode against the real server (headless Chromium): the
 * „Program i lata” page lists the program periods (the demo one labelled „Dane demonstracyjne”) with
 * their years in their phases; the admin moves 2026 to reporting after a confirmation, undoes it with a
 * reason (refused without one), meets another admin's move as a Polish 409 and then sees the year as it
 * is; starting a year that exists or that no program covers is refused in Polish; 2027 starts from
 * 2026 with what carries over shown and one ended activity picked — the server then has it, and not
 * the ended ones left unpicked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { API_PATHS, MSG, PLAN_PATHS, PROGRAM_PATHS, type PlanPreviousResponse } from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { launchPaneBrowser, type PaneBrowser } from './browser.ts';

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
/** A unit whose 2026 plan MOPS entered and accepted: it reports in 2026. */
let planned: { reporter: DemoToken; own: string[] } | null = null;
const t = MSG.program.admin;
const phase = MSG.program.phase;

const adminToken = () => server.tokens.find((x) => x.role === 'admin')!.token;
const yearCard = (year: number) => page.locator(`li[data-year="${year}"]`);
const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(server.baseUrl + path, {
    method, headers: { Authorization: `Bearer ${adminToken()}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() as unknown };
};
const phaseOf = async (year: number) => ((await api('GET', PROGRAM_PATHS.yearPhase(year))).body as { phase: string }).phase;

/** The page at 1280 px and at 320 px (nothing wider than the window), as PNGs in SHOTS. */
async function shots(name: string) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    // the elements reaching past the window, named, when something does
    const wide = await page.evaluate((w) => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${String(e.className).split(' ')[0]}: ${(e.textContent ?? '').slice(0, 40)}`).slice(0, 5), width);
    expect(wide).toEqual([]);
    await browser.shot(`${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('program periods and years page end to end (admin in the browser)', () => {
  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-program-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('lists the periods, the demo one labelled, with the years in their phases and deadlines', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 30_000 }).toBe(1);
    await page.getByLabel('Token').fill(adminToken());
    await page.getByRole('button', { name: 'Zaloguj' }).click();
    await page.getByRole('tab', { name: t.nav }).click();
    await expect.poll(() => page.getByRole('heading', { name: t.title }).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => yearCard(2026).count(), { timeout: 15_000 }).toBe(1);

    const demo = page.locator('li[data-program="PWR-2025-2027-DEMO"]');
    expect(await demo.getByText(MSG.program.demoBadge, { exact: true }).count()).toBe(1);
    expect(await demo.textContent()).toContain(t.period(2025, 2027));
    const real = page.locator('li[data-program]').filter({ hasNot: page.getByText(MSG.program.demoBadge, { exact: true }) });
    expect(await real.count()).toBe(1);
    expect(await real.locator('li[data-year="2024"]').count()).toBe(1);
    expect(await yearCard(2024).textContent()).toContain(phase.closed);
    expect(await yearCard(2025).textContent()).toContain(phase.reporting);
    expect(await yearCard(2026).textContent()).toContain(phase.planning);
    expect(await yearCard(2026).textContent()).toContain(`${t.planningDeadline}: 31 grudnia 2026`);
    expect(await yearCard(2026).textContent()).toContain(`${t.reportingDeadline}: 31 marca 2027`);
    // a closed year has no next phase and, started closed, nothing to undo
    expect(await yearCard(2024).getByRole('button', { name: /Przejdź do fazy/ }).count()).toBe(0);
    expect(await yearCard(2024).getByRole('button', { name: t.undo }).count()).toBe(0);
    await shots('60-program-lata');
  });

  it('moves 2026’s reporting deadline; a closed year’s deadlines stay as they were', async () => {
    expect(await yearCard(2024).getByRole('button', { name: t.editDeadlines }).count()).toBe(0);
    await yearCard(2026).getByRole('button', { name: t.editDeadlines }).click();
    await yearCard(2026).getByLabel(t.reportingDeadline).fill('2027-04-30');
    await yearCard(2026).getByRole('button', { name: t.saveDeadlines }).click();
    await expect.poll(() => page.getByText(t.deadlinesSaved(2026)).count(), { timeout: 15_000 }).toBe(1);
    expect(await yearCard(2026).textContent()).toContain(`${t.reportingDeadline}: 30 kwietnia 2027`);
    expect(await yearCard(2026).textContent()).toContain(`${t.planningDeadline}: 31 grudnia 2026`);
    const years = (await api('GET', API_PATHS.years)).body as { year: number; deadline: string; planningDeadline: string }[];
    expect(years.find((y) => y.year === 2026)).toMatchObject({ deadline: '2027-04-30', planningDeadline: '2026-12-31' });
  });

  it('moves 2026 to reporting after a confirmation; the move is in its history', async () => {
    await yearCard(2026).getByRole('button', { name: t.moveTo(phase.reporting) }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(t.confirmMove(2026, phase.planning, phase.reporting));
    await browser.shot('61-program-zmiana-fazy');
    await dialog.getByRole('button', { name: t.cancel }).click();
    expect(await phaseOf(2026)).toBe('planning');

    await yearCard(2026).getByRole('button', { name: t.moveTo(phase.reporting) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.moveTo(phase.reporting) }).click();
    await expect.poll(() => page.getByText(t.moved(2026, phase.reporting)).count(), { timeout: 15_000 }).toBe(1);
    expect(await phaseOf(2026)).toBe('reporting');
    expect(await yearCard(2026).textContent()).toContain(phase.reporting);
    await yearCard(2026).getByRole('button', { name: t.history }).click();
    await expect.poll(() => yearCard(2026).getByText(new RegExp(`^${t.event.advanced(phase.planning, phase.reporting)} — .*Administrator`)).count(), { timeout: 15_000 }).toBe(1);
  });

  it('undoes the move only with a reason, which the history keeps', async () => {
    await yearCard(2026).getByRole('button', { name: t.undo }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: t.undo }).click();
    await expect.poll(() => dialog.getByText(MSG.program.schema.reasonRequired).count(), { timeout: 5_000 }).toBe(1);
    expect(await phaseOf(2026)).toBe('reporting');
    await dialog.getByLabel(t.undoReason).fill('Za wcześnie — jednostki jeszcze planują');
    await browser.shot('62-program-cofniecie');
    await dialog.getByRole('button', { name: t.undo }).click();
    await expect.poll(() => page.getByText(t.undone(2026, phase.planning)).count(), { timeout: 15_000 }).toBe(1);
    expect(await phaseOf(2026)).toBe('planning');
    await expect.poll(() => yearCard(2026).getByText(/powód: Za wcześnie — jednostki jeszcze planują/).count(), { timeout: 15_000 }).toBe(1);
    // back in the phase it started in: nothing left to undo
    expect(await yearCard(2026).getByRole('button', { name: t.undo }).count()).toBe(0);
    await shots('63-program-historia');
  });

  it('another admin moved the year meanwhile: a Polish 409, then the page shows the year as it is', async () => {
    // meanwhile MOPS also entered and accepted one unit's 2026 plan (so it can report in 2026 below)
    for (const r of server.tokens.filter((x) => x.role === 'unit_reporter' && x.orgUnitCode)) {
      const prev = (await (await fetch(server.baseUrl + PLAN_PATHS.previous(2026, r.orgUnitCode!), { headers: { Authorization: `Bearer ${r.token}` } })).json()) as PlanPreviousResponse;
      const own = prev.activities.filter((a) => a.activity.responsibleUnits.some((u) => u.role === 'reporting' && u.orgUnitCode === r.orgUnitCode)).map((a) => a.activityId);
      if (own.length < 2) continue;
      const bulk = { plans: [{ orgUnitCode: r.orgUnitCode, entries: own.map((activityId) => ({ activityId, measures: [], description: 'wg potrzeb' })) }], accept: true };
      const saved = await api('PUT', PLAN_PATHS.bulk(2026), bulk);
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      planned = { reporter: r, own };
      break;
    }
    expect((await api('POST', PROGRAM_PATHS.yearPhase(2026), { from: 'planning', to: 'reporting' })).status).toBe(200);
    await yearCard(2026).getByRole('button', { name: t.moveTo(phase.reporting) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.moveTo(phase.reporting) }).click();
    await expect.poll(() => page.getByText(MSG.program.api.phaseConflict(2026, phase.planning, phase.reporting)).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => yearCard(2026).getByRole('button', { name: t.moveTo(phase.closed) }).count(), { timeout: 15_000 }).toBe(1);
    expect(await phaseOf(2026)).toBe('reporting');
  });

  it('refuses to start a year that exists (409) or that no program covers (422), in Polish', async () => {
    const form = page.locator('section[aria-labelledby="start-year-title"]');
    await form.getByLabel(t.startYear).fill('2026');
    await form.getByRole('button', { name: t.preview }).click();
    await expect.poll(() => form.getByText(MSG.program.api.yearExists(2026)).count(), { timeout: 15_000 }).toBe(1);
    await form.getByLabel(t.startYear).fill('2031');
    await form.getByRole('button', { name: t.preview }).click();
    await expect.poll(() => form.getByText(MSG.program.api.noProgramFor(2031)).count(), { timeout: 15_000 }).toBe(1);
    await form.getByLabel(t.startYear).fill('20x7');
    await form.getByRole('button', { name: t.preview }).click();
    await expect.poll(() => form.getByText(t.badYear).count(), { timeout: 5_000 }).toBe(1);
  });

  it('starts 2027 from 2026: running activities carry over with their units, a picked ended one too, plans empty', async () => {
    // a unit reports in 2026 that one of its activities ended and another was cancelled
    const { reporter, own } = planned!;
    const entries = [{ activityId: own[0], status: 'ended' }, { activityId: own[1], status: 'cancelled' }]
      .map((e) => ({ ...e, actual: { measures: [] }, moneySpent: [], comment: 'realizacja przedsięwzięcia została zakończona' }));
    const saved = await fetch(server.baseUrl + API_PATHS.report(2026, reporter.orgUnitCode!), {
      method: 'PUT', headers: { Authorization: `Bearer ${reporter.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ baseVersion: 0, entries }),
    });
    expect(saved.status, await saved.clone().text()).toBe(201);

    const form = page.locator('section[aria-labelledby="start-year-title"]');
    await form.getByLabel(t.startYear).fill('2027');
    await form.getByLabel(t.reportingDeadline).fill('2028-03-31');
    await form.getByRole('button', { name: t.preview }).click();
    await expect.poll(() => form.getByText(/^Przejdą do nowego roku \(\d+\)$/).count(), { timeout: 15_000 }).toBe(1);
    const carried = form.locator('ul[aria-labelledby="carried-title"] > li');
    const notCarried = form.locator('ul[aria-labelledby="not-carried-title"] > li');
    expect(await carried.count()).toBeGreaterThan(100);
    // each with its reporting unit by name
    expect(await carried.first().textContent()).toMatch(/sprawozdaje: Miejski Ośrodek Pomocy Społecznej \(MOPS\/[A-Z/0-9]+\)/);
    expect(await notCarried.count()).toBe(2);
    expect(await form.textContent()).toContain(t.fromYear(2026, 'PWR-2025-2027-DEMO'));
    const picked = (await notCarried.first().getAttribute('data-activity'))!;
    const left = (await notCarried.nth(1).getAttribute('data-activity'))!;
    expect(await notCarried.first().textContent()).toMatch(/(zakończone|odwołane) według sprawozdania/);
    await notCarried.first().getByRole('checkbox').check();
    expect(await form.getByText(t.picked(1)).count()).toBe(1);
    const n = await carried.count();
    const pickedUnit = (await notCarried.first().getAttribute('data-unit'))!;
    await shots('64-program-nowy-rok');
    await form.getByRole('button', { name: t.start(2027, n + 1) }).click();
    await expect.poll(() => page.getByText(t.started(2027, phase.planning)).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => yearCard(2027).count(), { timeout: 15_000 }).toBe(1);
    expect(await yearCard(2027).textContent()).toContain(phase.planning);
    expect(await yearCard(2027).textContent()).toContain(`${t.reportingDeadline}: 31 marca 2028`);

    // the server has the picked activity in 2027, with its unit, and not the one left unpicked
    expect((await api('GET', PROGRAM_PATHS.carryOver(2027))).status).toBe(409);
    const years = (await api('GET', API_PATHS.years)).body as { year: number; phase: string }[];
    expect(years.find((y) => y.year === 2027)?.phase).toBe('planning');
    expect(pickedUnit).toBe(reporter.orgUnitCode);
    const as = async (path: string) => (await fetch(server.baseUrl + path, { headers: { Authorization: `Bearer ${reporter.token}` } })).json();
    const in2027 = ((await as(PLAN_PATHS.previous(2027, pickedUnit))) as PlanPreviousResponse).activities.map((a) => a.activityId);
    expect(in2027).toContain(picked);
    expect(in2027).not.toContain(left);
    expect(in2027).toEqual(expect.arrayContaining(own.slice(2)));
    expect(await as(PLAN_PATHS.plan(2027, pickedUnit))).toMatchObject({ version: 0, entries: [] });
  });
});
