/**
 * End-to-end: the task pane as a clerk at 320 px meets it (and at 450 and 800 px). The built pane in
 * headless Chromium against the real server, office.js answered by fake-office.js.
 * In every state: nothing overflows sideways (document, controls, tab bar, chart labels) and axe-core
 * finds no serious or critical violation. Then what a user notices: one primary action on an empty
 * workbook, focus and scroll on the chosen activity's form, an honest sync state through edits made
 * in the sheet, problems named once whose link selects the cell, a figure typed without a measure
 * kind fixed in the form, the same percentage in hint and error, Office's dark theme, and a
 * keyboard-only report of an activity with two measures (keys counted, at most 20).
 * Screenshots at 320 px: 3x-*.png (see SHOTS in browser.ts).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import {
  API_PATHS, MEASURE_KINDS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, UNIT_TABLE_NAME, columnLetter, formatPercent,
  type Assignment, type AssignmentsResponse, type ReportingYear, type UnitReport,
} from '@pwr-sync/shared';
import { REPO_ROOT, startServer, type DemoToken, type RunningServer } from './servers.ts';
import { SHOTS, launchPaneBrowser, serveFakeOffice, type PaneBrowser } from './browser.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [320, 450, 800];
const col = (key: string) => UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key);

let server: RunningServer;
let browser: PaneBrowser;
let page: Page;
let distDir: string;
let year = 0;

const fake = <T>(fn: string, ...args: unknown[]) => page.evaluate(([f, a]) => (window as any).__fakeExcel[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const tableValues = () => fake<(string | number)[][]>('tableValues', UNIT_TABLE_NAME);

async function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(server.baseUrl + path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface UnitPick { token: DemoToken; reporting: Assignment[] }
const reportingOf = async (t: DemoToken) => (await api<AssignmentsResponse>(t.token, 'GET', API_PATHS.assignments(year, t.orgUnitCode!))).assignments.filter((a) => a.role === 'reporting');
const twoMeasures = (a: Assignment) => a.plan.kind === 'target' && a.plan.measures.length === 2;
const noMeasures = (a: Assignment) => a.plan.kind !== 'target' || a.plan.measures.length === 0;

/** Every state of the pane must fit 320, 450 and 800 px and pass axe; a screenshot at 320 px. */
async function checkState(name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await page.evaluate(() => {
      const vw = window.innerWidth;
      const label = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      const visible = [...document.querySelectorAll('body *')].filter((el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
      // Past the pane's right edge (a dropdown, a threshold box, a tab bar wider than the pane).
      const beyond = visible.filter((el) => el.getBoundingClientRect().right > vw + 0.5).map(label);
      // Cut off inside its own box: clipped or scrolling sideways (a tab bar with tabs out of sight).
      const clipped = visible.filter((el) => {
        const s = getComputedStyle(el);
        if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return false;
        return ['hidden', 'clip', 'auto', 'scroll'].includes(s.overflowX) && el.scrollWidth > el.clientWidth + 1;
      }).map(label);
      // Chart labels inside the chart's drawing area.
      const chartText = [...document.querySelectorAll('svg[data-testid="execution-chart"] text')].filter((t) => {
        const svg = t.closest('svg')!;
        const box = (t as SVGTextElement).getBBox();
        return box.x < 0 || box.x + box.width > svg.viewBox.baseVal.width + 0.5;
      }).map(label);
      return { scrollWidth: document.documentElement.scrollWidth, vw, beyond, clipped, chartText };
    });
    expect(m.scrollWidth, `${name} at ${width} px: document wider than the pane (${m.beyond.slice(0, 4).join(', ')})`).toBeLessThanOrEqual(m.vw);
    expect(m.beyond, `${name} at ${width} px: past the right edge`).toEqual([]);
    expect(m.clipped, `${name} at ${width} px: cut off`).toEqual([]);
    expect(m.chartText, `${name} at ${width} px: chart labels cut off`).toEqual([]);
    if (width === 320) await page.screenshot({ path: join(SHOTS, `3x-${name}-320.png`), fullPage: true });
  }
  expect(await axeSerious(), `${name}: axe`).toEqual([]);
}

/** axe-core's serious and critical violations on the page as it stands. */
async function axeSerious(): Promise<string[]> {
  // Evaluated rather than added as a script tag: the pane's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as any).axe;
    const result = await axe.run(document);
    return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => `${v.id}: ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(' | ')}`);
  });
}

/** Buttons drawn as primary (the brand fill of Fluent's primary appearance), visible and enabled. */
async function primaryButtons(): Promise<string[]> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'var(--colorBrandBackground)';
    document.querySelector('.fui-FluentProvider')!.appendChild(probe);
    const brand = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...document.querySelectorAll('button')].filter((b) => !b.disabled && b.getBoundingClientRect().width > 0 && getComputedStyle(b).backgroundColor === brand).map((b) => b.textContent ?? '');
  });
}

async function signIn(token: string) {
  await page.goto(`${server.baseUrl}/addin/taskpane.html`);
  // The tab may still hold a session (sessionStorage survives a reload): sign out first then.
  await expect.poll(async () => (await page.getByLabel('Token').count()) + (await page.getByRole('button', { name: 'Wyloguj' }).count()), { timeout: 15_000 }).toBeGreaterThan(0);
  if (await page.getByRole('button', { name: 'Wyloguj' }).count()) await signOut();
  await page.getByLabel('Token').fill(token);
  await page.getByRole('button', { name: 'Zaloguj' }).click();
}
async function signOut() {
  await page.getByRole('button', { name: 'Wyloguj' }).click();
  await expect.poll(() => page.getByLabel('Token').count()).toBe(1);
}
const focused = () => page.evaluate(() => {
  const el = document.activeElement as HTMLElement | null;
  const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
  const r = el?.getBoundingClientRect();
  return { tag: el?.tagName.toLowerCase() ?? '', label: label ?? el?.getAttribute('aria-label') ?? '', text: (el?.textContent ?? '').trim(), inView: !!r && r.top >= 0 && r.bottom <= window.innerHeight };
});
const form = () => page.locator('form').filter({ has: page.getByRole('button', { name: 'Zapisz w arkuszu' }) });

describe('task pane at 320 px', () => {
  let unitA: UnitPick;
  let unitB: UnitPick;

  beforeAll(async () => {
    distDir = mkdtempSync(join(tmpdir(), 'pwr-layout-dist-'));
    await build({ configFile: resolve(REPO_ROOT, 'addin/vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
    server = await startServer({ addinDir: distDir });
    browser = await launchPaneBrowser();
    page = browser.page;
    await serveFakeOffice(page);
    const reviewer = server.tokens.find((t) => t.role === 'reviewer')!;
    year = (await api<ReportingYear[]>(reviewer.token, 'GET', API_PATHS.years)).filter((y) => y.status === 'open').sort((a, b) => b.year - a.year)[0]!.year;
    // Unit A has an activity without planned measures and one with a target; unit B an activity with two measures near the top.
    const units: UnitPick[] = [];
    for (const t of server.tokens.filter((x) => x.role === 'unit_reporter' && x.orgUnitCode)) units.push({ token: t, reporting: await reportingOf(t) });
    unitA = units.find((u) => u.reporting.some(noMeasures) && u.reporting.some((a) => a.plan.kind === 'target' && a.plan.measures.some((m) => m.value >= 10)))!;
    unitB = units.filter((u) => u !== unitA).map((u) => ({ u, at: u.reporting.findIndex(twoMeasures) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0]!.u;
    expect(unitA && unitB).toBeTruthy();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  it('sign-in fits and passes axe', async () => {
    await page.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 15_000 }).toBe(1);
    await checkState('logowanie');
  });

  it('an empty workbook has one primary action; after „Przygotuj arkusz” focus is on the progress, which does not read as done', async () => {
    await signIn(unitA.token.token);
    await expect.poll(() => page.getByRole('button', { name: 'Przygotuj arkusz' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    await expect.poll(() => primaryButtons()).toEqual(['Przygotuj arkusz']);
    expect(await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).count()).toBe(0);
    await checkState('pusty-skoroszyt');
    await page.getByRole('button', { name: 'Przygotuj arkusz' }).click();
    const progress = `Wypełniono 0 z ${unitA.reporting.length} działa`;
    await expect.poll(async () => (await focused()).text, { timeout: 15_000 }).toContain(progress);
    expect(await page.getByRole('button', { name: 'Przekaż do weryfikacji' }).isDisabled()).toBe(true);
    expect(await page.getByText(`${unitA.reporting.length} z ${unitA.reporting.length}`).count()).toBe(0);
    expect(await page.getByRole('navigation', { name: 'Kroki sprawozdania' }).textContent()).toMatch(/1\. Przygotuj arkusz ✓ \(zrobione\).*2\. Wypełnij \(teraz\)/);
    await checkState('lista');
  });

  it('choosing an activity shows its form with focus in the first field, within view; back returns focus to the list', async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    const target = unitA.reporting[Math.min(3, unitA.reporting.length - 1)]!;
    await page.getByRole('list', { name: 'Lista działań' }).locator(`button[data-activity="${target.activity.id}"]`).click();
    await expect.poll(async () => (await focused()).label, { timeout: 10_000 }).toBe('Status');
    expect((await focused()).inView).toBe(true);
    expect(await page.getByRole('heading', { name: new RegExp(`^${target.activity.id.replace(/\./g, '\\.')} · `) }).count()).toBe(1);
    await checkState('formularz');
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
    await expect.poll(async () => (await focused()).text).toContain(target.activity.id);
    // The list is one Tab stop: arrows move, Enter opens.
    const tabbable = await page.getByRole('list', { name: 'Lista działań' }).locator('button[tabindex="0"]').count();
    expect(tabbable).toBe(1);
    await page.keyboard.press('ArrowDown');
    const next = unitA.reporting[unitA.reporting.findIndex((a) => a.activity.id === target.activity.id) + 1];
    if (next) {
      await expect.poll(async () => (await focused()).text).toContain(next.activity.id);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await focused()).label).toBe('Status');
      expect((await focused()).inView).toBe(true);
      await page.getByRole('button', { name: 'Wróć do listy' }).click();
    }
  });

  it('selecting an activity’s row in Excel opens its form', async () => {
    const rows = await tableValues();
    const at = rows.findIndex((r) => r[col('activityId')] === unitA.reporting[1]!.activity.id);
    await fake('userSelect', UNIT_SHEET_NAME, `${columnLetter(col('comment'))}${at + 2}`);
    await expect.poll(() => page.getByRole('heading', { name: new RegExp(`^${unitA.reporting[1]!.activity.id.replace(/\./g, '\\.')} · `) }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('the sync state is honest: sheet edits after a sync take „Zapisano na serwerze” away; no „Zapisano w arkuszu” beside an open problem', async () => {
    const a = unitA.reporting[0]!;
    await page.getByRole('list', { name: 'Lista działań' }).locator(`button[data-activity="${a.activity.id}"]`).click();
    await form().getByLabel('Status').selectOption({ label: 'niezrealizowane w tym roku' });
    await form().getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    // Saved in the sheet, but a reason is missing: the save says so instead of a green „Zapisano w arkuszu.”
    await expect.poll(() => form().getByText(/Zapisano w arkuszu, ale działanie ma 1 problem/).count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('Zapisano w arkuszu.', { exact: true }).count()).toBe(0);
    await expect.poll(() => page.getByText('Niezsynchronizowane zmiany (1)').count()).toBe(1);
    await checkState('formularz-problem');
    await form().getByLabel('Komentarz / wyjaśnienie').fill('Brak chętnych.');
    // The form's unsaved edit is said too, counted once for its activity.
    await expect.poll(() => page.getByText(/W formularzu są niezapisane zmiany/).count()).toBe(1);
    expect(await page.getByText('Niezsynchronizowane zmiany (1)').count()).toBe(1);
    await form().getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(() => page.getByText('Zapisano w arkuszu.', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Synchronizuj' }).click();
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByText(/Niezsynchronizowane/).count()).toBe(0);
    await page.getByRole('button', { name: 'Wróć do listy' }).click();

    // An edit in the sheet (a change event, not the form) after the sync.
    const rows = await tableValues();
    const at = rows.findIndex((r) => r[col('activityId')] === a.activity.id);
    const cell = `${columnLetter(col('comment'))}${at + 2}`;
    expect(await fake('userEdit', UNIT_SHEET_NAME, cell, [['Brak chętnych rodzin.']])).toBe(true);
    await expect.poll(() => page.getByText('Niezsynchronizowane zmiany (1)').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByText('Zapisano na serwerze.').count()).toBe(0);
    expect(await page.getByText(/Ostatnia synchronizacja: /).count()).toBe(1);
    await expect.poll(() => primaryButtons()).toEqual(['Synchronizuj']); // polled: the buttons' colours change with a transition
    await checkState('niezsynchronizowane');
    // Typed back as it was on the server: nothing is unsent any more.
    await fake('userEdit', UNIT_SHEET_NAME, cell, [['Brak chętnych.']]);
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 10_000 }).toBe(1);
  });

  it('a problem names its field once, in one line, and its link selects the cell and opens the form', async () => {
    const a = unitA.reporting[0]!;
    const rows = await tableValues();
    const at = rows.findIndex((r) => r[col('activityId')] === a.activity.id);
    const cell = `${columnLetter(col('comment'))}${at + 2}`;
    await fake('userEdit', UNIT_SHEET_NAME, cell, [['']]);
    const item = page.getByRole('listitem').filter({ hasText: `${a.activity.id} · Komentarz` });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    const text = (await item.textContent())!;
    expect(text.match(/Komentarz/g)).toHaveLength(1);
    expect(text).not.toContain(`Działanie ${a.activity.id}`);
    await fake('userSelect', 'Arkusz1', 'A1');
    await item.getByRole('button').click();
    await expect.poll(() => fake('activeCell')).toBe(`${UNIT_SHEET_NAME}!${cell}`);
    await expect.poll(() => form().getByRole('heading').first().textContent()).toContain(a.activity.id);
    await form().getByLabel('Komentarz / wyjaśnienie').fill('Brak chętnych.');
    await form().getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(() => page.getByText('Zapisano w arkuszu.', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('a figure typed in the sheet without a measure kind leads to the form, which gives it one (no dead end)', async () => {
    const a = unitA.reporting.find(noMeasures)!;
    const rows = await tableValues();
    const at = rows.findIndex((r) => r[col('activityId')] === a.activity.id);
    expect(await fake('userEdit', UNIT_SHEET_NAME, `${columnLetter(col('actual'))}${at + 2}`, [[12]])).toBe(true);
    const item = page.getByRole('listitem').filter({ hasText: `${a.activity.id} · Miara` });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('w formularzu');
    await item.getByRole('button').click();
    await expect.poll(async () => (await focused()).label, { timeout: 10_000 }).toMatch(/^Rodzaj miary/);
    expect(await form().getByText(/W arkuszu wpisano 12 bez rodzaju miary/).count()).toBe(1);
    expect(await page.getByText('Niezsynchronizowane zmiany (1)').count()).toBe(1); // one activity, not two changes
    await checkState('wartosc-bez-miary');
    const kind = MEASURE_KINDS.find((k) => k.lemma === 'spotkanie') ?? MEASURE_KINDS[0]!;
    await form().getByLabel('Rodzaj miary').selectOption(kind.lemma);
    await form().getByLabel('Status').selectOption({ label: 'zrealizowane' });
    await form().getByRole('button', { name: 'Zapisz w arkuszu' }).click();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: `${a.activity.id} · Miara` }).count(), { timeout: 10_000 }).toBe(0);
    const after = (await tableValues()).filter((r) => r[col('activityId')] === a.activity.id);
    expect(after.filter((r) => r[col('actual')] === 12)).toHaveLength(1);
    expect(after.find((r) => r[col('actual')] === 12)![col('measureKind')]).toBe(kind.label);
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('the hint and the error give the same percentage', async () => {
    const a = unitA.reporting.find((x) => x.plan.kind === 'target' && x.plan.measures.some((m) => m.value >= 10))!;
    const m = a.plan.measures.find((x) => x.value >= 10)!;
    const value = Math.max(1, Math.round(m.value * 0.156));
    const percent = formatPercent(value / m.value);
    await page.getByRole('list', { name: 'Lista działań' }).locator(`button[data-activity="${a.activity.id}"]`).click();
    await form().getByLabel('Status').selectOption({ label: 'zrealizowane' });
    await form().getByLabel('Komentarz / wyjaśnienie').fill(''); // no explanation yet: the error asks for one
    const input = form().locator('input[inputmode="decimal"]').nth(a.plan.measures.indexOf(m));
    await input.fill(String(value));
    // The hint beside the figure and the error at the comment say the same percentage.
    await expect.poll(() => form().getByText(`${percent} planu`, { exact: false }).count()).toBe(2);
    expect(await form().getByText(new RegExp(`to ${percent.replace(/\s/g, '\\s')} planu — dodaj wyjaśnienie`)).count()).toBe(1);
    await checkState('procent');
    await page.getByRole('button', { name: 'Cofnij zmiany' }).click();
    await page.getByRole('button', { name: 'Wróć do listy' }).click();
  });

  it('reports one activity with two measures by keyboard only, in at most 20 keys beyond the typed values', async () => {
    // A fresh workbook (a new page: a new in-memory Excel), signed in as unit B.
    const first = page;
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    await serveFakeOffice(page);
    await page.goto(`${server.baseUrl}/addin/taskpane.html`);
    await expect.poll(() => page.getByLabel('Token').count(), { timeout: 15_000 }).toBe(1);
    await page.getByLabel('Token').fill(unitB.token.token);
    await page.keyboard.press('Enter');
    const target = unitB.reporting.find(twoMeasures)!;
    const position = unitB.reporting.indexOf(target);
    const keys: string[] = [];
    const press = async (key: string) => { keys.push(key); await page.keyboard.press(key); };
    const tabTo = async (matches: (f: Awaited<ReturnType<typeof focused>>) => boolean) => {
      for (let i = 0; i < 30 && !matches(await focused()); i++) await press('Tab');
      expect(matches(await focused())).toBe(true);
    };
    await expect.poll(() => page.getByRole('button', { name: 'Przygotuj arkusz' }).count(), { timeout: 20_000 }).toBe(1);
    await tabTo((f) => f.text === 'Przygotuj arkusz');
    await press('Enter');
    await expect.poll(async () => (await focused()).text, { timeout: 15_000 }).toContain('Wypełniono 0 z');
    await tabTo((f) => f.tag === 'button' && f.text.startsWith(unitB.reporting[0]!.activity.id));
    for (let i = 0; i < position; i++) await press('ArrowDown');
    await press('Enter');
    await expect.poll(async () => (await focused()).label).toBe('Status');
    await press('ArrowDown'); // „zrealizowane”, the first status
    await press('Tab');
    await page.keyboard.type(String(target.plan.measures[0]!.value).replace('.', ','));
    await press('Tab');
    await page.keyboard.type(String(target.plan.measures[1]!.value).replace('.', ','));
    await press('Enter'); // „Zapisz w arkuszu”
    await expect.poll(() => page.getByText('Zapisano w arkuszu.', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await tabTo((f) => f.text === 'Synchronizuj');
    await press('Enter');
    await expect.poll(() => page.getByText('Zapisano na serwerze.').count(), { timeout: 15_000 }).toBe(1);
    const saved = await api<UnitReport>(unitB.token.token, 'GET', API_PATHS.report(year, unitB.token.orgUnitCode!));
    const entry = saved.entries.find((e) => e.activityId === target.activity.id)!;
    expect(entry.status).toBe('realized');
    expect(entry.actual.measures.map((x) => x.value).sort()).toEqual(target.plan.measures.map((x) => x.value).sort());
    console.log(`[keyboard] one activity with two measures: ${keys.length} keys beyond the typed values (${keys.join(' ')}), activity ${position + 1} in the list`);
    expect(keys.length).toBeLessThanOrEqual(20);
    await page.close();
    page = first;
  });

  it('follows Office’s dark theme, and passes axe in it', async () => {
    const p = await browser.context.newPage();
    const saved = page;
    page = p;
    try {
      await p.addInitScript(() => { (window as any).__fakeTheme = { bodyBackgroundColor: '#262626', bodyForegroundColor: '#FFFFFF', controlBackgroundColor: '#333333', controlForegroundColor: '#FFFFFF' }; });
      await serveFakeOffice(p);
      await signIn(unitB.token.token);
      await expect.poll(() => p.getByRole('button', { name: 'Przygotuj arkusz' }).count(), { timeout: 20_000 }).toBe(1);
      const bg = await p.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor);
      const [r, g, b] = bg.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).toBeLessThan(3 * 80);
      await checkState('ciemny-motyw');
    } finally {
      page = saved;
      await p.close();
    }
  });

  it('review mode fits and passes axe on every tab, for a reviewer and a manager', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    for (const role of ['reviewer', 'manager']) {
      await signIn(server.tokens.find((t) => t.role === role)!.token);
      await expect.poll(() => page.getByText('Przegląd sprawozdań').count(), { timeout: 20_000 }).toBe(1);
      await page.getByLabel('Rok sprawozdawczy').selectOption(String(year - 1));
      await expect.poll(() => page.getByText(/Na serwerze: /).count(), { timeout: 15_000 }).toBe(1);
      await page.getByRole('button', { name: /Wczytaj zestawienie|Odśwież zestawienie/ }).click();
      await expect.poll(() => page.getByText(/jest w arkuszu „Zestawienie”/).count(), { timeout: 20_000 }).toBe(1);
      await page.getByRole('button', { name: 'Według jednostki' }).click();
      await checkState(`przeglad-${role}-filtry`);
      for (const [tab, name] of [['Kompletność', 'kompletnosc'], ['Historia', 'historia']] as const) {
        await page.getByRole('tab', { name: tab }).click();
        await checkState(`przeglad-${role}-${name}`);
      }
      await page.getByRole('tab', { name: 'Filtry i podsumowanie' }).click();
      await signOut();
    }
  });
});
